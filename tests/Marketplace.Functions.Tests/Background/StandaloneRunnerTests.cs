using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Background;
using Marketplace.Storage;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Functions.Tests.Background;

/// <summary>Without a Functions host, queue and timer functions run in-process against real Azurite queues and tables.</summary>
public sealed class StandaloneRunnerTests
{
    [Fact]
    public async Task A_search_update_message_on_the_queue_indexes_the_offering()
    {
        await using var app = await MarketplaceApp.StartAsync();
        await OfferingRows.WriteAsync(app, "acme-fall-sensor", "Acme fall detector");

        await Queue(app).SendMessageAsync(JsonSerializer.Serialize(new { offeringId = "acme-fall-sensor" }));

        var indexed = await Eventually(() => Search(app).FindAsync("acme-fall-sensor"));
        Assert.Equal("Acme fall detector", indexed!.Name);
        Assert.Equal("fall-detector", indexed.Category);
        Assert.Equal(89.5m, indexed.PriceGbp);
    }

    [Fact]
    public async Task A_message_for_a_retired_offering_removes_it_from_the_index()
    {
        await using var app = await MarketplaceApp.StartAsync();
        await OfferingRows.WriteAsync(app, "old-pendant", "Old pendant alarm");
        await Queue(app).SendMessageAsync("""{"offeringId":"old-pendant"}""");
        await Eventually(() => Search(app).FindAsync("old-pendant"));

        await OfferingRows.WriteAsync(app, "old-pendant", "Old pendant alarm", status: "retired");
        await Queue(app).SendMessageAsync("""{"offeringId":"old-pendant"}""");

        await Eventually(async () => await Search(app).FindAsync("old-pendant") is null ? "gone" : null);
    }

    [Fact]
    public async Task A_message_that_fails_five_times_moves_to_the_poison_queue()
    {
        await using var app = await MarketplaceApp.StartAsync();

        await Queue(app).SendMessageAsync("this is not JSON");

        var poison = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.PoisonQueueOf(app.Names.SearchIndexUpdatesQueue));
        var moved = await Eventually(async () => (await poison.PeekMessagesAsync(1)).Value.FirstOrDefault(), TimeSpan.FromSeconds(30));
        Assert.Equal("this is not JSON", moved!.Body.ToString());
        Assert.Equal(0, (await Queue(app).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task The_nightly_reindex_runs_at_start_up_and_again_at_two_in_the_morning()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 58, 0, TimeSpan.Zero));
        await using var app = await MarketplaceApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));

        var activity = app.Services.GetRequiredService<BackgroundActivity>();

        // The start-up run has rebuilt the (empty) index; an offering written now is only in the tables.
        await Eventually(() => activity.Of(ReindexCatalogue.Name).Invocations == 1 ? "ran" : null);
        await OfferingRows.WriteAsync(app, "night-hub", "Night-time home alarm hub");

        time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(300);
        Assert.Equal(1, activity.Of(ReindexCatalogue.Name).Invocations);
        Assert.Null(await Search(app).FindAsync("night-hub"));

        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually(() => activity.Of(ReindexCatalogue.Name).Invocations == 2 ? "ran" : null);
        Assert.Equal(0, activity.Of(ReindexCatalogue.Name).Failures);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), activity.Of(ReindexCatalogue.Name).LastFinished);
        Assert.Equal("Night-time home alarm hub", (await Search(app).FindAsync("night-hub"))!.Name);
    }

    [Fact]
    public async Task The_heap_is_compacted_once_when_every_start_up_run_has_finished_and_not_after_later_runs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 58, 0, TimeSpan.Zero));
        await using var app = await MarketplaceApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var activity = app.Services.GetRequiredService<BackgroundActivity>();
        var compaction = app.Services.GetRequiredService<HeapCompaction>();

        await activity.StartUpWork.WaitAsync(TimeSpan.FromSeconds(30));

        var startUpRuns = app.Services.GetServices<BackgroundFunction>().Where(f => f.Trigger is TimerTriggerBinding { RunWhenStandaloneStarts: true }).ToList();
        Assert.Contains(startUpRuns, f => f.Name == ReindexCatalogue.Name);
        Assert.All(startUpRuns, f => Assert.Equal(1, activity.Of(f.Name).Invocations));
        Assert.Equal(1, compaction.Compactions);

        // The 02:00 reindex (and the five-minute timers) run again: no compaction on their path.
        time.Advance(TimeSpan.FromMinutes(2));
        await Eventually(() => activity.Of(ReindexCatalogue.Name).Invocations == 2 ? "ran" : null);
        Assert.Equal(1, compaction.Compactions);
    }

    private static QueueClient Queue(MarketplaceApp app) =>
        app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(app.Names.SearchIndexUpdatesQueue);

    private static ICatalogueSearch Search(MarketplaceApp app) => app.Services.GetRequiredService<ICatalogueSearch>();

    internal static Task<T?> Eventually<T>(Func<T?> probe, TimeSpan? within = null, bool required = true) =>
        Eventually(() => Task.FromResult(probe()), within, required);

    internal static async Task<T?> Eventually<T>(Func<Task<T?>> probe, TimeSpan? within = null, bool required = true)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                return required ? throw new TimeoutException("The expected state was not reached in time.") : default;
            }
            await Task.Delay(50);
        }
    }
}
