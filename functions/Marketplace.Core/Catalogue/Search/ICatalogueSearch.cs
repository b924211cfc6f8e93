namespace Marketplace.Core.Catalogue.Search;

/// <summary>Searches the catalogue index: Lucene.Net in-process locally, Azure AI Search in Azure.</summary>
public interface ICatalogueSearch
{
    /// <summary>One page of offerings matching the query, with the total and facet counts.</summary>
    Task<CatalogueSearchResult> SearchAsync(CatalogueQuery query, CancellationToken ct);
}
