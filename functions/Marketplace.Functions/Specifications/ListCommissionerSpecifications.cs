using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Specifications;

/// <summary><c>GET /api/commissioners/{id}/specifications</c>: a commissioner's specifications, newest change first.</summary>
public static class ListCommissionerSpecifications
{
    public static RouteHandlerBuilder MapListCommissionerSpecifications(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/commissioners/{id}/specifications", HandleAsync)
            .WithName("ListCommissionerSpecifications")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Lists the commissioner's specifications, most recently changed first. Only that commissioner organisation.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("commissioner", (MarketplaceRole.Commissioner, OrganisationRelation.NamedCommissioner));

    public static async Task<Results<Ok<IReadOnlyList<SpecificationDocument>>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, CatalogueTables catalogue, ShortlistingTables tables, CancellationToken ct)
    {
        if (await SpecificationAccess.RequireCommissionerAsync(id, user, catalogue, ct) is { } forbidden)
        {
            return forbidden;
        }
        var found = new List<SpecificationDocument>();
        await foreach (var specification in tables.Specifications.Table.ListAsync(TableFilter.Equal("CommissionerId", id), ct))
        {
            found.Add(specification);
        }
        return TypedResults.Ok<IReadOnlyList<SpecificationDocument>>([.. found.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }
}
