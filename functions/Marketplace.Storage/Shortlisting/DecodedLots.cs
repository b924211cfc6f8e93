using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Attestations;
using Marketplace.Core.Shortlisting;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Storage.Shortlisting;

/// <summary>
/// A lot's candidates as a shortlist scores them: offerings in id order with their suppliers, and those offerings' and
/// suppliers' attestations, prepared for scoring once per decoding (<see cref="PreparedCandidates"/>).
/// </summary>
internal sealed record LotCandidates(IReadOnlyList<CandidateOffering> Offerings, IReadOnlyList<Attestation> Attestations, PreparedCandidates Prepared);

/// <summary>
/// The lots' buckets decoded once and shared: by every shortlist of a lot (concurrent ones included) for as long as
/// none of its buckets' ETags changed, and bucket by bucket after a change (only changed buckets are read again). Each
/// shortlist still asks the table for the lot's keys and ETags, so it scores the projection as it is at that moment.
/// Bounded by the number of offerings kept.
/// </summary>
internal sealed class DecodedLots(TableClient table, long keptOfferings)
{
    private readonly MemoryCache lots = new(new MemoryCacheOptions { SizeLimit = keptOfferings });
    private readonly Lock gate = new();

    internal sealed record Packed(IReadOnlyList<CandidateProjection.OfferingRow> Offerings, IReadOnlyList<CandidateProjection.SupplierRow> Suppliers);

    private sealed record Decoded(LotCandidates Candidates, SortedDictionary<string, (ETag ETag, Packed Bucket)> Buckets);

    private sealed record Entry(Dictionary<string, ETag> Seen, Task<Decoded> Decoding);

    public async Task<LotCandidates> ReadAsync(string lotId, CancellationToken ct)
    {
        var seen = new Dictionary<string, ETag>(StringComparer.Ordinal);
        long offerings = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.Equal("PartitionKey", lotId), maxPerPage: 1000, select: ["RowKey", CandidateBucket.OfferingsColumn], cancellationToken: ct))
        {
            seen[row.RowKey] = row.ETag;
            offerings += row.GetInt32(CandidateBucket.OfferingsColumn) ?? 0;
        }
        Entry entry;
        lock (gate)
        {
            if (!(lots.TryGetValue(lotId, out Entry? kept) && Same(kept!.Seen, seen)))
            {
                var previous = kept?.Decoding is { IsCompletedSuccessfully: true } done ? done.Result : null;
                // Not the request's token: other shortlists may be waiting on the same decoding.
                kept = new Entry(seen, Task.Run(() => DecodeAsync(lotId, seen, previous)));
                lots.Set(lotId, kept, new MemoryCacheEntryOptions { Size = Math.Max(1, offerings) });
            }
            entry = kept;
        }
        try
        {
            return (await entry.Decoding.WaitAsync(ct)).Candidates;
        }
        catch (Exception) when (entry.Decoding.IsFaulted)
        {
            lock (gate)
            {
                if (lots.TryGetValue(lotId, out Entry? kept) && ReferenceEquals(kept, entry))
                {
                    lots.Remove(lotId);
                }
            }
            throw;
        }
    }

    private static bool Same(Dictionary<string, ETag> a, Dictionary<string, ETag> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var etag) && etag == kv.Value);

    private async Task<Decoded> DecodeAsync(string lotId, Dictionary<string, ETag> seen, Decoded? previous)
    {
        var buckets = new SortedDictionary<string, (ETag ETag, Packed Bucket)>(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var (rowKey, etag) in seen)
        {
            if (previous is not null && previous.Buckets.TryGetValue(rowKey, out var bucket) && bucket.ETag == etag)
            {
                buckets[rowKey] = bucket;
            }
            else
            {
                changed.Add(rowKey);
            }
        }
        var rows = new List<TableEntity>();
        if (changed.Count == seen.Count)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.Equal("PartitionKey", lotId), maxPerPage: 1000))
            {
                rows.Add(row);
            }
        }
        else
        {
            foreach (var found in await Task.WhenAll(changed.Select(rowKey => table.GetEntityIfExistsAsync<TableEntity>(lotId, rowKey))))
            {
                if (found.HasValue)
                {
                    rows.Add(found.Value!);
                }
            }
        }
        var packed = new Packed[rows.Count];
        // Unpacking and parsing are most of a cold read's work: both cores take buckets.
        Parallel.For(0, rows.Count, i =>
        {
            // Parsed as it is unpacked: a bucket's JSON is ~1.8 MB at 100,000 offerings, a large-object-heap array each.
            using var json = PackedColumns.Buckets.OpenRead(rows[i]);
            packed[i] = JsonSerializer.Deserialize<Packed>(json, DocumentJson.Options)!;
        });
        for (var i = 0; i < rows.Count; i++)
        {
            buckets[rows[i].RowKey] = (rows[i].ETag, packed[i]);
        }
        return new Decoded(Assemble(buckets.Values.Select(b => b.Bucket)), buckets);
    }

    private static LotCandidates Assemble(IEnumerable<Packed> buckets)
    {
        var rows = new List<CandidateProjection.OfferingRow>();
        var suppliers = new Dictionary<string, CandidateProjection.SupplierRow>(StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            rows.AddRange(bucket.Offerings);
            foreach (var supplier in bucket.Suppliers)
            {
                suppliers.TryAdd(supplier.Supplier.Id, supplier);
            }
        }
        rows.Sort((a, b) => string.CompareOrdinal(a.Offering.Id, b.Offering.Id));
        var offerings = new List<CandidateOffering>(rows.Count);
        var attestations = new List<Attestation>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // A lot's offering row is written with its supplier's in one transaction, so the supplier is always there.
            if (suppliers.TryGetValue(row.Offering.SupplierId, out var supplier))
            {
                offerings.Add(new CandidateOffering(row.Offering, supplier.Supplier));
                attestations.AddRange(row.Attestations);
                if (used.Add(supplier.Supplier.Id))
                {
                    attestations.AddRange(supplier.Attestations);
                }
            }
        }
        return new LotCandidates(offerings, attestations, PreparedCandidates.Of(offerings, attestations));
    }
}
