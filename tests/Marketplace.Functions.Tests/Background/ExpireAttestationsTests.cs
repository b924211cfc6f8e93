using System.Text.Json;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Background;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Functions.Tests.Background;

/// <summary>The nightly expiry job on the seeded catalogue, with the clock in the test's hands.</summary>
public sealed class ExpireAttestationsTests
{
    private static readonly InvocationRequest Timer = new(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>());

    // Seed: verified attestations whose expiry date is before 2026-11-23, awaiting the job.
    private static List<(string Id, string Supplier, string? Offering, string Code)> LapsedBy(DateOnly today) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "attestations.json"))).RootElement.EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() is "verified" or "declared" && a.TryGetProperty("expiresOn", out var e) && DateOnly.Parse(e.GetString()!) < today)
            .Select(a => (a.GetProperty("id").GetString()!, a.GetProperty("supplierId").GetString()!,
                a.TryGetProperty("offeringId", out var o) ? o.GetString() : null, a.GetProperty("standardCode").GetString()!))
            .ToList();

    [Fact]
    public async Task Lapsed_validations_expire_with_an_audit_event_and_leave_search_for_every_affected_offering()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 9, 12, 0, 0, TimeSpan.Zero));
        await using var app = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["Background:RunInProcess"] = "false" },
            services: s => s.AddSingleton<TimeProvider>(time));
        await app.Services.GetRequiredService<CatalogueImport>().RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        var tables = app.Services.GetRequiredService<CatalogueTables>();
        var store = app.Services.GetRequiredService<AttestationStore>();
        var search = app.Services.GetRequiredService<ICatalogueSearch>();
        // The index as it was built a fortnight ago, while Portland's Cyber Essentials (to 2026-11-10) still counted.
        await ReindexCatalogue.RunAsync(Timer, app.Services, CancellationToken.None);
        var portland = new List<string>();
        await foreach (var offering in tables.Offerings.ListAsync("SupplierId eq 'portland-self-care' and Status eq 'active'", CancellationToken.None))
        {
            portland.Add(offering.Id);
        }
        Assert.NotEmpty(portland);
        Assert.All(await search.FindEachAsync(portland), found => Assert.Contains("CYBER-ESSENTIALS", found!.VerifiedStandards));

        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero));
        var lapsed = LapsedBy(new DateOnly(2026, 11, 23));
        var answer = await ExpireAttestations.RunAsync(Timer, app.Services, CancellationToken.None);

        // Four dated standards, one of them a declaration (A2D-READY); DCB0129 and DTAC lapse per release, so they have
        // no date to pass (DOMAIN.md). A verified one keeps who decided it; a declaration was never decided.
        Assert.Equal(4, lapsed.Count);
        Assert.StartsWith("Expired 4 attestations", answer.Logs[0], StringComparison.Ordinal);
        foreach (var (id, _, _, code) in lapsed)
        {
            var stored = (await store.FindAsync(id, CancellationToken.None))!.Document;
            Assert.Equal(AttestationStatus.Expired, stored.Status);
            var declaration = code == "A2D-READY";
            Assert.Equal(declaration, string.IsNullOrEmpty(stored.DecidedBy));
            var expiry = Assert.Single(await store.HistoryAsync(id, CancellationToken.None));
            Assert.Equal(("expire", declaration ? "declared" : "verified", "expired", "System", ExpireAttestations.Name),
                (expiry.Action, expiry.From, expiry.To, expiry.ActorRole, expiry.ActorUserId));
        }
        Assert.All(await search.FindEachAsync(portland), found => Assert.DoesNotContain("CYBER-ESSENTIALS", found!.VerifiedStandards));
        foreach (var (_, _, offering, code) in lapsed.Where(l => l.Offering is not null))
        {
            Assert.DoesNotContain(code, (await search.FindAsync(offering!))?.VerifiedStandards ?? []);
        }
        var stillVerified = 0;
        await foreach (var _ in store.ListByStatusAsync(AttestationStatus.Verified, CancellationToken.None))
        {
            stillVerified++;
        }
        var seededVerified = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "attestations.json"))).RootElement.EnumerateArray()
            .Count(a => a.GetProperty("status").GetString() == "verified");
        Assert.Equal(seededVerified - lapsed.Count(l => l.Code != "A2D-READY"), stillVerified);

        var again = await ExpireAttestations.RunAsync(Timer, app.Services, CancellationToken.None);
        Assert.StartsWith("Expired 0 attestations", again.Logs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_expiry_runs_at_start_up_and_again_at_half_past_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 29, 0, TimeSpan.Zero));
        await using var app = await MarketplaceApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var activity = app.Services.GetRequiredService<BackgroundActivity>();

        await StandaloneRunnerTests.Eventually(() => activity.Of(ExpireAttestations.Name).Invocations == 1 ? "ran" : null);
        time.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        Assert.Equal(1, activity.Of(ExpireAttestations.Name).Invocations);

        time.Advance(TimeSpan.FromSeconds(30));
        await StandaloneRunnerTests.Eventually(() => activity.Of(ExpireAttestations.Name).Invocations == 2 ? "ran" : null);
        Assert.Equal(0, activity.Of(ExpireAttestations.Name).Failures);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero), activity.Of(ExpireAttestations.Name).LastFinished);
    }
}
