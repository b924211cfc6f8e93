using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Marketplace.Core.Access;
using Marketplace.Core.Progress;
using Marketplace.Functions.Background;
using Marketplace.Functions.Tests.Attestations;
using Marketplace.Functions.Tests.Shortlisting;
using Marketplace.Storage.Progress;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Progress;

/// <summary>
/// The published progress figures on the seed catalogue: kept current by the queue function as awards, listings and
/// attestation decisions are made through the API, equal to the figures recomputed from the records, unmoved by a
/// replayed message, and put right (and reported) by the nightly reconciliation when one is altered by hand.
/// </summary>
public sealed class ProgressFiguresTests(ShortlistingApp fixture) : IClassFixture<ShortlistingApp>
{
    private static readonly InvocationRequest Timer = new(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>());
    private const string Lot1NorthWest = "ttc-2026-lot-1|north-west";

    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Every_published_figure_equals_the_figure_recomputed_from_the_records_after_awards_listings_and_attestation_decisions()
    {
        await CurrentAsync();
        var before = await PublishedAsync();

        // A listing: a new telecare product in lot 1, serving the North West.
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        var listed = await supplier.PostAsJsonAsync("/api/offerings", Listing("Progress test fall detector"));
        Assert.True(listed.StatusCode == HttpStatusCode.Created, await listed.Content.ReadAsStringAsync());
        // An attestation decision: the certification body revokes an organisation-level ISO 13485 certificate.
        var attestations = new AttestationCalls(App);
        using var certifier = await attestations.CertifierAsync("harbourline-alarm-centre-certification");
        var revoked = await certifier.SendAsync(AttestationCalls.Act("att-000023", "revoke", await attestations.ETagAsync("att-000023"), "Surveillance audit failed."));
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        // An award: 400 people in the North West.
        var shortlistId = await AwardAsync();
        await SettledAsync();

        var published = await PublishedAsync();
        // The nightly reconciliation recomputes every figure from the records: it must find nothing to put right.
        var reconciliation = await App.Services.GetRequiredService<Core.Progress.ReconcileAggregates>().RunAsync(CancellationToken.None);

        Assert.Empty(reconciliation.Drifts);
        Assert.Equal(0, reconciliation.SourcesRewritten);
        Assert.Equal(published, await PublishedAsync());
        Assert.Equal(before.GetValueOrDefault((Measures.PeopleByRegion, "north-west")) + 400, published[(Measures.PeopleByRegion, "north-west")]);
        Assert.Equal(before.GetValueOrDefault((Measures.PeopleByLot, "ttc-2026-lot-3")) + 400, published[(Measures.PeopleByLot, "ttc-2026-lot-3")]);
        Assert.Equal(before.GetValueOrDefault((Measures.OfferingsByLotRegion, Lot1NorthWest)) + 1, published[(Measures.OfferingsByLotRegion, Lot1NorthWest)]);
        Assert.Equal(before[(Measures.SwitchoverReadiness, Switchover.DigitalUnevidenced)] + 1, published[(Measures.SwitchoverReadiness, Switchover.DigitalUnevidenced)]);
        Assert.True(published.Where(p => p.Key.Item1 == Measures.OfferingsByLotStandard && p.Key.Item2.EndsWith("|ISO13485", StringComparison.Ordinal)).Sum(p => p.Value)
            < before.Where(p => p.Key.Item1 == Measures.OfferingsByLotStandard && p.Key.Item2.EndsWith("|ISO13485", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.NotEmpty(shortlistId);
    }

    [Fact]
    public async Task A_message_delivered_again_changes_no_figure()
    {
        await CurrentAsync();
        var shortlistId = await AwardAsync();
        await SettledAsync();
        var once = await PublishedAsync();

        var queue = App.Services.GetRequiredService<AggregateUpdateQueue>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await queue.SendAsync(new AggregateUpdate(ShortlistId: shortlistId), CancellationToken.None);
            await queue.SendAsync(new AggregateUpdate(OfferingId: "off-000001"), CancellationToken.None);
        }
        await SettledAsync();

        Assert.Equal(once, await PublishedAsync());
        Assert.Equal(0, App.Services.GetRequiredService<BackgroundActivity>().Of(UpdateAggregatesFunction.Name).Failures);
    }

    [Fact]
    public async Task A_message_for_an_unchanged_record_recounts_no_slice()
    {
        await CurrentAsync();
        var aggregates = App.Services.GetRequiredService<UpdateAggregates>();

        // Every slice's count was read from its whole partition for each message before: a burst cost the square of the catalogue.
        Assert.Equal(0, await aggregates.OfferingChangedAsync("off-000001", CancellationToken.None));
        Assert.Empty((await App.Services.GetRequiredService<Core.Progress.ReconcileAggregates>().RunAsync(CancellationToken.None)).Drifts);
    }

    [Fact]
    public async Task A_message_delivered_again_after_failing_between_the_rows_and_the_counts_puts_the_counts_right()
    {
        await CurrentAsync();
        var published = await PublishedAsync();
        var store = App.Services.GetRequiredService<IAggregateStore>();
        var aggregates = App.Services.GetRequiredService<UpdateAggregates>();
        // An offering counted in lot 1 in the North West whose record is now gone.
        var source = Contributions.OfferingSource("off-failed-midway");
        var counted = new Contribution(Measures.OfferingsByLotRegion, Lot1NorthWest, "off-failed-midway", 1);
        await store.RecordAsync([new SourceChange(source, [], [counted])], CancellationToken.None);
        await store.WriteCounterAsync(new Counter(counted.Measure, counted.Key,
            Measures.ValueOf(await store.SliceAsync(counted.Measure, counted.Key, CancellationToken.None))), CancellationToken.None);
        // Its message took the row out of the slice, then failed before recounting and before forgetting what it counted.
        await store.WriteSlicesAsync([new SourceChange(source, [counted], [])], CancellationToken.None);
        Assert.Equal(published[(counted.Measure, counted.Key)] + 1, (await PublishedAsync())[(counted.Measure, counted.Key)]);

        var recounted = await aggregates.OfferingChangedAsync("off-failed-midway", CancellationToken.None);

        Assert.Equal(1, recounted);
        Assert.Equal(published, await PublishedAsync());
        Assert.Empty(await store.ContributionsOfAsync(source, CancellationToken.None));
        Assert.Equal(0, await aggregates.OfferingChangedAsync("off-failed-midway", CancellationToken.None));
    }

    [Fact]
    public async Task The_nightly_reconciliation_reports_a_figure_altered_by_hand_and_puts_it_right()
    {
        await CurrentAsync();
        var table = App.Services.GetRequiredService<TableServiceClient>().GetTableClient(App.Names.AggregatesTable);
        var (partition, row) = TableAggregates.CounterKeys(Measures.OfferingsByLot, "ttc-2026-lot-1");
        var counter = (await table.GetEntityAsync<TableEntity>(partition, row)).Value;
        var right = counter.GetInt64("Value")!.Value;
        counter["Value"] = right + 7;
        await table.UpdateEntityAsync(counter, counter.ETag);

        var answer = await ReconcileAggregatesFunction.RunAsync(Timer, App.Services, CancellationToken.None);
        var again = await ReconcileAggregatesFunction.RunAsync(Timer, App.Services, CancellationToken.None);

        Assert.Contains($"Drift {Measures.OfferingsByLot} ttc-2026-lot-1: stored {right + 7}, expected {right}; corrected", answer.Logs);
        Assert.Equal(right, (await table.GetEntityAsync<TableEntity>(partition, row)).Value.GetInt64("Value"));
        Assert.DoesNotContain(again.Logs, l => l.StartsWith("Drift", StringComparison.Ordinal));
        Assert.Contains(again.Logs, l => l.Contains("0 drifted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nightly_reconciliation_rewrites_a_contribution_altered_by_hand_and_takes_out_one_whose_record_is_gone()
    {
        await CurrentAsync();
        var store = App.Services.GetRequiredService<IAggregateStore>();
        var reconcile = App.Services.GetRequiredService<Core.Progress.ReconcileAggregates>();
        // Brought in line by CurrentAsync, so every recorded contribution is what its record contributes today.
        var (altered, right) = await store.ListContributionsAsync(CancellationToken.None)
            .FirstAsync(s => s.SourceId.StartsWith("offering-", StringComparison.Ordinal) && s.Contributions.Count > 1);
        // One slice left out and one the offering is not in, as a lost message or a hand edit would leave it.
        var wrong = new Contribution(Measures.OfferingsByLot, "no-such-lot", right[0].Member, 1);
        await store.RecordAsync([new SourceChange(altered, right, [.. right.Skip(1), wrong])], CancellationToken.None);
        var gone = new Contribution(Measures.OfferingsByLot, "ttc-2026-lot-1", "offering-deleted-outright", 1);
        await store.RecordAsync([new SourceChange("offering-deleted-outright", [], [gone])], CancellationToken.None);

        var run = await reconcile.RunAsync(CancellationToken.None);
        var again = await reconcile.RunAsync(CancellationToken.None);

        Assert.Equal(2, run.SourcesRewritten);
        Assert.Equal(0, again.SourcesRewritten);
        Assert.True((await store.ContributionsOfAsync(altered, CancellationToken.None)).ToHashSet().SetEquals(right));
        Assert.Empty(await store.ContributionsOfAsync("offering-deleted-outright", CancellationToken.None));
        Assert.Empty(await store.SliceAsync(Measures.OfferingsByLot, "no-such-lot", CancellationToken.None));
        Assert.DoesNotContain(await store.SliceAsync(Measures.OfferingsByLot, "ttc-2026-lot-1", CancellationToken.None), c => c.Member == gone.Member);
        Assert.Contains(await store.SliceAsync(right[0].Measure, right[0].Key, CancellationToken.None), c => c.Member == right[0].Member);
    }

    // The seed is imported without messages: bring the counters in line once, after the start-up run has finished.
    private async Task CurrentAsync()
    {
        var activity = App.Services.GetRequiredService<BackgroundActivity>();
        for (var i = 0; i < 300 && activity.Of(ReconcileAggregatesFunction.Name).Invocations == 0; i++)
        {
            await Task.Delay(100);
        }
        await SettledAsync();
        await App.Services.GetRequiredService<Core.Progress.ReconcileAggregates>().RunAsync(CancellationToken.None);
    }

    private async Task<string> AwardAsync()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!, maxResults: 2);
        var id = draft.GetProperty("id").GetString()!;
        var (_, locked) = await LockAsync(commissioner, id, etag);
        // The law's checks come before any award decision.
        var checks = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/award-checks", locked, AwardChecksBody());
        Assert.True(checks.IsSuccessStatusCode, await checks.Content.ReadAsStringAsync());
        var awarded = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", checks.Headers.ETag!.ToString(), new
        {
            result = "awarded", offeringId = Entries(draft).First().GetProperty("offeringId").GetString(), valueGbp = 182400,
            startDate = "2027-04-01", endDate = "2030-03-31", method = "direct-award",
        });
        Assert.True(awarded.IsSuccessStatusCode, await awarded.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Waits until the counters' queue is empty (a message leaves it only once handled).</summary>
    private async Task SettledAsync()
    {
        var queue = App.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(App.Names.AggregateUpdatesQueue);
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(200);
            quiet = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>The figures as the public open-data CSV publishes them.</summary>
    private async Task<Dictionary<(string, string), long>> PublishedAsync()
    {
        using var anonymous = App.CreateClient();
        var csv = await anonymous.GetStringAsync("/api/open-data/aggregates.csv");
        return csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => (f[0], f[1]), f => long.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static object Listing(string name) => new
    {
        kind = "product",
        name,
        summary = "Wrist-worn fall detector with automatic alerting.",
        description = "Detects hard falls and raises a call to the monitoring centre.",
        category = "fall-detector",
        conditions = new[] { "falls-risk", "frailty" },
        features = new[] { "automatic fall detection" },
        interoperability = new[] { "bs8521-2" },
        connectivity = "digital",
        regions = new[] { "north-west" },
        price = new { model = "per-unit", amountGbp = 96.00m },
        leadTimeDays = 10,
        lots = new[] { "ttc-2026-lot-1" },
        outcomeEvidence = Array.Empty<object>(),
        accessibilityStatement = "Large tactile button; audible and vibrating alerts.",
    };
}
