namespace Marketplace.Storage.Search;

/// <summary>
/// The Azure AI Search index does not exist. The app cannot create it (its identity may only read and write
/// documents); <c>Marketplace.Functions create-search-index</c>, run by azd's postprovision hook, does.
/// </summary>
public sealed class CatalogueIndexMissingException(string indexName, Exception inner)
    : InvalidOperationException($"Search index '{indexName}' does not exist; create it with `Marketplace.Functions create-search-index` (azd's postprovision hook runs it).", inner)
{
    public string IndexName { get; } = indexName;
}
