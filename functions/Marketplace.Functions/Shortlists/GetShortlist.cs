using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary><c>GET /api/shortlists/{id}</c>: a shortlist with its ranked entries, explanations, exclusions, counts, lock and outcome.</summary>
public static class GetShortlist
{
    public static RouteHandlerBuilder MapGetShortlist(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/shortlists/{id}", HandleAsync)
            .WithName("GetShortlist")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Returns a shortlist and its ETag: ranked entries with per-criterion points and explanations, exclusions with every failed gate, counts, lock and outcome.")
            .AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation("shortlist", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, ShortlistingTables tables, HttpResponse response, CancellationToken ct)
    {
        var (stored, problem) = await ShortlistAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(ShortlistView.Of(stored.Document));
    }
}
