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

    public async Task RecordAsync(string sourceId, IReadOnlyList<Contribution> previous, IReadOnlyList<Contribution> next, CancellationToken ct)
    {
        foreach (var contribution in next)
        {
            await table.UpsertEntityAsync(new TableEntity(SlicePartition(contribution.Measure, contribution.Key), sourceId)
            {
                ["Member"] = contribution.Member,
                ["Value"] = contribution.Value,
            }, TableUpdateMode.Replace, ct);
        }
        var kept = next.Select(c => (c.Measure, c.Key)).ToHashSet();
        foreach (var left in previous.Where(c => !kept.Contains((c.Measure, c.Key))))
        {
            // Deleting a row that is already gone succeeds: a replay after a crash finds some rows removed.
            await table.DeleteEntityAsync(SlicePartition(left.Measure, left.Key), sourceId, ETag.All, ct);
        }
        // Written last: until then a replay still knows the slices the source is leaving.
        if (next.Count == 0)
        {
            await table.DeleteEntityAsync(SourcePartition, sourceId, ETag.All, ct);
        }
        else
        {
            await table.UpsertEntityAsync(new TableEntity(SourcePartition, sourceId)
            {
                ["Contributions"] = JsonSerializer.Serialize(next, DocumentJson.Options),
            }, TableUpdateMode.Replace, ct);
        }
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
