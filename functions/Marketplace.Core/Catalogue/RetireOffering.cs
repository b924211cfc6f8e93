using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>The owning supplier retires a listing: it leaves search at once; the record and its history stay. Audited.</summary>
public sealed class RetireOffering(IOfferings offerings, ISearchIndexUpdates index, TimeProvider time)
{
    /// <summary>404 → 403 → 428 → 412 (not the stored version) → 409 (already retired) → 412 (changed meanwhile); on success the retired offering.</summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, string id, string? ifMatch, CancellationToken ct)
    {
        var current = Ids.IsId(id) ? await offerings.FindAsync(id, ct) : null;
        var version = OfferingAccess.ForChange(actor, id, current, ifMatch);
        if (!version.Succeeded)
        {
            return version.Failure;
        }
        var retired = current!.Document with { Status = OfferingStatus.Retired };
        if (await offerings.ReplaceAsync(retired, current.Document, version.Value, OfferingAudit.Of(actor, "retire", current.Document, retired, time.GetUtcNow()), ct) is not { } stored)
        {
            return Failure.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        return stored;
    }
}
