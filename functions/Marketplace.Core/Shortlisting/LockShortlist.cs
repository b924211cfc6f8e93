using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>The owning commissioner locks a draft shortlist: its snapshot is re-scored and the SHA-256 of its canonical JSON kept.</summary>
public sealed class LockShortlist(CommissionerAccess access, ICommissionerRecords<ShortlistDocument> shortlists, TimeProvider clock)
{
    /// <summary>The locked shortlist, or why not (404, 403, 428, 409 empty, already locked or on a retired template version, 412 stale).</summary>
    public async Task<Outcome<StoredDocument<ShortlistDocument>>> RunAsync(Actor actor, string id, string? ifMatch, CancellationToken ct)
    {
        var found = await access.ShortlistForChangeAsync(actor, id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var (current, version) = found.Value;
        var now = clock.GetUtcNow();
        var (locked, conflict) = ShortlistLocking.Lock(current.Document, now, actor.UserId);
        if (locked is null)
        {
            return ShortlistConflict.Of(conflict!.Value, "The shortlist cannot be locked.");
        }
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, id, "lock", ShortlistStatus.Draft, ShortlistStatus.Locked, now)
            with { Detail = $"SHA-256 {locked.Lock!.Sha256} of {locked.Result.Entries.Count} entries and their snapshot" };
        return await shortlists.ReplaceAsync(locked, current.Document, version, change, ct) is { } saved ? saved : Failure.Stale();
    }
}

/// <summary>A shortlisting rule's refusal as a 409 that carries the rule's own code as <c>reason</c>.</summary>
public static class ShortlistConflict
{
    /// <summary>The 409 for a domain conflict (code and detail).</summary>
    public static Failure Of((string Code, string Detail) conflict, string title) =>
        Failure.Conflict(title, conflict.Detail, extensions: new Dictionary<string, object?> { ["reason"] = conflict.Code });
}
