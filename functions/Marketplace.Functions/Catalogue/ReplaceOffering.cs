using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Access;
using Marketplace.Functions.Problems;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>PUT /api/offerings/{id}</c>: the owning supplier replaces its listing; the old version is kept as history.</summary>
public static class ReplaceOffering
{
    public static RouteHandlerBuilder MapReplaceOffering(this IEndpointRouteBuilder app) =>
        app.MapPut("/api/offerings/{id}", HandleAsync)
            .WithName("ReplaceOffering")
            .WithTags("Catalogue")
            .WithSummary("Replaces a listing. Requires If-Match with the ETag from GET (428 without it, 412 when stale).")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));

    public static async Task<Results<Ok<Offering>, ProblemHttpResult>> HandleAsync(
        string id, OfferingListing listing, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct)
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
        var replacement = listing.ToOffering(id, current!.Document.SupplierId);
        var stored = await tables.Offerings.ReplaceKeepingHistoryAsync(replacement, current.Document, ifMatch,
            user.FindFirstValue(MarketplaceClaimTypes.ObjectId) ?? "", time.GetUtcNow(), ct);
        if (stored is null)
        {
            return Preconditions.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(replacement);
    }
}
