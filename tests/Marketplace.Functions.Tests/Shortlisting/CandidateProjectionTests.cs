using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>
/// The candidate projection against the records, on Azurite with the seed catalogue: after listing, attestation and
/// withdrawal changes announced as the use cases announce them, a shortlist scored from the projection is the one
/// scored from every table, to the byte; replayed messages change nothing; the reconciliation finds and mends drift.
/// </summary>
public sealed class CandidateProjectionTests : IAsyncLifetime
{
    private const string Lot = "ttc-2026-lot-3";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private MarketplaceApp app = null!;
    private string? specificationId;

    public async Task InitializeAsync()
    {
        // No background runner: what reaches the projection is exactly what the test announces.
        app = await SeededApp.StartAsync(new Dictionary<string, string?> { ["Background:RunInProcess"] = "false" });
        // As ShortlistingApp does: DSPT and DCB0129 renewed, so that some offerings are eligible whatever the day.
        var renewed = DateOnly.FromDateTime(Now.UtcDateTime).AddYears(1);
        await foreach (var attestation in Tables.Attestations.ListAsync("Status eq 'verified'", CancellationToken.None))
        {
            if (attestation.StandardCode is "DSPT" or "DCB0129")
            {
                await Tables.Attestations.WriteAsync(attestation.Id, attestation with { ExpiresOn = renewed });
            }
        }
        await app.RecordsEditedAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private CatalogueTables Tables => app.Services.GetRequiredService<CatalogueTables>();

    private CandidateProjection Projection => app.Services.GetRequiredService<CandidateProjection>();

    [Fact]
    public async Task A_shortlist_from_the_projection_equals_one_from_the_records_after_listing_attestation_and_withdrawal_changes()
    {
        var changed = await ChangeTheCatalogueAsync();
        var (fromProjection, fromRecords) = await BothShortlistsAsync();

        Assert.Equal(Json(fromRecords), Json(fromProjection));
        // The changes reached both: the withdrawn and the moved offering are gone from the lot, the new one is scored.
        var scored = fromProjection.Result.Entries.Select(e => e.OfferingId).Concat(fromProjection.Result.Exclusions.Select(e => e.OfferingId)).ToHashSet();
        Assert.DoesNotContain(changed.Retired, scored);
        Assert.DoesNotContain(changed.MovedOut, scored);
        Assert.Contains(changed.Created, scored);
        Assert.Equal(await ActiveOfferingsAsync(), fromProjection.Counts.Considered);
        Assert.True(fromProjection.Counts.NotInLot > 0);
    }

    [Fact]
    public async Task Replayed_and_concurrent_messages_leave_the_projection_and_its_count_as_the_records_give_them()
    {
        var changed = await ChangeTheCatalogueAsync();
        var (before, _) = await BothShortlistsAsync();

        // At-least-once delivery: every message again, twice at once.
        await Task.WhenAll(changed.All.Concat(changed.All).Select(id => Projection.ApplyAsync(id, CancellationToken.None)));
        await UpdateSearchIndexAsync(changed.Retired);

        var drift = await Projection.ReconcileAsync(CancellationToken.None);
        Assert.False(drift.Any, $"{drift}");
        Assert.Equal(await ActiveOfferingsAsync(), drift.CountStored);
        var (after, _) = await BothShortlistsAsync();
        Assert.Equal(Json(before), Json(after));
    }

    [Fact]
    public async Task Two_updates_to_offerings_sharing_a_bucket_both_land_when_one_writes_between_the_others_read_and_write()
    {
        var (first, second) = (await OfferingsAsync(o => o.Lots.Contains(Lot))).GroupBy(o => CandidateProjection.BucketOf(o.Id))
            .First(bucket => bucket.Count() >= 2).ToArray() switch { var pair => (pair[0], pair[1]) };
        await Tables.Offerings.WriteAsync(first.Id, first with { Price = first.Price with { AmountGbp = 2m } });
        await Tables.Offerings.WriteAsync(second.Id, second with { LeadTimeDays = second.LeadTimeDays + 30, Regions = [.. second.Regions, "north-east"] });
        // The first update's write of the bucket waits until the second update has read and written the same bucket.
        var interleaved = new WriteAfter(Lot, () => Projection.ApplyAsync(second.Id, CancellationToken.None));
        var options = new Azure.Data.Tables.TableClientOptions();
        options.AddPolicy(interleaved, Azure.Core.HttpPipelinePosition.PerCall);
        var racing = new CandidateProjection(new Azure.Data.Tables.TableServiceClient(app.Azurite.ConnectionString, options), app.Names, Tables,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CandidateProjection>.Instance);

        await racing.ApplyAsync(first.Id, CancellationToken.None);

        Assert.True(interleaved.Fired);
        var drift = await Projection.ReconcileAsync(CancellationToken.None);
        Assert.False(drift.Any, $"{drift}");
        var (fromProjection, fromRecords) = await BothShortlistsAsync();
        Assert.Equal(Json(fromRecords), Json(fromProjection));
    }

    /// <summary>Runs another writer once, just before the first write to a bucket of the lot goes out.</summary>
    private sealed class WriteAfter(string lot, Func<Task> other) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public bool Fired { get; private set; }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (!Fired && message.Request.Method == Azure.Core.RequestMethod.Put && message.Request.Uri.ToString().Contains($"PartitionKey='{lot}'", StringComparison.Ordinal))
            {
                Fired = true;
                await other();
            }
            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task The_reconciliation_reports_and_mends_missing_changed_stale_and_miscounted_rows()
    {
        var inLotOnly = await OfferingsAsync(o => o.Lots.Distinct().SequenceEqual([Lot]));
        var lost = CandidateProjection.BucketOf(inLotOnly[0].Id);
        var edited = inLotOnly.First(o => CandidateProjection.BucketOf(o.Id) != lost);
        await Projection.Table.DeleteEntityAsync(Lot, lost);
        // Changed in the records without the message that would have followed: its bucket no longer says what they say.
        await Tables.Offerings.WriteAsync(edited.Id, edited with { Price = edited.Price with { AmountGbp = 3m } });
        await Projection.Table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("lot-nobody-lists", "b00") { ["Data0"] = new byte[] { 1, 2, 3 } });
        await Projection.Lots.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(CandidateProjection.CountPartition, CandidateProjection.ActiveRow) { ["Count"] = 3L });

        var drift = await Projection.ReconcileAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1, 3L), (drift.Missing, drift.Changed, drift.Stale, drift.CountStored));
        Assert.Equal(await ActiveOfferingsAsync(), drift.CountExpected);
        Assert.False((await Projection.ReconcileAsync(CancellationToken.None)).Any);
        var (fromProjection, fromRecords) = await BothShortlistsAsync();
        Assert.Equal(Json(fromRecords), Json(fromProjection));
        Assert.Contains(fromProjection.Result.Entries.Select(e => e.OfferingId).Concat(fromProjection.Result.Exclusions.Select(e => e.OfferingId)), id => id == inLotOnly[0].Id);
    }

    [Fact]
    public async Task A_lot_is_read_as_a_few_packed_rows_not_a_row_per_offering()
    {
        var inLot = await OfferingsAsync(o => o.Lots.Contains(Lot));
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in Projection.Table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == Lot))
        {
            rows.Add(row);
        }

        Assert.True(inLot.Count > CandidateProjection.Buckets, $"the seed lot has {inLot.Count} offerings");
        Assert.Equal(inLot.Select(o => CandidateProjection.BucketOf(o.Id)).Distinct().Order(StringComparer.Ordinal), rows.Select(r => r.RowKey));
        Assert.Equal(inLot.Count, rows.Sum(r => r.GetInt32("Offerings")));
    }

    [Fact]
    public async Task Concurrent_shortlists_of_a_lot_share_one_decoded_lot_and_a_change_is_read_again_bucket_by_bucket()
    {
        var candidates = app.Services.GetRequiredService<IShortlistCandidates>();
        var framework = (await app.Services.GetRequiredService<Core.Frameworks.IFrameworks>().FindByLotAsync(Lot, CancellationToken.None))!;
        var day = DateOnly.FromDateTime(Now.UtcDateTime);
        Task<ScoringInput> Load() => candidates.LoadAsync(framework, Lot, day, Commissioner, CancellationToken.None);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Load()));
        var again = await Load();

        Assert.All(concurrent.Append(again), input => Assert.Same(concurrent[0].Offerings, input.Offerings));

        // One offering repriced: its bucket's ETag changes, so the next shortlist sees the new price; the other buckets are not decoded again.
        var repriced = concurrent[0].Offerings[0].Offering;
        var untouched = concurrent[0].Offerings.First(c => CandidateProjection.BucketOf(c.Offering.Id) != CandidateProjection.BucketOf(repriced.Id));
        var record = (await Tables.Offerings.FindAsync(repriced.Id, CancellationToken.None))!.Document;
        await Tables.Offerings.WriteAsync(record.Id, record with { Price = record.Price with { AmountGbp = 4.5m } });
        await Projection.ApplyAsync(record.Id, CancellationToken.None);

        var changed = await Load();

        Assert.NotSame(concurrent[0].Offerings, changed.Offerings);
        Assert.Equal(4.5m, changed.Offerings.Single(c => c.Offering.Id == repriced.Id).Offering.Price.AmountGbp);
        Assert.Same(untouched.Offering, changed.Offerings.Single(c => c.Offering.Id == untouched.Offering.Id).Offering);
        var (fromProjection, fromRecords) = await BothShortlistsAsync();
        Assert.Equal(Json(fromRecords), Json(fromProjection));
    }

    [Fact]
    public async Task A_lot_larger_than_the_kept_bound_is_decoded_again_for_the_next_shortlist_and_one_within_it_is_kept()
    {
        var framework = (await app.Services.GetRequiredService<Core.Frameworks.IFrameworks>().FindByLotAsync(Lot, CancellationToken.None))!;
        var day = DateOnly.FromDateTime(Now.UtcDateTime);
        var inLot = 0;
        await foreach (var row in Projection.Table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == Lot))
        {
            inLot += row.GetInt32("Offerings") ?? 0;
        }
        IShortlistCandidates Keeping(long offerings) => new ProjectedShortlistCandidates(
            new CandidateProjection(app.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), app.Services.GetRequiredService<StorageNames>(),
                Tables, Microsoft.Extensions.Logging.Abstractions.NullLogger<CandidateProjection>.Instance, Microsoft.Extensions.Options.Options.Create(new ShortlistingOptions { KeptOfferings = offerings })),
            Tables, app.Services.GetRequiredService<ShortlistingTables>());
        Task<ScoringInput> Load(IShortlistCandidates candidates) => candidates.LoadAsync(framework, Lot, day, Commissioner, CancellationToken.None);
        var (tooSmall, enough) = (Keeping(inLot - 1), Keeping(inLot));

        var (first, next) = (await Load(tooSmall), await Load(tooSmall));
        var kept = await Load(enough);

        Assert.NotSame(first.Offerings, next.Offerings);
        Assert.Equal(first.Offerings.Select(c => c.Offering.Id), next.Offerings.Select(c => c.Offering.Id));
        Assert.Same(kept.Offerings, (await Load(enough)).Offerings);
    }

    private sealed record Changes(string Repriced, string MovedOut, string MovedIn, string Retired, string Created, string DraftOn)
    {
        public IEnumerable<string> All => [Repriced, MovedOut, MovedIn, Retired, Created, DraftOn];
    }

    /// <summary>Records changed as the use cases change them, each followed by the announcement the use case makes.</summary>
    private async Task<Changes> ChangeTheCatalogueAsync()
    {
        var search = app.Services.GetRequiredService<ISearchIndexUpdates>();
        var attestations = app.Services.GetRequiredService<SearchFollowsAttestations>();
        var inLot = await OfferingsAsync(o => o.Lots.Contains(Lot));
        var outside = await OfferingsAsync(o => !o.Lots.Contains(Lot));
        var verified = await Tables.Attestations.ListAllAsync("Status eq 'verified'", CancellationToken.None);
        var organisationLevel = verified.Where(a => a.OfferingId is null).Select(a => a.SupplierId).ToHashSet();
        var draftOn = inLot.Last(o => organisationLevel.Contains(o.SupplierId));
        var (repriced, movedOut, retired) = (inLot[0], inLot[1], inLot[2]);
        var movedIn = outside[0];

        await Tables.Offerings.WriteAsync(repriced.Id, repriced with { Price = repriced.Price with { AmountGbp = 1m }, Regions = [.. repriced.Regions, "north-west"] });
        await Tables.Offerings.WriteAsync(movedOut.Id, movedOut with { Lots = [.. movedOut.Lots.Where(l => l != Lot), "ttc-2026-lot-1"] });
        await Tables.Offerings.WriteAsync(movedIn.Id, movedIn with { Lots = [.. movedIn.Lots, Lot] });
        await Tables.Offerings.WriteAsync(retired.Id, retired with { Status = OfferingStatus.Retired });
        var created = new Offering(repriced, "off-projection-new", repriced.SupplierId) { Name = "Projection test hub" };
        await Tables.Offerings.WriteAsync(created.Id, created);
        foreach (var id in new[] { repriced.Id, movedOut.Id, movedIn.Id, retired.Id, created.Id })
        {
            await search.OfferingChangedAsync(id, CancellationToken.None);
        }

        // An organisation-level decision (every active offering of the supplier hears of it) and a new draft on one offering.
        var revoked = verified.Where(a => a.OfferingId is null && a.SupplierId == draftOn.SupplierId).OrderBy(a => a.Id, StringComparer.Ordinal).First() with { Status = AttestationStatus.Revoked, Reason = "Certificate withdrawn after audit", DecidedBy = "tec-quality" };
        await Tables.Attestations.WriteAsync(revoked.Id, revoked);
        var draft = new Attestation { Id = "att-projection-draft", SupplierId = draftOn.SupplierId, StandardCode = "MHRA-REG", OfferingId = draftOn.Id, Status = AttestationStatus.Draft };
        await Tables.Attestations.WriteAsync(draft.Id, draft);
        await attestations.AttestationsChangedAsync([revoked, draft], CancellationToken.None);
        return new Changes(repriced.Id, movedOut.Id, movedIn.Id, retired.Id, created.Id, draftOn.Id);
    }

    /// <summary>The same specification's draft shortlist scored from the projection (as the app reads it) and from every table.</summary>
    private async Task<(ShortlistDocument FromProjection, ShortlistDocument FromRecords)> BothShortlistsAsync()
    {
        if (specificationId is null)
        {
            using var commissioner = await app.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
            specificationId = (await CreateSpecificationAsync(commissioner, TelehealthBody())).Body.GetProperty("id").GetString()!;
        }
        var specification = (await app.Services.GetRequiredService<ICommissionerRecords<SpecificationDocument>>().FindAsync(specificationId, CancellationToken.None))!.Document;
        var (template, framework) = (await app.Services.GetRequiredService<SpecificationCheck>().RunAsync(specification, null, CancellationToken.None)).Value;
        var day = DateOnly.FromDateTime(Now.UtcDateTime);
        var projected = await app.Services.GetRequiredService<IShortlistCandidates>().LoadAsync(framework, Lot, day, specification.CommissionerId, CancellationToken.None);
        var records = await FromRecordsAsync(framework, day, specification.CommissionerId);
        var context = new ShortlistContext(template.Name, framework.Id, framework.Reference, framework.Name, Lot, Commissioner);
        ShortlistDocument Draft(ScoringInput input) =>
            ShortlistLocking.Draft("sl-projection", specification, template, input, Scorer.Score(template, specification.ToSpecification(), input), 8, context, Now, "test");
        Assert.True(projected.Offerings.Count < records.Offerings.Count, "the projection reads the lot only");
        return (Draft(projected), Draft(records));
    }

    /// <summary>The reference: every active offering, organisation, attestation and standard, as shortlists were read before the projection.</summary>
    private async Task<ScoringInput> FromRecordsAsync(Core.Frameworks.Framework framework, DateOnly day, string commissionerId)
    {
        var organisations = (await Tables.Organisations.ListAllAsync(null, CancellationToken.None)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var standards = await Tables.Standards.ListAllAsync(null, CancellationToken.None);
        var assessments = await app.Services.GetRequiredService<ShortlistingTables>().Assessments.Table.ListAllAsync($"CommissionerId eq '{commissionerId}'", CancellationToken.None);
        return new ScoringInput
        {
            Offerings = [.. (await Tables.Offerings.ListAllAsync("Status eq 'active'", CancellationToken.None))
                .Where(o => organisations.ContainsKey(o.SupplierId))
                .Select(o => new CandidateOffering(ScoredFields.Of(o), ScoredFields.Of(organisations[o.SupplierId])))],
            Attestations = [.. (await Tables.Attestations.ListAllAsync(null, CancellationToken.None)).Select(ScoredFields.Of)],
            Framework = framework,
            EvaluationDate = day,
            Associations = [.. organisations.Values.Where(o => o.Kind is OrganisationKind.Association or OrganisationKind.Certifier).Select(ScoredFields.Of)],
            Routes = standards.ToDictionary(s => s.Code, s => s.Route, StringComparer.Ordinal),
            StandardNames = standards.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            CommissionerId = commissionerId,
            Assessments = assessments,
        };
    }

    private async Task UpdateSearchIndexAsync(string offeringId)
    {
        var message = JsonSerializer.Serialize(new SearchIndexUpdate(offeringId), DocumentJson.Options);
        var request = new Marketplace.Functions.Background.InvocationRequest(
            new Dictionary<string, JsonElement> { [Marketplace.Functions.Background.UpdateSearchIndex.BindingName] = JsonSerializer.SerializeToElement(message) },
            new Dictionary<string, JsonElement>());
        await Marketplace.Functions.Background.UpdateSearchIndex.RunAsync(request, app.Services, CancellationToken.None);
    }

    private async Task<List<Offering>> OfferingsAsync(Func<Offering, bool> where) =>
        [.. (await Tables.Offerings.ListAllAsync("Status eq 'active'", CancellationToken.None)).Where(where).OrderBy(o => o.Id, StringComparer.Ordinal)];

    private async Task<Offering> FirstInLotAsync() => (await OfferingsAsync(o => o.Lots.Contains(Lot)))[0];

    private async Task<long> ActiveOfferingsAsync() => (await Tables.Offerings.ListAllAsync("Status eq 'active'", CancellationToken.None)).Count;

    private static string Json(ShortlistDocument shortlist) => JsonSerializer.Serialize(shortlist, DocumentJson.Options);
}
