using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary>
/// <c>POST /api/shortlists/{id}/lock</c>: freezes a draft shortlist. Its snapshot (every listed offering and its
/// suppliers' attestations as they were when scored) is re-scored to prove it reproduces the entries, and the SHA-256 of
/// the canonical JSON is stored. Refused for an empty shortlist.
/// </summary>
public static class LockShortlist
{
    public static RouteHandlerBuilder MapLockShortlist(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/shortlists/{id}/lock", HandleAsync)
            .WithName("LockShortlist")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithTags("Shortlisting")
            .WithSummary("Locks a draft shortlist (If-Match required): re-scores its snapshot, stores the SHA-256 of its canonical JSON, and refuses an empty or already locked shortlist (409).")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("shortlist", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner));

    public static Task<Results<Ok<ShortlistView>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, HttpRequest request, HttpResponse response, ShortlistingTables tables, TimeProvider time, CancellationToken ct) =>
        LockAsync(id, user, request.Headers.IfMatch.ToString(), response, tables, time, ct);

    /// <summary>The lock itself, with the If-Match value given (the shortlist page sends it from a hidden field).</summary>
    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> LockAsync(
        string id, ClaimsPrincipal user, string? ifMatchValue, HttpResponse response, ShortlistingTables tables, TimeProvider time, CancellationToken ct)
    {
        var (stored, ifMatch, problem) = await ShortlistAccess.LoadForChangeAsync(id, user, ifMatchValue, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        var actor = user.ToActor();
        var now = time.GetUtcNow();
        var (locked, conflict) = ShortlistLocking.Lock(stored.Document, now, actor.UserId);
        if (locked is null)
        {
            return ShortlistAccess.Conflict(conflict!.Value, "The shortlist cannot be locked.");
        }
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistingTables.ShortlistSubject, id, "lock", ShortlistStatus.Draft, ShortlistStatus.Locked, now)
            with { Detail = $"SHA-256 {locked.Lock!.Sha256} of {locked.Result.Entries.Count} entries and their snapshot" };
        if (await tables.Shortlists.ReplaceAsync(locked, stored.Document, ifMatch, change, ct) is not { } saved)
        {
            return Preconditions.Stale();
        }
        Preconditions.SetETag(response, saved.ETag);
        return TypedResults.Ok(ShortlistView.Of(locked));
    }
}
