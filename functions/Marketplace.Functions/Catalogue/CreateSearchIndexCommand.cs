using Marketplace.Storage.Search;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// <c>Marketplace.Functions create-search-index</c>: creates or updates the Azure AI Search index definition with
/// the signed-in identity (DefaultAzureCredential: azd, Azure CLI, ...). azd's postprovision hook runs it as the
/// deploying user, who holds Search Service Contributor, so the app's own identity needs only Search Index Data
/// Contributor. Reads the same Search settings as the app.
/// </summary>
public static class CreateSearchIndexCommand
{
    /// <summary>Returns the process exit code: 0 once the index exists, 2 when search is not Azure AI Search.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<CatalogueSearchOptions>>().Value;
        if (options.Provider != SearchProvider.AzureAISearch || options.Endpoint is null)
        {
            // The local Lucene index is created by the app itself; there is nothing to do, and saying so beats a silent 0.
            await error.WriteLineAsync("create-search-index: needs Search__Provider=AzureAISearch and Search__Endpoint.");
            return 2;
        }
        await services.GetRequiredService<AzureSearchCatalogueIndex>().EnsureIndexAsync(ct);
        await output.WriteLineAsync($"Search index '{options.IndexName}' created or updated at {options.Endpoint}.");
        return 0;
    }
}
