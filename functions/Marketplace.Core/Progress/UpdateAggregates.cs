using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Progress;

/// <summary>
/// Brings the counters in line with one changed record: recomputes what it contributes from the record as it is now,
/// replaces its previous contribution row by row, and recounts each slice whose row changed from that slice's rows.
/// Replays and reordering are harmless: the rows and the counts depend only on the records.
/// </summary>
public sealed class UpdateAggregates(IAggregateStore store, IOfferingSearchSource offerings, IOrganisations organisations, ICommissionerRecords<ShortlistDocument> shortlists)
{
    /// <summary>After a listing change or an attestation decision that shows on it; how many slices were recounted.</summary>
    public async Task<int> OfferingChangedAsync(string offeringId, CancellationToken ct)
    {
        var offering = await offerings.FindAsync(offeringId, ct);
        var supplier = offering is null ? null : await organisations.FindAsync(offering.SupplierId, ct);
        return await ApplyAsync(Contributions.OfferingSource(offeringId), Contributions.OfOffering(offering, supplier), ct);
    }

    /// <summary>After a shortlist's outcome is recorded; how many slices were recounted.</summary>
    public async Task<int> ShortlistChangedAsync(string shortlistId, CancellationToken ct)
    {
        var shortlist = await shortlists.FindAsync(shortlistId, ct);
        return await ApplyAsync(Contributions.AwardSource(shortlistId), shortlist is null ? [] : Contributions.OfAward(shortlist.Document), ct);
    }

    private async Task<int> ApplyAsync(string sourceId, IReadOnlyList<Contribution> next, CancellationToken ct)
    {
        var previous = await store.ContributionsOfAsync(sourceId, ct);
        var change = new SourceChange(sourceId, previous, next);
        await store.WriteSlicesAsync([change], ct);
        // Only the slices whose row for this source changed: every other slice's rows, and so its count, are as they were.
        // Recounting each touched slice read its whole partition for every message, so a burst (an attestation expiry
        // over many offerings) cost the square of the catalogue (issue 15).
        var slices = ChangedSlices(previous, next);
        foreach (var (measure, key) in slices)
        {
            var value = Measures.ValueOf(await store.SliceAsync(measure, key, ct));
            await store.WriteCounterAsync(new Counter(measure, key, value), ct);
        }
        // Remembered only after the recounts: a message delivered again after a failure finds the same previous
        // contributions, so it recounts the same slices.
        await store.RememberAsync([change], ct);
        return slices.Count;
    }

    /// <summary>The slices the source joined, left, or stays in with another member or value (its row there, as stored: the last contribution to a slice wins).</summary>
    internal static IReadOnlyList<(string Measure, string Key)> ChangedSlices(IReadOnlyList<Contribution> previous, IReadOnlyList<Contribution> next)
    {
        var before = Rows(previous);
        var after = Rows(next);
        return [.. before.Keys.Union(after.Keys).Where(slice => !before.TryGetValue(slice, out var was) || !after.TryGetValue(slice, out var now) || was != now)];

        static Dictionary<(string Measure, string Key), (string Member, long Value)> Rows(IReadOnlyList<Contribution> contributions)
        {
            var rows = new Dictionary<(string Measure, string Key), (string Member, long Value)>();
            foreach (var c in contributions)
            {
                rows[(c.Measure, c.Key)] = (c.Member, c.Value);
            }
            return rows;
        }
    }
}
