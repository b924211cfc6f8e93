using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>
/// The owning supplier replaces its listing, declarations included; the old version is kept as history, the change
/// is audited (naming the capabilities added, changed and withdrawn) and search follows at once.
/// </summary>
public sealed class ReplaceOffering(IOfferings offerings, ISearchIndexUpdates index, TimeProvider time)
{
    /// <summary>
    /// 404 → 403 (not the caller's supplier) → 428 (no If-Match) → 412 (not the stored version) → 409 (retired) → 400
    /// (a server-owned field sent back changed, or a declaration breaks its rules) → 412 (changed during the request).
    /// A declaration new or with another statement or figure is dated today; the rest keep their dates and evidence.
    /// </summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, string id, OfferingListing listing, string? ifMatch, CancellationToken ct)
    {
        var current = Ids.IsId(id) ? await offerings.FindAsync(id, ct) : null;
        var version = OfferingAccess.ForChange(actor, id, current, ifMatch);
        if (!version.Succeeded)
        {
            return version.Failure;
        }
        var stored = current!.Document;
        if (ListingRules.Refuse(listing, stored) is { } invalid)
        {
            return invalid;
        }
        var now = time.GetUtcNow();
        var replacement = new Offering(listing, id, stored.SupplierId)
        {
            Capabilities = CapabilityDeclarations.Stamp(listing.Capabilities, stored.Capabilities, DateOnly.FromDateTime(now.UtcDateTime)),
        };
        if (await offerings.ReplaceAsync(replacement, stored, version.Value, OfferingAudit.Of(actor, "replace", stored, replacement, now), ct) is not { } saved)
        {
            return Failure.Stale();
        }
        await index.OfferingChangedAsync(id, ct);
        return saved;
    }
}
