namespace Marketplace.Core.Catalogue;

/// <summary>The catalogue search index: Lucene.Net in-process locally, Azure AI Search in Azure.</summary>
public interface ICatalogueIndex
{
    /// <summary>Adds or replaces one offering's document; visible to the next search.</summary>
    Task UpsertAsync(OfferingSearchDocument document, CancellationToken ct);

    /// <summary>Removes an offering (retired or deleted); absent ids are ignored.</summary>
    Task DeleteAsync(string offeringId, CancellationToken ct);

    /// <summary>Replaces the whole index with these documents (a reindex from the tables).</summary>
    Task<int> RebuildAsync(IAsyncEnumerable<OfferingSearchDocument> documents, CancellationToken ct);

    /// <summary>Number of documents in the index.</summary>
    Task<long> CountAsync(CancellationToken ct);
}

/// <summary>Reads offerings as search documents from the source of truth.</summary>
public interface IOfferingSearchSource
{
    /// <summary>The current search document of an active offering; null when it is absent or retired.</summary>
    Task<OfferingSearchDocument?> FindAsync(string offeringId, CancellationToken ct);

    /// <summary>Every active offering, page by page.</summary>
    IAsyncEnumerable<OfferingSearchDocument> ListActiveAsync(CancellationToken ct);
}
