using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// <c>Marketplace.Functions seed &lt;folder&gt;</c>: creates the storage it needs and imports the seed catalogue,
/// printing progress, then imports its register snapshots and migrates attestations stored by the association
/// workflow (status <c>validated</c>). Idempotent; the search index is rebuilt from the tables when the app next starts.
/// </summary>
public static class CatalogueSeedCommand
{
    public static async Task RunAsync(IServiceProvider services, string folder)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(cancel.Token);
        var counts = await services.GetRequiredService<CatalogueImport>().RunAsync(folder, Console.WriteLine, cancel.Token);
        await Registers.RegisterSeed.ImportAsync(services, folder, Console.WriteLine, cancel.Token);
        // Records stored before issue 12 keep their history; only their status moves to today's name.
        var migrated = await services.GetRequiredService<MigrateLegacyAttestations>().RunAsync(new Actor("seed", null, new HashSet<MarketplaceRole>()), cancel.Token);
        Console.WriteLine($"Seeded in {started.Elapsed.TotalSeconds:0.0} s: {counts.Sum(c => c.Added)} records added, {counts.Sum(c => c.AlreadyPresent)} already there, " +
            $"{migrated} legacy attestations migrated.");
    }
}
