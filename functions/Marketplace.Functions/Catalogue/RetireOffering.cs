using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>DELETE /api/offerings/{id}</c>: retires a listing. It leaves search at once; the record and its history stay.</summary>
public static class RetireOffering
{
    public static RouteHandlerBuilder MapRetireOffering(this IEndpointRouteBuilder app) =>
        app.MapDelete("/api/offerings/{id}", HandleAsync)
            .WithName("RetireOffering")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithTags("Catalogue")
            .WithSummary("Retires a listing (kept with its history, removed from search). Requires If-Match.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));

    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, HttpRequest request, CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct) =>
        await RetireAsync(id, user, request.Headers.IfMatch.ToString(), tables, index, time, ct);

    /// <summary>The retirement itself, with the If-Match value given (the listing page sends it from a hidden field).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RetireAsync(
        string id, ClaimsPrincipal user, string? ifMatchValue, CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct)
    {
        var (current, ifMatch, problem) = await ListingProblems.LoadForChangeAsync(id, user, ifMatchValue, tables, ct);
        if (problem is not null)
        {
            return problem;
        }
        var stored = await tables.Offerings.ReplaceKeepingHistoryAsync(current!.Document with { Status = OfferingStatus.Retired }, current.Document,
            ifMatch, ListingProblems.UserIdOf(user), time.GetUtcNow(), ct);
        if (stored is null)
        {
            return Preconditions.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        return TypedResults.NoContent();
    }
}
