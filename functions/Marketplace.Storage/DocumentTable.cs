using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Marketplace.Storage;

/// <summary>How documents are written as JSON: camel case, nulls left out.</summary>
public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>What an import did: rows added now, rows that were already there.</summary>
public sealed record ImportCount(string Table, int Added, int AlreadyPresent);

/// <summary>
/// Documents as JSON in Table Storage. Partition = a two-hex-digit bucket of the id (256 partitions), row = the id,
/// so a point read needs only the id and an import can batch up to 100 rows of a bucket in one atomic transaction.
/// </summary>
public sealed class DocumentTable<T>(TableClient table, Func<T, string> idOf, Func<T, IDictionary<string, object?>>? columnsOf = null)
    where T : class
{
    public const string DocumentColumn = "Document";
    private const int MaxBatch = 100;

    public TableClient Client => table;

    public static string BucketOf(string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 1);

    public async Task<StoredDocument<T>?> FindAsync(string id, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(BucketOf(id), id, cancellationToken: ct);
        return row.HasValue ? new StoredDocument<T>(Read(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    /// <summary>Every current document (history rows excluded), page by page; optionally filtered on extra columns.</summary>
    public async IAsyncEnumerable<T> ListAsync(string? filter, [EnumeratorCancellation] CancellationToken ct)
    {
        // Table Storage excludes rows lacking a compared property, so every current row carries IsHistory = false.
        var query = filter is null ? "IsHistory eq false" : $"({filter}) and IsHistory eq false";
        await foreach (var row in table.QueryAsync<TableEntity>(query, maxPerPage: 1000, cancellationToken: ct))
        {
            yield return Read(row);
        }
    }

    /// <summary>
    /// Every current document, read as <paramref name="ranges"/> partition ranges at once (the 256 buckets split
    /// evenly), for whole-table reads that must be quick: the service serves partition ranges in parallel.
    /// </summary>
    public async Task<List<T>> ListAllAsync(string? filter, CancellationToken ct, int ranges = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ranges, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ranges, 256);
        var reads = Enumerable.Range(0, ranges).Select(async r =>
        {
            var from = (r * 256 / ranges).ToString("x2", CultureInfo.InvariantCulture);
            var range = $"PartitionKey ge '{from}'" + (r == ranges - 1 ? "" : $" and PartitionKey lt '{((r + 1) * 256 / ranges).ToString("x2", CultureInfo.InvariantCulture)}'");
            var part = new List<T>();
            await foreach (var document in ListAsync(filter is null ? range : $"({filter}) and {range}", ct))
            {
                part.Add(document);
            }
            return part;
        });
        return [.. (await Task.WhenAll(reads)).SelectMany(p => p)];
    }

    /// <summary>Adds a new document; false when one with that id exists already.</summary>
    public Task<StoredDocument<T>?> AddAsync(T document, CancellationToken ct) => AddAsync(document, null, ct);

    /// <summary>Adds a new document with extra columns on its row (e.g. an outbox entry written in the same operation).</summary>
    public async Task<StoredDocument<T>?> AddAsync(T document, IReadOnlyDictionary<string, object?>? extraColumns, CancellationToken ct)
    {
        var entity = ToEntity(document, extraColumns);
        try
        {
            var response = await table.AddEntityAsync(entity, ct);
            return new StoredDocument<T>(document, response.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the current document only if it is still at <paramref name="ifMatch"/>, and in the same transaction
    /// keeps the replaced version as a history row (<c>{id}|h{UTC ticks}</c>) saying who changed it and when.
    /// Null when the ETag is stale or the document is gone.
    /// </summary>
    public Task<StoredDocument<T>?> ReplaceKeepingHistoryAsync(T document, T replaced, string ifMatch, string changedBy, DateTimeOffset changedAt, CancellationToken ct) =>
        ReplaceKeepingHistoryAsync(document, replaced, ifMatch, changedBy, changedAt, null, ct);

    /// <summary>As above, with extra columns on the new current row (they are not carried into its history row).</summary>
    public async Task<StoredDocument<T>?> ReplaceKeepingHistoryAsync(T document, T replaced, string ifMatch, string changedBy, DateTimeOffset changedAt,
        IReadOnlyDictionary<string, object?>? extraColumns, CancellationToken ct)
    {
        // Table ETags are weak datetime tags; anything else (a client's typo) can match no version, so it is stale, not a storage error.
        if (!ifMatch.StartsWith("W/\"datetime'", StringComparison.Ordinal))
        {
            return null;
        }
        var current = ToEntity(document, extraColumns);
        var history = ToEntity(replaced);
        history.RowKey = $"{idOf(replaced)}|h{changedAt.UtcTicks:D19}";
        history["IsHistory"] = true;
        history["ReplacedBy"] = changedBy;
        history["ReplacedAt"] = changedAt;
        try
        {
            var responses = await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, new ETag(ifMatch)),
                new TableTransactionAction(TableTransactionActionType.Add, history),
            ], ct);
            return new StoredDocument<T>(document, responses.Value[0].Headers.ETag?.ToString() ?? "");
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 or 404)
        {
            return null;
        }
    }

    /// <summary>History rows of one document, oldest first.</summary>
    public async Task<IReadOnlyList<T>> HistoryAsync(string id, CancellationToken ct)
    {
        var bucket = BucketOf(id);
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == bucket && e.RowKey.CompareTo(id + "|h") > 0 && e.RowKey.CompareTo(id + "|i") < 0, cancellationToken: ct))
        {
            rows.Add(Read(row));
        }
        return rows;
    }

    /// <summary>
    /// Inserts the documents that are not stored yet, never touching existing ones (they may have been edited since).
    /// Each bucket's rows go in transactions of up to 100, so a killed import leaves only whole rows behind and a
    /// re-run completes it.
    /// </summary>
    public async Task<ImportCount> ImportMissingAsync(IReadOnlyList<T> documents, Action<int>? progress, CancellationToken ct)
    {
        var added = 0;
        var present = 0;
        var done = 0;
        var buckets = documents.GroupBy(d => BucketOf(idOf(d))).ToList();
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (bucket, token) =>
        {
            var existing = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == bucket.Key, select: ["RowKey"], cancellationToken: token))
            {
                existing.Add(row.RowKey);
            }
            var missing = bucket.Where(d => !existing.Contains(idOf(d))).ToList();
            foreach (var batch in missing.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(batch.Select(d => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(d))), token);
            }
            Interlocked.Add(ref added, missing.Count);
            Interlocked.Add(ref present, bucket.Count() - missing.Count);
            progress?.Invoke(Interlocked.Add(ref done, bucket.Count()));
        });
        return new ImportCount(table.Name, added, present);
    }

    private TableEntity ToEntity(T document, IReadOnlyDictionary<string, object?>? extraColumns = null)
    {
        var id = idOf(document);
        var entity = new TableEntity(BucketOf(id), id) { ["IsHistory"] = false };
        // A string property holds at most 32K UTF-16 characters. Larger documents (a draft shortlist explaining a thousand
        // exclusions is ~2 MB of JSON; a framework listing thousands of admitted suppliers) are packed instead: as text
        // across many properties they would outgrow the entity's 1 MiB, and cost their size on every read and write.
        // Serialised straight into the row's text or its packing, with no array of the whole JSON.
        using (var json = PackedColumns.Documents.OpenWrite(MaxPropertyChars))
        {
            JsonSerializer.Serialize(json, document, DocumentJson.Options);
            json.Complete(entity, DocumentColumn, "the document is too large for a table row.");
        }
        foreach (var (column, value) in (columnsOf?.Invoke(document) ?? new Dictionary<string, object?>()).Concat(extraColumns ?? new Dictionary<string, object?>()))
        {
            entity[column] = value;
        }
        return entity;
    }

    private static T Read(TableEntity row)
    {
        if (PackedColumns.Documents.IsOn(row))
        {
            using var packed = PackedColumns.Documents.OpenRead(row);
            return JsonSerializer.Deserialize<T>(packed, DocumentJson.Options)
                ?? throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} holds no document.");
        }
        // Written before packing: one string property, or several for a large document.
        var json = new System.Text.StringBuilder(row.GetString(DocumentColumn) ?? "null");
        for (var part = 1; row.GetString(PartColumn(part)) is { } more; part++)
        {
            json.Append(more);
        }
        return JsonSerializer.Deserialize<T>(json.ToString(), DocumentJson.Options)
            ?? throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} holds no document.");
    }

    private const int MaxPropertyChars = 30_000;

    private static string PartColumn(int part) => part == 0 ? DocumentColumn : DocumentColumn + part;
}

/// <summary>OData filter pieces for Table queries, with values quoted safely.</summary>
public static class TableFilter
{
    public static string Equal(string column, string value) => $"{column} eq '{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
