using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Attestations;

namespace Marketplace.Functions.Attestations;

/// <summary>
/// Keeps search in step with attestations: after every change, each offering whose search document shows the
/// attestation (its offering, or all the supplier's active offerings for an organisation-level one) is updated.
/// </summary>
internal static class CatalogueLink
{
    /// <summary>
    /// Runs after the change is committed, so it does not stop when the caller goes away: each update is queued
    /// durably first, then applied at once (see <c>SearchIndexUpdates</c>).
    /// </summary>
    public static async Task<int> AttestationChangedAsync(Attestation attestation, AttestationStore store, ISearchIndexUpdates index)
    {
        var updated = 0;
        await foreach (var offeringId in store.AffectedOfferingsAsync(attestation, CancellationToken.None))
        {
            await index.OfferingChangedAsync(offeringId, CancellationToken.None);
            updated++;
        }
        return updated;
    }
}
