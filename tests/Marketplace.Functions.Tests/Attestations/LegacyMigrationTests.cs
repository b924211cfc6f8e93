using System.Net;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Attestations;

/// <summary>
/// Records stored by the association workflow (status <c>validated</c>, decided by an association) migrate when the
/// seed command runs, in Azurite: the status becomes verified, the old version stays as a history row, the audit
/// trail gains a <c>migrate</c> event, and running it again changes nothing.
/// </summary>
public sealed class LegacyMigrationTests
{
    [Fact]
    public async Task The_seed_command_migrates_validated_records_keeping_their_history_and_a_second_run_changes_nothing()
    {
        await using var app = await MarketplaceApp.StartAsync();
        await app.ProvisionedAsync();
        var tables = app.Services.GetRequiredService<CatalogueTables>();
        var legacy = new Attestation
        {
            Id = "att-legacy1", SupplierId = "downs-careline-systems", StandardCode = "TSA-QSF", CertificateNumber = "QSF-2024-0001",
            IssuedOn = new DateOnly(2024, 5, 1), ExpiresOn = new DateOnly(2027, 5, 1), Status = MigrateLegacyAttestations.LegacyValidated,
            SubmittedAt = new DateTimeOffset(2024, 5, 3, 9, 0, 0, TimeSpan.Zero),
            DecidedBy = "tec-services-association", DecidedAt = new DateTimeOffset(2024, 5, 5, 9, 0, 0, TimeSpan.Zero),
        };
        await tables.Attestations.WriteAsync(legacy.Id, legacy);

        await CatalogueSeedCommand.RunAsync(app.Services, RepositoryPaths.Combine("catalogue-seed"));
        var afterFirst = (await tables.Attestations.FindAsync(legacy.Id, CancellationToken.None))!;
        await CatalogueSeedCommand.RunAsync(app.Services, RepositoryPaths.Combine("catalogue-seed"));

        Assert.Equal(AttestationStatus.Verified, afterFirst.Document.Status);
        Assert.Equal(("tec-services-association", legacy.DecidedAt), (afterFirst.Document.DecidedBy, afterFirst.Document.DecidedAt));
        Assert.Equal(afterFirst.ETag, (await tables.Attestations.FindAsync(legacy.Id, CancellationToken.None))!.ETag);
        Assert.Contains(await tables.Attestations.HistoryAsync(legacy.Id, CancellationToken.None), old => old.Status == MigrateLegacyAttestations.LegacyValidated);
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        var response = await admin.GetAsync($"/api/attestations/{legacy.Id}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("events").EnumerateArray().ToList();
        var migrate = Assert.Single(events, e => e.GetProperty("action").GetString() == "migrate");
        Assert.Equal(("validated", "verified", "System"),
            (migrate.GetProperty("from").GetString(), migrate.GetProperty("to").GetString(), migrate.GetProperty("actorRole").GetString()));
        Assert.Contains("tec-services-association", migrate.GetProperty("reason").GetString()!, StringComparison.Ordinal);
    }
}
