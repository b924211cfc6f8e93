using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Functions.Validation;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>PUT /api/offerings/{id}</c>: the owning supplier replaces its listing; the old version is kept as history.</summary>
public static class ReplaceOffering
{
    public static RouteHandlerBuilder MapReplaceOffering(this IEndpointRouteBuilder app) =>
        app.MapPut("/api/offerings/{id}", HandleAsync)
            .WithName("ReplaceOffering")
            .ValidateBodyAgainst("offering-listing.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithTags("Catalogue")
            .WithSummary("Replaces a listing. Requires If-Match with the ETag from GET (428 without it, 412 when stale).")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));

    public static async Task<Results<Ok<Offering>, ProblemHttpResult>> HandleAsync(
        string id, OfferingListing listing, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct) =>
        await ReplaceAsync(id, listing, user, request.Headers.IfMatch.ToString(), response, tables, index, time, ct);

    /// <summary>The replacement itself, with the If-Match value given (the listing page sends it from a hidden field).</summary>
    public static async Task<Results<Ok<Offering>, ProblemHttpResult>> ReplaceAsync(
        string id, OfferingListing listing, ClaimsPrincipal user, string? ifMatchValue, HttpResponse response,
        CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct)
    {
        var (current, ifMatch, problem) = await ListingProblems.LoadForChangeAsync(id, user, ifMatchValue, tables, ct);
        if (problem is not null)
        {
            return problem;
        }
        var replacement = listing.ToOffering(id, current!.Document.SupplierId);
        var stored = await tables.Offerings.ReplaceKeepingHistoryAsync(replacement, current.Document, ifMatch, ListingProblems.UserIdOf(user), time.GetUtcNow(), ct);
        if (stored is null)
        {
            return Preconditions.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(replacement);
    }
}
