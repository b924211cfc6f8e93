using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;

namespace Marketplace.Functions.Pages.Supplier;

/// <summary>The signed-in supplier's profile through the API's <see cref="GetSupplierProfile"/> use case.</summary>
internal static class SupplierPages
{
    public static async Task<(GetSupplierProfile.SupplierProfile? Profile, IResult? Refusal)> ProfileAsync(
        HttpContext http, Actor actor, GetSupplierProfile getSupplierProfile, CancellationToken ct)
    {
        var profile = await getSupplierProfile.RunAsync(actor, actor.OrganisationId ?? "", ct);
        return profile.Succeeded ? (profile.Value, null) : (null, await PageErrors.ResultAsync(http, profile.Failure));
    }
}
