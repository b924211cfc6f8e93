using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Functions.Catalogue;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Pages.Supplier;

/// <summary>The signed-in supplier's profile through the API's GetSupplierProfile handler.</summary>
internal static class SupplierPages
{
    public static async Task<(GetSupplierProfile.SupplierProfile? Profile, IResult? Refusal)> ProfileAsync(
        HttpContext http, ClaimsPrincipal user, CatalogueTables tables, TimeProvider time, CancellationToken ct)
    {
        var organisationId = user.FindFirstValue(MarketplaceClaimTypes.OrganisationId) ?? "";
        var answer = (await GetSupplierProfile.HandleAsync(organisationId, tables, time, ct)).Result;
        return answer is Ok<GetSupplierProfile.SupplierProfile> { Value: { } profile }
            ? (profile, null)
            : (null, await PageErrors.ResultAsync(http, (ProblemHttpResult)answer));
    }
}
