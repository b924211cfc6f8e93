using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// <c>Marketplace.Functions seed &lt;folder&gt;</c>: creates the storage it needs and imports the seed catalogue,
/// then imports its register snapshots, printing progress. Idempotent; the search index is rebuilt from the tables when the app next starts.
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
        Console.WriteLine($"Seeded in {started.Elapsed.TotalSeconds:0.0} s: {counts.Sum(c => c.Added)} records added, {counts.Sum(c => c.AlreadyPresent)} already there.");
    }
}
