using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Functions.Specifications;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary><c>GET /api/commissioners/{id}/shortlists</c>: a commissioner's shortlists, newest first, one line each.</summary>
public static class ListCommissionerShortlists
{
    /// <summary>One shortlist in the list.</summary>
    public sealed record ShortlistSummary(string Id, string SpecificationId, string Title, string Status, DateTimeOffset CreatedAt, int Listed, int Eligible,
        string? TopOfferingId, string? TopOfferingName, string? Outcome, string? Sha256);

    public static RouteHandlerBuilder MapListCommissionerShortlists(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/commissioners/{id}/shortlists", HandleAsync)
            .WithName("ListCommissionerShortlists")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Lists a commissioner's shortlists, newest first: status, counts, top offering, outcome and lock hash.")
            .AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation("commissioner", (MarketplaceRole.Commissioner, OrganisationRelation.NamedCommissioner), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    public static async Task<Results<Ok<IReadOnlyList<ShortlistSummary>>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, CatalogueTables catalogue, ShortlistingTables tables, CancellationToken ct)
    {
        if (await SpecificationAccess.RequireCommissionerAsync(id, user, catalogue, ct) is { } forbidden)
        {
            return forbidden;
        }
        var found = new List<ShortlistSummary>();
        await foreach (var s in tables.Shortlists.Table.ListAsync(TableFilter.Equal("CommissionerId", id), ct))
        {
            var top = s.Result.Entries.FirstOrDefault();
            found.Add(new ShortlistSummary(s.Id, s.SpecificationId, s.Title, s.Status, s.CreatedAt, s.Counts.Listed, s.Counts.Eligible,
                top?.OfferingId, top?.OfferingName, s.Outcome?.Result, s.Lock?.Sha256));
        }
        return TypedResults.Ok<IReadOnlyList<ShortlistSummary>>([.. found.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }
}
