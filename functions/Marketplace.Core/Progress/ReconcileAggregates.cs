using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Progress;

/// <summary>What a reconciliation found and put right.</summary>
/// <param name="Drifts">Published figures that differed from the records, with both values; each is now corrected.</param>
/// <param name="SourcesRewritten">Records whose stored contribution differed from what they contribute today.</param>
/// <param name="Counters">Counters checked.</param>
public sealed record Reconciliation(IReadOnlyList<Drift> Drifts, int SourcesRewritten, int Counters);

/// <summary>
/// Recomputes every counter from the records (active offerings with their suppliers, awarded shortlists), rewrites any
/// record's contribution that differs from what it contributes today, and corrects any counter that differs from the
/// recomputed figure, reporting each drift.
/// </summary>
public sealed class ReconcileAggregates(IAggregateStore store, IOfferingSearchSource offerings, IOrganisations organisations, IAwardRecords awards)
{
    /// <summary>Every counter as the records say it should be, and each record's contribution.</summary>
    public async Task<(IReadOnlyList<Counter> Counters, IReadOnlyDictionary<string, IReadOnlyList<Contribution>> Sources)> RecomputeAsync(CancellationToken ct)
    {
        var suppliers = (await organisations.ListAsync(OrganisationKind.Supplier, ct)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var sources = new Dictionary<string, IReadOnlyList<Contribution>>(StringComparer.Ordinal);
        await foreach (var offering in offerings.ListActiveAsync(ct))
        {
            sources[Contributions.OfferingSource(offering.Id)] = Contributions.OfOffering(offering, suppliers.GetValueOrDefault(offering.SupplierId));
        }
        await foreach (var shortlist in awards.AwardedAsync(ct))
        {
            sources[Contributions.AwardSource(shortlist.Id)] = Contributions.OfAward(shortlist);
        }
        return (Measures.Count(sources.Values.SelectMany(c => c)), sources);
    }

    /// <summary>Puts every contribution and counter right; the drifts found, largest first.</summary>
    public async Task<Reconciliation> RunAsync(CancellationToken ct)
    {
        var (expected, sources) = await RecomputeAsync(ct);
        var recorded = await store.AllContributionsAsync(ct);
        var rewritten = 0;
        foreach (var sourceId in sources.Keys.Union(recorded.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var previous = recorded.GetValueOrDefault(sourceId) ?? [];
            var next = sources.GetValueOrDefault(sourceId) ?? [];
            if (!previous.ToHashSet().SetEquals(next))
            {
                await store.RecordAsync(sourceId, previous, next, ct);
                rewritten++;
            }
        }

        var stored = (await store.CountersAsync(ct)).ToDictionary(c => (c.Measure, c.Key), c => c.Value);
        var wanted = expected.ToDictionary(c => (c.Measure, c.Key), c => c.Value);
        var drifts = new List<Drift>();
        foreach (var slice in wanted.Keys.Union(stored.Keys))
        {
            var (was, should) = (stored.GetValueOrDefault(slice), wanted.GetValueOrDefault(slice));
            if (was != should || !stored.ContainsKey(slice))
            {
                await store.WriteCounterAsync(new Counter(slice.Measure, slice.Key, should), ct);
                if (was != should)
                {
                    drifts.Add(new Drift(slice.Measure, slice.Key, was, should));
                }
            }
        }
        return new Reconciliation(
            [.. drifts.OrderByDescending(d => Math.Abs(d.Stored - d.Expected)).ThenBy(d => d.Measure, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)],
            rewritten, wanted.Count);
    }
}
