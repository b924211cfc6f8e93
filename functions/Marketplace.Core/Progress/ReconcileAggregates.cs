using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
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
    /// <summary>How many sources' rewrites are written together: the store can then write a slice's rows for all of them at once.</summary>
    internal const int Batch = 500;

    /// <summary>Puts every contribution and counter right; the drifts found, largest first.</summary>
    /// <remarks>
    /// Streams the records: each one's contributions are counted and compared with what was recorded for it as they
    /// arrive, against a fingerprint per recorded source, so a run holds a number per source instead of every
    /// contribution twice (about 1.4 million objects at 100,000 offerings, a few hundred megabytes, issue 15). A
    /// source's recorded contributions are read again, one row, only when they must be rewritten. Rewrites are written
    /// <see cref="Batch"/> sources at a time: after a bulk import every source is new, and one request per row was about
    /// a million requests at 100,000 offerings (issue 15).
    /// </remarks>
    public async Task<Reconciliation> RunAsync(CancellationToken ct)
    {
        var recorded = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        await foreach (var (sourceId, contributions) in store.ListContributionsAsync(ct))
        {
            recorded[sourceId] = Fingerprint(contributions);
        }
        var tally = new Tally();
        var rewrites = new Rewrites(store);
        await foreach (var (sourceId, next) in SourcesAsync(ct))
        {
            tally.Add(next);
            var known = recorded.Remove(sourceId, out var fingerprint);
            if (known ? fingerprint != Fingerprint(next) : next.Count > 0)
            {
                await rewrites.AddAsync(new SourceChange(sourceId, known ? await store.ContributionsOfAsync(sourceId, ct) : [], next), ct);
            }
        }
        // Left in the map: recorded, but no record contributes any more (an offering deleted outright).
        foreach (var sourceId in recorded.Keys.Order(StringComparer.Ordinal))
        {
            if (await store.ContributionsOfAsync(sourceId, ct) is { Count: > 0 } previous)
            {
                await rewrites.AddAsync(new SourceChange(sourceId, previous, []), ct);
            }
        }
        await rewrites.FlushAsync(ct);

        var expected = tally.Counters();
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
            rewrites.Count, wanted.Count);
    }

    /// <summary>Source changes waiting to be written, <see cref="Batch"/> at a time.</summary>
    private sealed class Rewrites(IAggregateStore store)
    {
        private readonly List<SourceChange> pending = new(Batch);

        /// <summary>Sources rewritten so far, written or waiting.</summary>
        public int Count { get; private set; }

        public async Task AddAsync(SourceChange change, CancellationToken ct)
        {
            pending.Add(change);
            Count++;
            if (pending.Count == Batch)
            {
                await FlushAsync(ct);
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (pending.Count > 0)
            {
                await store.RecordAsync(pending, ct);
                pending.Clear();
            }
        }
    }

    /// <summary>Each record (active offering with its supplier, awarded shortlist) with what it contributes today.</summary>
    private async IAsyncEnumerable<(string SourceId, IReadOnlyList<Contribution> Contributions)> SourcesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var suppliers = (await organisations.ListAsync(OrganisationKind.Supplier, ct)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        await foreach (var offering in offerings.ListActiveAsync(ct))
        {
            yield return (Contributions.OfferingSource(offering.Id), Contributions.OfOffering(offering, suppliers.GetValueOrDefault(offering.SupplierId)));
        }
        await foreach (var shortlist in awards.AwardedAsync(ct))
        {
            yield return (Contributions.AwardSource(shortlist.Id), Contributions.OfAward(shortlist));
        }
    }

    /// <summary>The same number for the same set of contributions, whatever their order or repeats.</summary>
    /// <remarks>Hashed part by part, with no text built per source: a reconciliation fingerprints every source twice.</remarks>
    internal static UInt128 Fingerprint(IReadOnlyList<Contribution> contributions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[sizeof(long)];
        foreach (var c in contributions.Distinct().OrderBy(c => c.Measure, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)
                     .ThenBy(c => c.Member, StringComparer.Ordinal).ThenBy(c => c.Value))
        {
            // Length-prefixed, so no part can be read as another.
            foreach (var part in (ReadOnlySpan<string>)[c.Measure, c.Key, c.Member])
            {
                BinaryPrimitives.WriteInt64LittleEndian(number, part.Length);
                hash.AppendData(number);
                hash.AppendData(MemoryMarshal.AsBytes(part.AsSpan()));
            }
            BinaryPrimitives.WriteInt64LittleEndian(number, c.Value);
            hash.AppendData(number);
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
