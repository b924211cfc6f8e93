using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests;

/// <summary>One app per test class with the repository's seed catalogue imported (its own tables in the shared Azurite).</summary>
public sealed class SeededApp : IAsyncLifetime
{
    public MarketplaceApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await StartAsync();

    /// <summary>An app with the seed catalogue imported, and any settings of the test's own.</summary>
    public static async Task<MarketplaceApp> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var app = await MarketplaceApp.StartAsync(overrides: overrides);
        await app.Services.GetRequiredService<CatalogueImport>().RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        return app;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
