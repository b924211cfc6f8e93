using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Progress;

/// <summary>
/// Brings the counters in line with one changed record: recomputes what it contributes from the record as it is now,
/// replaces its previous contribution row by row, and recounts each slice it touched from that slice's rows. Replays
/// and reordering are harmless: the rows and the counts depend only on the records.
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
        await store.RecordAsync([new SourceChange(sourceId, previous, next)], ct);
        var slices = previous.Concat(next).Select(c => (c.Measure, c.Key)).Distinct().ToList();
        foreach (var (measure, key) in slices)
        {
            var value = Measures.ValueOf(await store.SliceAsync(measure, key, ct));
            await store.WriteCounterAsync(new Counter(measure, key, value), ct);
        }
        return slices.Count;
    }
}
