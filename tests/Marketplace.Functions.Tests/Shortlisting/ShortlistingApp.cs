using Marketplace.Core.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>
/// The seed catalogue, with every verified DSPT and DCB0129 attestation renewed to a year from today, so that which
/// telehealth offerings pass those gates does not depend on the day the suite runs (the seed was generated for
/// 2026-11-23), and an OCID prefix configured.
/// </summary>
public sealed class ShortlistingApp : IAsyncLifetime
{
    public const string OcidPrefix = "ocds-tcm001";

    public MarketplaceApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SeededApp.StartAsync(new Dictionary<string, string?> { ["Ocds:OcidPrefix"] = OcidPrefix });
        var tables = App.Services.GetRequiredService<CatalogueTables>();
        var renewed = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        await foreach (var attestation in tables.Attestations.ListAsync("Status eq 'verified'", CancellationToken.None))
        {
            if (attestation.StandardCode is "DSPT" or "DCB0129")
            {
                await tables.Attestations.WriteAsync(attestation.Id, attestation with { ExpiresOn = renewed }, CancellationToken.None);
            }
        }
        await App.RecordsEditedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Verified attestations as the app reads them now.</summary>
    public async Task<Attestation> AttestationAsync(string id) =>
        (await App.Services.GetRequiredService<CatalogueTables>().Attestations.FindAsync(id, CancellationToken.None))!.Document;
}
