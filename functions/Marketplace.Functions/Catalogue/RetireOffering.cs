using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Access;
using Marketplace.Functions.Problems;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>DELETE /api/offerings/{id}</c>: retires a listing. It leaves search at once; the record and its history stay.</summary>
public static class RetireOffering
{
    public static RouteHandlerBuilder MapRetireOffering(this IEndpointRouteBuilder app) =>
        app.MapDelete("/api/offerings/{id}", HandleAsync)
            .WithName("RetireOffering")
            .WithTags("Catalogue")
            .WithSummary("Retires a listing (kept with its history, removed from search). Requires If-Match.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));

    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, HttpRequest request, CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch, out var missing))
        {
            return missing!;
        }
        var current = await tables.Offerings.FindAsync(id, ct);
        var decision = ListingRules.Decide(current?.Document, ListingProblems.OrganisationOf(user));
        if (decision != ListingDecision.Allowed)
        {
            return ListingProblems.For(decision, id);
        }
        var stored = await tables.Offerings.ReplaceKeepingHistoryAsync(current!.Document with { Status = OfferingStatus.Retired }, current.Document,
            ifMatch, user.FindFirstValue(MarketplaceClaimTypes.ObjectId) ?? "", time.GetUtcNow(), ct);
        if (stored is null)
        {
            return Preconditions.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        return TypedResults.NoContent();
    }
}
