using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Catalogue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Storage.Shortlisting;

/// <summary>What one reconciliation found and corrected: rows missing, rows that differed, rows that should not be there, and the kept count.</summary>
public sealed record CandidateDrift(int Rows, int Missing, int Changed, int Stale, long? CountStored, long CountExpected)
{
    public bool Any => Missing + Changed + Stale > 0 || CountStored != CountExpected;
}

/// <summary>
/// Derived from the records, for shortlists: one partition per lot of <see cref="Buckets"/> rows, each holding the
/// candidates whose offering id hashes to it (the offering's <see cref="ScoredFields"/> with its own attestations, and
/// its supplier's scored fields with the organisation-level attestations), packed, so a shortlist reads a few dozen rows
/// in one page instead of a row per offering. In their own table beside them: the lots each active offering is in (to
/// take it out of lots it left) and the count of active offerings (what a shortlist says it considered). Kept current
/// per offering by the same messages as the search index; rebuilt and checked against the records by
/// <see cref="ReconcileAsync"/>. Decoded lots are kept for later shortlists up to <see cref="ShortlistingOptions.KeptOfferings"/>
/// offerings (by default <see cref="KeptOfferingsFor"/> the memory the GC may use).
/// </summary>
public sealed partial class CandidateProjection(TableServiceClient service, StorageNames names, CatalogueTables tables, ILogger<CandidateProjection> logger, IOptions<ShortlistingOptions>? options = null)
{
    /// <summary>
    /// Rows per lot. At 100,000 offerings the largest lot has ~22,000 (~31 MB of JSON): ~700 a bucket, ~1 MB of JSON that
    /// packs to ~100 KB, where a row holds 960 KiB; so a catalogue several times larger still fits, and an update
    /// rewrites one bucket of a few hundred candidates, not the lot.
    /// </summary>
    public const int Buckets = 32;
    public const string IndexPartition = "offerings";
    public const string CountPartition = "counts";
    public const string ActiveRow = "active";
    /// <summary>Written by every reconciliation; its timestamp says when the projection was last checked in full.</summary>
    public const string ReconciledRow = "reconciled";
    private const string LotsColumn = "Lots";
    private const string CountColumn = "Count";
    private const int MaxBatch = 100;
    /// <summary>
    /// What one decoded offering holds on the heap with its share of the attestations, declarations and lists: measured at
    /// 100,000 offerings (lot 3, 22,418 offerings and 87,279 attestations) with a heap dump, rounded up.
    /// </summary>
    internal const long DecodedOfferingBytes = 3_000;

    /// <summary>
    /// Offerings kept decoded across lots when none is configured: what fits in a quarter of the memory the GC may use
    /// (the instance's memory, or 75 % of a container's limit). A 512 MB instance keeps ~33,000, the largest lot at
    /// 100,000 offerings (~22,000); a 2,048 MB one every offering at 100,000. Decoding a lot needs the same memory
    /// again for each shortlist, so keeping less saves little: with an eighth, a 512 MiB heap limit kept no lot and the
    /// shortlist p95 doubled. A lot beyond the bound is decoded once for the shortlists that arrive together, not kept.
    /// </summary>
    public static long KeptOfferingsFor(long availableBytes) => Math.Max(1, availableBytes / 4 / DecodedOfferingBytes);

    /// <summary>The lots' buckets.</summary>
    public TableClient Table { get; } = service.GetTableClient(names.CandidatesTable);

    /// <summary>Each active offering's lots (partition <see cref="IndexPartition"/>) and the count (partition <see cref="CountPartition"/>).</summary>
    public TableClient Lots { get; } = service.GetTableClient(names.CandidateLotsTable);

    private readonly DecodedLots decoded = new(service.GetTableClient(names.CandidatesTable),
        options?.Value.KeptOfferings ?? KeptOfferingsFor(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));

    /// <summary>An offering entry: the offering as scored and its own attestations (any status), by id.</summary>
    internal sealed record OfferingRow(Offering Offering, IReadOnlyList<Attestation> Attestations);

    /// <summary>A supplier entry: the supplier as scored and its organisation-level attestations (any status), by id.</summary>
    internal sealed record SupplierRow(Organisation Supplier, IReadOnlyList<Attestation> Attestations);

    /// <summary>The row of a lot an offering's candidate lives in: a stable hash of its id.</summary>
    public static string BucketOf(string offeringId) =>
        "b" + (BinaryPrimitives.ReadUInt16BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(offeringId))) % Buckets).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Brings one offering's candidates in line with the records as they are now: put in its bucket of each lot it lists
    /// (with its supplier) while active, taken out of the lots it left, and counted once while active. Idempotent; each
    /// bucket is read, changed and written back with its ETag, so concurrent updates to one bucket all land.
    /// </summary>
    public async Task ApplyAsync(string offeringId, CancellationToken ct)
    {
        var offering = (await tables.Offerings.FindAsync(offeringId, ct))?.Document;
        // As the records reader does: an offering whose supplier is unknown is not a candidate.
        var supplier = offering is { Status: OfferingStatus.Active } ? (await tables.Organisations.FindAsync(offering.SupplierId, ct))?.Document : null;
        var lots = supplier is null ? [] : LotsOf(offering!);
        var bucket = BucketOf(offeringId);
        if (supplier is not null)
        {
            var attestations = new List<Attestation>();
            await foreach (var attestation in tables.Attestations.ListAsync(TableFilter.Equal("SupplierId", supplier.Id), ct))
            {
                attestations.Add(attestation);
            }
            var (offeringJson, supplierJson) = JsonOf(offering!, supplier, attestations);
            foreach (var lot in lots)
            {
                await ChangeBucketAsync(lot, bucket, b => b.Put(offeringId, supplier.Id, offeringJson, supplierJson), ct);
            }
        }
        var index = await Lots.GetEntityIfExistsAsync<TableEntity>(IndexPartition, offeringId, cancellationToken: ct);
        var previous = index.HasValue ? LotsOf(index.Value!) : [];
        foreach (var lot in previous.Except(lots, StringComparer.Ordinal))
        {
            await ChangeBucketAsync(lot, bucket, b => b.Remove(offeringId), ct);
        }
        if (supplier is not null)
        {
            var row = IndexRow(offeringId, lots);
            if (index.HasValue)
            {
                await Lots.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            }
            else if (await AddIfAbsentAsync(row, ct))
            {
                await AddToCountAsync(+1, ct);
            }
            else
            {
                await Lots.UpsertEntityAsync(row, TableUpdateMode.Replace, ct); // a replayed message added it first
            }
        }
        else if (index.HasValue && await DeleteIfPresentAsync(Lots, IndexPartition, offeringId, ct))
        {
            await AddToCountAsync(-1, ct);
        }
    }

    /// <summary>
    /// Rebuilds the projection from the records and reports what differed: every bucket and lots row that is missing or
    /// different rewritten, every other one deleted, the count set. Reads whole tables, so it runs nightly, after an
    /// import and at a start that follows no recent one, never per request. Only digests are held while checking
    /// (offerings are streamed); a second pass over the offerings rebuilds just the buckets that differ.
    /// </summary>
    public async Task<CandidateDrift> ReconcileAsync(CancellationToken ct)
    {
        var storedBuckets = new Dictionary<(string Lot, string Bucket), (string Digest, ETag ETag)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: ct))
        {
            storedBuckets[(row.PartitionKey, row.RowKey)] = (DigestOrBlank(row), row.ETag);
        }
        var storedIndex = new Dictionary<string, string>(StringComparer.Ordinal);
        long? storedCount = null;
        await foreach (var row in Lots.QueryAsync<TableEntity>(TableFilter.Equal("PartitionKey", IndexPartition), maxPerPage: 1000, select: ["RowKey", LotsColumn], cancellationToken: ct))
        {
            storedIndex[row.RowKey] = row.GetString(LotsColumn) ?? "";
        }
        if ((await Lots.GetEntityIfExistsAsync<TableEntity>(CountPartition, ActiveRow, cancellationToken: ct)) is { HasValue: true } countRow)
        {
            storedCount = countRow.Value!.GetInt64(CountColumn);
        }
        var suppliers = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var organisation in await tables.Organisations.ListAllAsync(null, ct, ranges: 1))
        {
            suppliers[organisation.Id] = organisation;
        }
        var attestations = new Dictionary<string, List<Attestation>>(StringComparer.Ordinal);
        await foreach (var attestation in tables.Attestations.ListAsync(null, ct))
        {
            (attestations.TryGetValue(attestation.SupplierId, out var list) ? list : attestations[attestation.SupplierId] = []).Add(ScoredFields.Of(attestation));
        }

        // First pass: what each bucket should hold, as entry hashes, and the lots rows compared as they stream by.
        var expected = new Dictionary<(string Lot, string Bucket), SortedDictionary<string, (string SupplierId, string Hash)>>();
        var supplierHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var (missing, changed, rows) = (0, 0, 0);
        long count = 0;
        var indexBatch = new List<TableEntity>();
        await foreach (var (offering, supplier, lots, offeringJson, supplierJson) in CandidatesAsync(suppliers, attestations, ct))
        {
            count++;
            supplierHashes.TryAdd(supplier.Id, CandidateBucket.HashOf(supplierJson));
            var hash = CandidateBucket.HashOf(offeringJson);
            foreach (var lot in lots)
            {
                var key = (lot, BucketOf(offering.Id));
                (expected.TryGetValue(key, out var entries) ? entries : expected[key] = new(StringComparer.Ordinal))[offering.Id] = (supplier.Id, hash);
            }
            var index = IndexRow(offering.Id, lots);
            rows++;
            if (storedIndex.Remove(offering.Id, out var storedLots) && storedLots == index.GetString(LotsColumn))
            {
                continue;
            }
            _ = storedLots is null ? missing++ : changed++;
            indexBatch.Add(index);
            if (indexBatch.Count == MaxBatch)
            {
                await WriteAsync(Lots, indexBatch, ct);
                indexBatch.Clear();
            }
        }
        if (indexBatch.Count > 0)
        {
            await WriteAsync(Lots, indexBatch, ct);
        }

        var rebuild = new Dictionary<(string Lot, string Bucket), ETag?>();
        foreach (var (key, entries) in expected)
        {
            rows++;
            var digest = CandidateBucket.DigestOf(
                entries.Select(e => (e.Key, e.Value.Hash)),
                entries.Values.Select(e => e.SupplierId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => (id, supplierHashes[id])));
            if (storedBuckets.Remove(key, out var stored) && stored.Digest == digest)
            {
                continue;
            }
            _ = stored.Digest is null ? missing++ : changed++;
            rebuild[key] = stored.Digest is null ? null : stored.ETag;
        }
        expected.Clear();
        if (rebuild.Count > 0)
        {
            // Second pass: only the buckets that differ are held, filled and written.
            var buckets = rebuild.Keys.ToDictionary(k => k, _ => new CandidateBucket());
            await foreach (var (offering, supplier, lots, offeringJson, supplierJson) in CandidatesAsync(suppliers, attestations, ct))
            {
                foreach (var lot in lots)
                {
                    if (buckets.TryGetValue((lot, BucketOf(offering.Id)), out var bucket))
                    {
                        bucket.Put(offering.Id, supplier.Id, offeringJson, supplierJson);
                    }
                }
            }
            foreach (var ((lot, id), bucket) in buckets)
            {
                await ReplaceUnlessChangedAsync(bucket.ToEntity(lot, id), rebuild[(lot, id)], ct);
            }
        }
        foreach (var ((lot, bucket), stored) in storedBuckets)
        {
            await DeleteUnlessChangedAsync(Table, lot, bucket, stored.ETag, ct);
        }
        foreach (var offeringId in storedIndex.Keys)
        {
            await DeleteIfPresentAsync(Lots, IndexPartition, offeringId, ct);
        }
        if (storedCount != count)
        {
            await Lots.UpsertEntityAsync(new TableEntity(CountPartition, ActiveRow) { [CountColumn] = count }, TableUpdateMode.Replace, ct);
        }
        await Lots.UpsertEntityAsync(new TableEntity(CountPartition, ReconciledRow), TableUpdateMode.Replace, ct);
        var drift = new CandidateDrift(rows, missing, changed, storedBuckets.Count + storedIndex.Count, storedCount, count);
        if (drift.Any)
        {
            LogDrift(drift.Missing, drift.Changed, drift.Stale, drift.CountStored, drift.CountExpected);
        }
        return drift;
    }

    /// <summary>When the projection was last reconciled in full, by the storage service's clock; null if never.</summary>
    public async Task<DateTimeOffset?> LastReconciledAsync(CancellationToken ct)
    {
        var row = await Lots.GetEntityIfExistsAsync<TableEntity>(CountPartition, ReconciledRow, cancellationToken: ct);
        return row.HasValue ? row.Value!.Timestamp : null;
    }

    /// <summary>How many active offerings there are (with a known supplier), as last kept; 0 before the first.</summary>
    public async Task<long> ActiveCountAsync(CancellationToken ct)
    {
        var row = await Lots.GetEntityIfExistsAsync<TableEntity>(CountPartition, ActiveRow, cancellationToken: ct);
        return row.HasValue ? row.Value!.GetInt64(CountColumn) ?? 0 : 0;
    }

    /// <summary>Every candidate of one lot, in offering id order, with their suppliers and attestations: decoded once and shared while its buckets are unchanged.</summary>
    internal Task<LotCandidates> ReadLotAsync(string lotId, CancellationToken ct) => decoded.ReadAsync(lotId, ct);

    /// <summary>Every active offering with a known supplier, streamed, with its lots and its and its supplier's entries.</summary>
    private async IAsyncEnumerable<(Offering Offering, Organisation Supplier, List<string> Lots, string OfferingJson, string SupplierJson)> CandidatesAsync(
        Dictionary<string, Organisation> suppliers, Dictionary<string, List<Attestation>> attestations, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var offering in tables.Offerings.ListAsync(TableFilter.Equal("Status", OfferingStatus.Active), ct))
        {
            if (suppliers.TryGetValue(offering.SupplierId, out var supplier))
            {
                var (offeringJson, supplierJson) = JsonOf(offering, supplier, attestations.GetValueOrDefault(offering.SupplierId) ?? []);
                yield return (offering, supplier, LotsOf(offering), offeringJson, supplierJson);
            }
        }
    }

    /// <summary>An active offering's and its supplier's entries, from their records (attestations of that supplier, any status).</summary>
    private static (string Offering, string Supplier) JsonOf(Offering offering, Organisation supplier, IEnumerable<Attestation> attestations)
    {
        var own = new List<Attestation>();
        var organisation = new List<Attestation>();
        foreach (var attestation in attestations.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            if (attestation.OfferingId is null)
            {
                organisation.Add(ScoredFields.Of(attestation));
            }
            else if (attestation.OfferingId == offering.Id)
            {
                own.Add(ScoredFields.Of(attestation));
            }
        }
        return (
            JsonSerializer.Serialize(new OfferingRow(ScoredFields.Of(offering), own), DocumentJson.Options),
            JsonSerializer.Serialize(new SupplierRow(ScoredFields.Of(supplier), organisation), DocumentJson.Options));
    }

    private static List<string> LotsOf(Offering offering) => [.. offering.Lots.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static TableEntity IndexRow(string offeringId, IReadOnlyList<string> lots) =>
        new(IndexPartition, offeringId) { [LotsColumn] = string.Join(',', lots) };

    private static List<string> LotsOf(TableEntity index) =>
        [.. (index.GetString(LotsColumn) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];

    // A row that cannot be read (written by hand, or by an older layout) differs from whatever is expected.
    private static string DigestOrBlank(TableEntity row)
    {
        try
        {
            return CandidateBucket.Read(row).Digest();
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "";
        }
    }

    /// <summary>Reads a bucket, changes it and writes it back if it changed (deleted once empty), again from the read whenever another writer got in between.</summary>
    private Task ChangeBucketAsync(string lot, string bucketId, Func<CandidateBucket, bool> change, CancellationToken ct) =>
        ChangeRowAsync(Table, lot, bucketId, found =>
        {
            var bucket = found is null ? new CandidateBucket() : CandidateBucket.Read(found);
            return !change(bucket) ? (false, null) : (true, bucket.Count == 0 ? null : bucket.ToEntity(lot, bucketId));
        }, ct);

    /// <summary>
    /// Changes one row until no one got in between: reads it (or its absence), asks <paramref name="next"/> for its next
    /// state (unchanged; or the row to write, null to delete it) and writes that only if the row is still as read (its
    /// ETag; for an absent row, still absent); otherwise reads again.
    /// </summary>
    private static async Task ChangeRowAsync(TableClient table, string partition, string rowKey,
        Func<TableEntity?, (bool Changed, TableEntity? Next)> next, CancellationToken ct)
    {
        while (true)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
            var current = found.HasValue ? found.Value : null;
            var (changed, row) = next(current);
            if (!changed)
            {
                return;
            }
            try
            {
                if (row is null)
                {
                    await table.DeleteEntityAsync(partition, rowKey, current!.ETag, ct);
                }
                else if (current is not null)
                {
                    await table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await table.AddEntityAsync(row, ct);
                }
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Another writer changed (added, deleted) the row since it was read: read it again.
            }
        }
    }

    // A reconciliation writes with the ETag it checked, so an update that landed meanwhile (newer than the records it
    // read) is kept; the next reconciliation looks again.
    private async Task ReplaceUnlessChangedAsync(TableEntity bucket, ETag? seen, CancellationToken ct)
    {
        try
        {
            if (seen is { } etag)
            {
                await Table.UpdateEntityAsync(bucket, etag, TableUpdateMode.Replace, ct);
            }
            else
            {
                await Table.AddEntityAsync(bucket, ct);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
        }
    }

    private static async Task DeleteUnlessChangedAsync(TableClient table, string partition, string row, ETag seen, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, seen, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    private static async Task WriteAsync(TableClient table, List<TableEntity> batch, CancellationToken ct) =>
        await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList(), ct);

    private async Task<bool> AddIfAbsentAsync(TableEntity row, CancellationToken ct)
    {
        try
        {
            await Lots.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static async Task<bool> DeleteIfPresentAsync(TableClient table, string partition, string row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    // Only the writer that added (or deleted) an offering's lots row counts it, so replays never count twice.
    private Task AddToCountAsync(int delta, CancellationToken ct) =>
        ChangeRowAsync(Lots, CountPartition, ActiveRow,
            found => (true, new TableEntity(CountPartition, ActiveRow) { [CountColumn] = (found?.GetInt64(CountColumn) ?? 0) + delta }), ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate projection drift: {Missing} rows missing, {Changed} changed, {Stale} stale; active count {Stored}, expected {Expected}; corrected")]
    private partial void LogDrift(int missing, int changed, int stale, long? stored, long expected);
}
