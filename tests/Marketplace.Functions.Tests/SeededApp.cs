using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests;

/// <summary>One app per test class with the repository's seed catalogue imported (its own tables in the shared Azurite).</summary>
public sealed class SeededApp : IAsyncLifetime
{
    public MarketplaceApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await MarketplaceApp.StartAsync();
        await App.Services.GetRequiredService<CatalogueImport>().RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
