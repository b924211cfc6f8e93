using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>The owning supplier replaces its listing; the old version is kept as history and search follows at once.</summary>
public sealed class ReplaceOffering(IOfferings offerings, ISearchIndexUpdates index, TimeProvider time)
{
    /// <summary>
    /// 404 → 403 (not the caller's supplier) → 428 (no If-Match) → 412 (not the stored version) → 409 (retired) → 400
    /// (a server-owned field sent back changed) → 412 (changed during the request).
    /// </summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, string id, OfferingListing listing, string? ifMatch, CancellationToken ct)
    {
        var current = Ids.IsId(id) ? await offerings.FindAsync(id, ct) : null;
        var version = OfferingAccess.ForChange(actor, id, current, ifMatch);
        if (!version.Succeeded)
        {
            return version.Failure;
        }
        if (ListingRules.RefuseServerOwned(listing, current!.Document) is { } invalid)
        {
            return invalid;
        }
        var replacement = new Offering(listing, id, current.Document.SupplierId);
        if (await offerings.ReplaceAsync(replacement, current.Document, version.Value, actor.UserId, time.GetUtcNow(), ct) is not { } stored)
        {
            return Failure.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        return stored;
    }
}
