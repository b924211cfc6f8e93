using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Marketplace.Functions.Specifications;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary><c>GET /api/shortlists/{id}/history</c>: the shortlist's audit trail: creation, lock (with its hash) and outcome.</summary>
public static class GetShortlistHistory
{
    public static RouteHandlerBuilder MapGetShortlistHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/shortlists/{id}/history", HandleAsync)
            .WithName("GetShortlistHistory")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Returns the shortlist's audit trail, oldest first: creation, lock with its SHA-256, and the outcome, each with who and when.")
            .AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation("shortlist", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    public static async Task<Results<Ok<GetSpecificationHistory.History>, ProblemHttpResult>> HandleAsync(string id, ClaimsPrincipal user, ShortlistingTables tables, CancellationToken ct)
    {
        var (stored, problem) = await ShortlistAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        return TypedResults.Ok(new GetSpecificationHistory.History(id, await tables.Shortlists.HistoryAsync(id, ct)));
    }
}
