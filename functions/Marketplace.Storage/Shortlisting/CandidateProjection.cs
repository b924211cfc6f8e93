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

namespace Marketplace.Storage.Shortlisting;

/// <summary>What one reconciliation found and corrected: rows missing, rows that differed, rows that should not be there, and the kept count.</summary>
public sealed record CandidateDrift(int Rows, int Missing, int Changed, int Stale, long? CountStored, long CountExpected)
{
    public bool Any => Missing + Changed + Stale > 0 || CountStored != CountExpected;
}

/// <summary>
/// Derived from the records, for shortlists: one partition per lot, holding a row per active offering listed in it (its
/// <see cref="ScoredFields"/> and its own attestations) and a row per supplier with offerings there (its scored fields and
/// its organisation-level attestations), so a shortlist reads one partition instead of every table. Beside them, the
/// lots each active offering is in (to take it out of lots it left) and the count of active offerings (what a shortlist
/// says it considered). Kept current per offering by the same messages as the search index; rebuilt and checked
/// against the records by <see cref="ReconcileAsync"/>.
/// </summary>
public sealed partial class CandidateProjection(TableServiceClient service, StorageNames names, CatalogueTables tables, ILogger<CandidateProjection> logger)
{
    // Lot ids are kebab-case slugs, so they never start with '~'.
    public const string IndexPartition = "~offerings";
    public const string CountPartition = "~counts";
    public const string ActiveRow = "active";
    public const string OfferingPrefix = "o|";
    public const string SupplierPrefix = "s|";
    private const string DataColumn = "Data";
    private const string LotsColumn = "Lots";
    private const string CountColumn = "Count";
    private const int MaxPropertyChars = 30_000;
    private const int MaxBatch = 100;

    public TableClient Table { get; } = service.GetTableClient(names.CandidatesTable);

    /// <summary>An offering row: the offering as scored and its own attestations (any status), by id.</summary>
    internal sealed record OfferingRow(Offering Offering, IReadOnlyList<Attestation> Attestations);

    /// <summary>A supplier row: the supplier as scored and its organisation-level attestations (any status), by id.</summary>
    internal sealed record SupplierRow(Organisation Supplier, IReadOnlyList<Attestation> Attestations);

    /// <summary>
    /// Brings one offering's rows in line with the records as they are now: written to each lot it lists (with its
    /// supplier's row) while active, taken out of the lots it left, and counted once while active. Idempotent.
    /// </summary>
    public async Task ApplyAsync(string offeringId, CancellationToken ct)
    {
        var offering = (await tables.Offerings.FindAsync(offeringId, ct))?.Document;
        // As the records reader does: an offering whose supplier is unknown is not a candidate.
        var supplier = offering is { Status: OfferingStatus.Active } ? (await tables.Organisations.FindAsync(offering.SupplierId, ct))?.Document : null;
        var lots = supplier is null ? [] : offering!.Lots.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (supplier is not null)
        {
            var attestations = new List<Attestation>();
            await foreach (var attestation in tables.Attestations.ListAsync(TableFilter.Equal("SupplierId", supplier.Id), ct))
            {
                attestations.Add(attestation);
            }
            var (offeringRow, supplierRow) = RowsOf(offering!, supplier, attestations);
            foreach (var lot in lots)
            {
                // One transaction per lot: an offering row is never there without its supplier's.
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, supplierRow(lot)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, offeringRow(lot)),
                ], ct);
            }
        }
        var index = await Table.GetEntityIfExistsAsync<TableEntity>(IndexPartition, offeringId, cancellationToken: ct);
        var previous = index.HasValue ? LotsOf(index.Value!) : [];
        foreach (var lot in previous.Except(lots, StringComparer.Ordinal))
        {
            await DeleteIfPresentAsync(lot, OfferingPrefix + offeringId, ct);
        }
        if (supplier is not null)
        {
            var row = IndexRow(offeringId, lots);
            if (index.HasValue)
            {
                await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            }
            else if (await AddIfAbsentAsync(row, ct))
            {
                await AddToCountAsync(+1, ct);
            }
            else
            {
                await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct); // a replayed message added it first
            }
        }
        else if (index.HasValue && await DeleteIfPresentAsync(IndexPartition, offeringId, ct))
        {
            await AddToCountAsync(-1, ct);
        }
    }

    /// <summary>
    /// Rebuilds the projection from the records and reports what differed: every expected row written where missing or
    /// different, every other row deleted, the count set. Reads whole tables, so it runs at start-up, nightly and after an
    /// import, never per request; offerings are streamed and only hashes of the stored rows are held.
    /// </summary>
    public async Task<CandidateDrift> ReconcileAsync(CancellationToken ct)
    {
        var stored = new Dictionary<(string Partition, string Row), string>();
        long? storedCount = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: ct))
        {
            if (row.PartitionKey == CountPartition)
            {
                storedCount = row.GetInt64(CountColumn);
                continue;
            }
            stored[(row.PartitionKey, row.RowKey)] = Hash(row.PartitionKey == IndexPartition ? row.GetString(LotsColumn) ?? "" : DataOf(row));
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

        var (missing, changed, rows) = (0, 0, 0);
        long count = 0;
        var pending = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var suppliersDone = new HashSet<(string Lot, string Supplier)>();
        async Task ExpectAsync(TableEntity expected, string content)
        {
            rows++;
            var key = (expected.PartitionKey, expected.RowKey);
            if (stored.Remove(key, out var hash) && hash == Hash(content))
            {
                return;
            }
            if (hash is null)
            {
                missing++;
            }
            else
            {
                changed++;
            }
            if (!pending.TryGetValue(expected.PartitionKey, out var batch))
            {
                pending[expected.PartitionKey] = batch = [];
            }
            batch.Add(expected);
            if (batch.Count == MaxBatch)
            {
                await WriteAsync(batch, ct);
                batch.Clear();
            }
        }

        await foreach (var offering in tables.Offerings.ListAsync(TableFilter.Equal("Status", OfferingStatus.Active), ct))
        {
            if (!suppliers.TryGetValue(offering.SupplierId, out var supplier))
            {
                continue;
            }
            count++;
            var (offeringRow, supplierRow) = RowsOf(offering, supplier, attestations.GetValueOrDefault(offering.SupplierId) ?? []);
            var lots = offering.Lots.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var lot in lots)
            {
                if (suppliersDone.Add((lot, supplier.Id)))
                {
                    var s = supplierRow(lot);
                    await ExpectAsync(s, DataOf(s));
                }
                var o = offeringRow(lot);
                await ExpectAsync(o, DataOf(o));
            }
            var index = IndexRow(offering.Id, lots);
            await ExpectAsync(index, index.GetString(LotsColumn));
        }
        foreach (var batch in pending.Values.Where(b => b.Count > 0))
        {
            await WriteAsync(batch, ct);
        }
        foreach (var (partition, row) in stored.Keys)
        {
            await DeleteIfPresentAsync(partition, row, ct);
        }
        if (storedCount != count)
        {
            await Table.UpsertEntityAsync(new TableEntity(CountPartition, ActiveRow) { [CountColumn] = count }, TableUpdateMode.Replace, ct);
        }
        var drift = new CandidateDrift(rows, missing, changed, stored.Count, storedCount, count);
        if (drift.Any)
        {
            LogDrift(drift.Missing, drift.Changed, drift.Stale, drift.CountStored, drift.CountExpected);
        }
        return drift;
    }

    /// <summary>How many active offerings there are (with a known supplier), as last kept; 0 before the first.</summary>
    public async Task<long> ActiveCountAsync(CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(CountPartition, ActiveRow, cancellationToken: ct);
        return row.HasValue ? row.Value!.GetInt64(CountColumn) ?? 0 : 0;
    }

    /// <summary>Every row of one lot: its offerings and their suppliers, with their attestations.</summary>
    internal async Task<(List<OfferingRow> Offerings, Dictionary<string, SupplierRow> Suppliers)> ReadLotAsync(string lotId, CancellationToken ct)
    {
        var offerings = new List<OfferingRow>();
        var suppliers = new Dictionary<string, SupplierRow>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(TableFilter.Equal("PartitionKey", lotId), maxPerPage: 1000, cancellationToken: ct))
        {
            if (row.RowKey.StartsWith(OfferingPrefix, StringComparison.Ordinal))
            {
                offerings.Add(JsonSerializer.Deserialize<OfferingRow>(DataOf(row), DocumentJson.Options)!);
            }
            else if (row.RowKey.StartsWith(SupplierPrefix, StringComparison.Ordinal))
            {
                var supplier = JsonSerializer.Deserialize<SupplierRow>(DataOf(row), DocumentJson.Options)!;
                suppliers[supplier.Supplier.Id] = supplier;
            }
        }
        return (offerings, suppliers);
    }

    /// <summary>The rows an active offering and its supplier have in a lot, from their records (attestations of that supplier, any status).</summary>
    private static (Func<string, TableEntity> Offering, Func<string, TableEntity> Supplier) RowsOf(Offering offering, Organisation supplier, IEnumerable<Attestation> attestations)
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
        var offeringJson = JsonSerializer.Serialize(new OfferingRow(ScoredFields.Of(offering), own), DocumentJson.Options);
        var supplierJson = JsonSerializer.Serialize(new SupplierRow(ScoredFields.Of(supplier), organisation), DocumentJson.Options);
        return (
            lot => WithData(new TableEntity(lot, OfferingPrefix + offering.Id) { ["SupplierId"] = offering.SupplierId }, offeringJson),
            lot => WithData(new TableEntity(lot, SupplierPrefix + supplier.Id), supplierJson));
    }

    private static TableEntity IndexRow(string offeringId, IReadOnlyList<string> lots) =>
        new(IndexPartition, offeringId) { [LotsColumn] = string.Join(',', lots) };

    private static List<string> LotsOf(TableEntity index) =>
        [.. (index.GetString(LotsColumn) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];

    // A string property holds at most 32K UTF-16 characters: a supplier with many attestations continues in Data1, Data2, …
    private static TableEntity WithData(TableEntity entity, string json)
    {
        for (var part = 0; part * MaxPropertyChars < json.Length || part == 0; part++)
        {
            entity[part == 0 ? DataColumn : DataColumn + part] = json.Substring(part * MaxPropertyChars, Math.Min(MaxPropertyChars, json.Length - part * MaxPropertyChars));
        }
        return entity;
    }

    private static string DataOf(TableEntity row)
    {
        var first = row.GetString(DataColumn) ?? "";
        if (row.GetString(DataColumn + 1) is null)
        {
            return first;
        }
        var json = new StringBuilder(first);
        for (var part = 1; row.GetString(DataColumn + part) is { } more; part++)
        {
            json.Append(more);
        }
        return json.ToString();
    }

    private static string Hash(string content) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private async Task WriteAsync(List<TableEntity> batch, CancellationToken ct) =>
        await Table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList(), ct);

    private async Task<bool> AddIfAbsentAsync(TableEntity row, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task<bool> DeleteIfPresentAsync(string partition, string row, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(partition, row, ETag.All, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    // Only the writer that added (or deleted) an offering's index row counts it, so replays never count twice.
    private async Task AddToCountAsync(int delta, CancellationToken ct)
    {
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(CountPartition, ActiveRow, cancellationToken: ct);
            try
            {
                if (!row.HasValue)
                {
                    await Table.AddEntityAsync(new TableEntity(CountPartition, ActiveRow) { [CountColumn] = (long)delta }, ct);
                }
                else
                {
                    var next = new TableEntity(CountPartition, ActiveRow) { [CountColumn] = (row.Value!.GetInt64(CountColumn) ?? 0) + delta };
                    await Table.UpdateEntityAsync(next, row.Value.ETag, TableUpdateMode.Replace, ct);
                }
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer got in between: read the count again.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate projection drift: {Missing} rows missing, {Changed} changed, {Stale} stale; active count {Stored}, expected {Expected}; corrected")]
    private partial void LogDrift(int missing, int changed, int stale, long? stored, long expected);
}
