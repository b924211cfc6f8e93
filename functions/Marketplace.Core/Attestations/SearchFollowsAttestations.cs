using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Attestations;

/// <summary>
/// Keeps search in step with attestations: after a change, each offering whose search document shows the attestation
/// (its offering, or all the supplier's active offerings for an organisation-level one) is updated, once.
/// </summary>
public sealed class SearchFollowsAttestations(IAttestedOfferings offerings, ISearchIndexUpdates index)
{
    /// <summary>Updates the offerings the changed attestations show on, in id order; how many were updated.</summary>
    public async Task<int> AttestationsChangedAsync(IEnumerable<Attestation> changed, CancellationToken ct)
    {
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var attestation in changed)
        {
            await foreach (var offeringId in offerings.AffectedByAsync(attestation, ct))
            {
                affected.Add(offeringId);
            }
        }
        foreach (var offeringId in affected)
        {
            await index.OfferingChangedAsync(offeringId, ct);
        }
        return affected.Count;
    }
}
