using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Progress;

namespace Marketplace.Storage.Progress;

/// <summary>
/// The counters in one table: partition <c>counter</c> holds one row per figure (all the read side reads); partition
/// <c>slice~{measure}~{key}</c> holds one row per source contributing to that figure, keyed by source id, so a recount
/// is one partition query and a replayed update rewrites the same row; partition <c>source</c> remembers what each
/// source last contributed, so a change knows which slices it leaves.
/// </summary>
public sealed class TableAggregates(TableServiceClient service, StorageNames names) : IAggregateStore
{
    private const string CounterPartition = "counter";
    private const string SourcePartition = "source";
    // The service's limit on one transaction.
    private const int MaxTransaction = 100;
    // Enough to keep the storage service busy while each request's answer travels back; few enough not to crowd out requests.
    private const int WritesAtOnce = 4;
    private readonly TableClient table = service.GetTableClient(names.AggregatesTable);

    public async Task<IReadOnlyList<Contribution>> ContributionsOfAsync(string sourceId, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(SourcePartition, sourceId, ["Contributions"], ct);
        return row.HasValue ? Read(row.Value!) : [];
    }

    public async IAsyncEnumerable<(string SourceId, IReadOnlyList<Contribution> Contributions)> ListContributionsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {SourcePartition}"), maxPerPage: 1000, cancellationToken: ct))
        {
            yield return (row.RowKey, Read(row));
        }
    }

    public async Task WriteSlicesAsync(IReadOnlyCollection<SourceChange> changes, CancellationToken ct)
    {
        if (changes.DistinctBy(c => c.SourceId, StringComparer.Ordinal).Count() != changes.Count)
        {
            throw new ArgumentException("Each source at most once: two changes of one source would race.", nameof(changes));
        }
        // Partition → row key (the source) → row: a source contributing twice to one slice keeps one row, as before.
        var slices = new Dictionary<string, Dictionary<string, TableEntity>>(StringComparer.Ordinal);
        var leftSlices = new List<(string Partition, string Row)>();
        foreach (var (sourceId, previous, next) in changes)
        {
            foreach (var contribution in next)
            {
                var partition = SlicePartition(contribution.Measure, contribution.Key);
                if (!slices.TryGetValue(partition, out var rows))
                {
                    slices[partition] = rows = [];
                }
                rows[sourceId] = new TableEntity(partition, sourceId)
                {
                    ["Member"] = contribution.Member,
                    ["Value"] = contribution.Value,
                };
            }
            var kept = next.Select(c => (c.Measure, c.Key)).ToHashSet();
            leftSlices.AddRange(previous.Where(c => !kept.Contains((c.Measure, c.Key))).Select(c => (SlicePartition(c.Measure, c.Key), sourceId)));
        }
        await WriteAsync(slices.Values.SelectMany(rows => rows.Values.Chunk(MaxTransaction)), leftSlices, ct);
    }

    public async Task RememberAsync(IReadOnlyCollection<SourceChange> changes, CancellationToken ct)
    {
        var remembered = changes.Where(c => c.Next.Count > 0)
            .Select(c => new TableEntity(SourcePartition, c.SourceId) { ["Contributions"] = JsonSerializer.Serialize(c.Next, DocumentJson.Options) });
        await WriteAsync(remembered.Chunk(MaxTransaction), changes.Where(c => c.Next.Count == 0).Select(c => (SourcePartition, c.SourceId)), ct);
    }

    // Upserts go as table transactions (one partition each, at most 100 actions), a few at once; deletes one by one, as
    // deleting a row that is already gone succeeds alone (a replay after a crash finds some rows removed) but would fail
    // a whole transaction.
    private async Task WriteAsync(IEnumerable<TableEntity[]> upserts, IEnumerable<(string Partition, string Row)> deletes, CancellationToken ct)
    {
        var writes = upserts.Select(batch => batch.Length == 1
                ? (Func<CancellationToken, Task>)(async c => await table.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, c))
                : async c => await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), c))
            .Concat(deletes.Select(row => (Func<CancellationToken, Task>)(async c => await table.DeleteEntityAsync(row.Partition, row.Row, ETag.All, c))));
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = WritesAtOnce, CancellationToken = ct }, async (write, c) => await write(c));
    }

    public async Task<IReadOnlyList<Contribution>> SliceAsync(string measure, string key, CancellationToken ct)
    {
        var slice = new List<Contribution>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SlicePartition(measure, key)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Member", "Value"], cancellationToken: ct))
        {
            slice.Add(new Contribution(measure, key, row.GetString("Member") ?? row.RowKey, row.GetInt64("Value") ?? 0));
        }
        return slice;
    }

    public async Task WriteCounterAsync(Counter counter, CancellationToken ct) =>
        await table.UpsertEntityAsync(new TableEntity(CounterPartition, CounterRow(counter.Measure, counter.Key))
        {
            ["Measure"] = counter.Measure,
            ["Key"] = counter.Key,
            ["Value"] = counter.Value,
        }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<Counter>> CountersAsync(CancellationToken ct)
    {
        var counters = new List<Counter>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CounterPartition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Measure", "Key", "Value"], cancellationToken: ct))
        {
            counters.Add(new Counter(row.GetString("Measure"), row.GetString("Key"), row.GetInt64("Value") ?? 0));
        }
        return counters;
    }

    /// <summary>The row key of a counter (for tests and tools that must find one figure).</summary>
    public static string CounterRow(string measure, string key) => measure + "~" + key;

    /// <summary>The partition and row of a counter.</summary>
    public static (string Partition, string Row) CounterKeys(string measure, string key) => (CounterPartition, CounterRow(measure, key));

    private static string SlicePartition(string measure, string key) => $"slice~{measure}~{key}";

    private static IReadOnlyList<Contribution> Read(TableEntity row) =>
        JsonSerializer.Deserialize<List<Contribution>>(row.GetString("Contributions") ?? "[]", DocumentJson.Options) ?? [];
}
