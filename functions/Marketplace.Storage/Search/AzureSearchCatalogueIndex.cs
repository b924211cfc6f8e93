using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Health;
using Marketplace.Storage.Health;

namespace Marketplace.Storage.Search;

/// <summary>
/// The catalogue index on Azure AI Search. Documents are uploaded as the camel-cased search document; the index
/// definition says which fields are searchable, filterable, facetable and sortable.
/// </summary>
public sealed class AzureSearchCatalogueIndex(SearchIndexClient indexes, string indexName) : ICatalogueIndex, IDependencyProbe
{
    private const int BatchSize = 1000;

    private readonly SearchClient documents = indexes.GetSearchClient(indexName);

    public string Name => "search";

    public async Task EnsureIndexAsync(CancellationToken ct) =>
        await indexes.CreateOrUpdateIndexAsync(Definition(indexName), cancellationToken: ct);

    public async Task UpsertAsync(OfferingSearchDocument document, CancellationToken ct) =>
        await documents.MergeOrUploadDocumentsAsync([document], new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);

    public async Task DeleteAsync(string offeringId, CancellationToken ct)
    {
        // Deleting an absent key succeeds in Azure AI Search, which matches the contract.
        await documents.DeleteDocumentsAsync("id", [offeringId], new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);
    }

    public async Task<int> RebuildAsync(IAsyncEnumerable<OfferingSearchDocument> source, CancellationToken ct)
    {
        try
        {
            await indexes.DeleteIndexAsync(indexName, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing to drop on a first build.
        }
        await EnsureIndexAsync(ct);
        var batch = new List<OfferingSearchDocument>(BatchSize);
        var count = 0;
        await foreach (var document in source.WithCancellation(ct))
        {
            batch.Add(document);
            if (batch.Count == BatchSize)
            {
                count += await UploadAsync(batch, ct);
            }
        }
        return count + await UploadAsync(batch, ct);
    }

    public async Task<long> CountAsync(CancellationToken ct) => (await documents.GetDocumentCountAsync(ct)).Value;

    public Task<DependencyStatus> ProbeAsync(CancellationToken ct) =>
        Probe.RunAsync(Name, async token => await indexes.GetIndexAsync(indexName, token), ct);

    private async Task<int> UploadAsync(List<OfferingSearchDocument> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        await documents.UploadDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);
        var uploaded = batch.Count;
        batch.Clear();
        return uploaded;
    }

    /// <summary>The index definition: field names are the camel-cased properties of the search document.</summary>
    public static SearchIndex Definition(string name) => new(name)
    {
        Fields =
        {
            new SimpleField("id", SearchFieldDataType.String) { IsKey = true, IsFilterable = true },
            new SearchableField("name") { IsSortable = true },
            new SearchableField("summary"),
            new SearchableField("description"),
            new SimpleField("supplierId", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SearchableField("supplierName"),
            new SimpleField("category", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SimpleField("conditions", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField("regions", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField("lots", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField("connectivity", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SimpleField("interoperability", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SearchableField("features", collection: true),
            new SimpleField("validatedStandards", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField("priceModel", SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField("priceGbp", SearchFieldDataType.Double) { IsFilterable = true, IsSortable = true },
            new SimpleField("leadTimeDays", SearchFieldDataType.Int32) { IsFilterable = true, IsSortable = true },
        },
    };
}
