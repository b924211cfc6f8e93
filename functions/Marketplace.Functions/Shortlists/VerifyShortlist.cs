using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary>
/// <c>GET /api/shortlists/{id}/verify</c>: an auditor's check. Re-scores the shortlist's snapshot and compares the hash
/// with the one stored at lock; also returns the snapshot itself, so the check can be repeated elsewhere.
/// </summary>
public static class VerifyShortlist
{
    /// <summary>The stored and recomputed hashes, whether they agree, and the inputs re-scored.</summary>
    public sealed record Verification(string ShortlistId, string Status, string? LockedSha256, string RescoredSha256, bool Reproduced, ShortlistSnapshot Snapshot);

    public static RouteHandlerBuilder MapVerifyShortlist(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/shortlists/{id}/verify", HandleAsync)
            .WithName("VerifyShortlist")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Re-scores the shortlist's snapshot and compares the SHA-256 with the one stored at lock (reproduced true/false); returns the snapshot re-scored.")
            .AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation("shortlist", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    public static async Task<Results<Ok<Verification>, ProblemHttpResult>> HandleAsync(string id, ClaimsPrincipal user, ShortlistingTables tables, CancellationToken ct)
    {
        var (stored, problem) = await ShortlistAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        var shortlist = stored.Document;
        var rescored = ShortlistLocking.RescoredHashOf(shortlist.Snapshot);
        var expected = shortlist.Lock?.Sha256 ?? ShortlistLocking.HashOf(shortlist.Snapshot, shortlist.Result.Entries);
        return TypedResults.Ok(new Verification(id, shortlist.Status, shortlist.Lock?.Sha256, rescored, rescored == expected, shortlist.Snapshot));
    }
}
