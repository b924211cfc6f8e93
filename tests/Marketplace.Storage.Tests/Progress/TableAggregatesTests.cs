using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Core.Progress;
using Marketplace.Storage.Progress;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Storage.Tests.Progress;

/// <summary>The progress aggregates' rows, on a real Azurite.</summary>
public sealed class TableAggregatesTests
{
    private const string Lot = "ttc-2026-lot-1";

    private static async Task<(IAggregateStore Store, TableClient Table)> ConnectAsync()
    {
        var azurite = await Azurite.Shared;
        var names = new StorageNames(UniqueNames.Prefix());
        var tables = new TableServiceClient(azurite.ConnectionString);
        await new StorageProvisioner(tables, new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), names,
            NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
        return (new TableAggregates(tables, names), tables.GetTableClient(names.AggregatesTable));
    }

    private static List<Contribution> Offering(int i, string lot, params string[] regions) =>
    [
        new(Measures.OfferingsByLot, lot, $"off-{i:D6}", 1),
        .. regions.Select(region => new Contribution(Measures.OfferingsByLotRegion, Measures.Pair(lot, region), $"off-{i:D6}", 1)),
    ];

    [Fact]
    public async Task Recording_many_sources_at_once_leaves_the_same_rows_as_recording_them_one_at_a_time()
    {
        // Before: 60 offerings in the old lot and the North West; one more whose record is gone, one whose
        // North West row a crashed run already deleted.
        var before = Enumerable.Range(0, 60).Select(i => new SourceChange($"offering-{i}", [], Offering(i, "old-lot", "north-west")))
            .Append(new SourceChange("offering-gone", [], Offering(999, Lot, "london")))
            .ToList();
        // After an import: 250 offerings in the lot (more than one table transaction in one slice), the first 60 moved
        // out of the old lot, the gone one taken out of every slice.
        var after = Enumerable.Range(0, 250)
            .Select(i => new SourceChange($"offering-{i}", i < 60 ? before[i].Next : [], Offering(i, Lot, i % 2 == 0 ? "north-west" : "london")))
            .Append(new SourceChange("offering-gone", before[^1].Next, []))
            .ToList();
        var (oneByOne, oneByOneTable) = await ConnectAsync();
        var (together, togetherTable) = await ConnectAsync();
        foreach (var (store, table) in new[] { (oneByOne, oneByOneTable), (together, togetherTable) })
        {
            await store.RecordAsync(before, CancellationToken.None);
            await table.DeleteEntityAsync($"slice~{Measures.OfferingsByLotRegion}~{Measures.Pair("old-lot", "north-west")}", "offering-7");
        }

        foreach (var change in after)
        {
            await oneByOne.RecordAsync([change], CancellationToken.None);
        }
        await together.RecordAsync(after, CancellationToken.None);

        Assert.Equal(await RowsAsync(oneByOneTable), await RowsAsync(togetherTable));
        Assert.Equal(250, (await together.SliceAsync(Measures.OfferingsByLot, Lot, CancellationToken.None)).Count);
        Assert.Equal(125, (await together.SliceAsync(Measures.OfferingsByLotRegion, Measures.Pair(Lot, "london"), CancellationToken.None)).Count);
        Assert.Empty(await together.SliceAsync(Measures.OfferingsByLot, "old-lot", CancellationToken.None));
        Assert.Empty(await together.SliceAsync(Measures.OfferingsByLotRegion, Measures.Pair("old-lot", "north-west"), CancellationToken.None));
        Assert.Empty(await together.ContributionsOfAsync("offering-gone", CancellationToken.None));
        Assert.Equal(after[7].Next, await together.ContributionsOfAsync("offering-7", CancellationToken.None));
    }

    [Fact]
    public async Task Two_changes_of_one_source_in_one_recording_are_refused_and_write_nothing()
    {
        var (store, table) = await ConnectAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(
            [new SourceChange("offering-1", [], Offering(1, Lot, "london")), new SourceChange("offering-1", [], [])], CancellationToken.None));

        Assert.Empty(await RowsAsync(table));
    }

    /// <summary>Every row of the table, as text, in key order.</summary>
    private static async Task<List<string>> RowsAsync(TableClient table)
    {
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add($"{row.PartitionKey} {row.RowKey} {row.GetString("Member")} {row.GetInt64("Value")} {row.GetString("Contributions")}");
        }
        return rows;
    }
}
