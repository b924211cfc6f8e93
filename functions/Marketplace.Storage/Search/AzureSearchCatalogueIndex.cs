using System.Globalization;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Storage.Search;

/// <summary>
/// The catalogue index on Azure AI Search. Documents are uploaded as <see cref="AzureOfferingDocument"/> (the
/// camel-cased search document plus its sort keys); the index definition says which fields are searchable,
/// filterable, facetable and sortable. Searches translate the catalogue query into the service's simple syntax,
/// OData filters, facets and order.
/// </summary>
public sealed class AzureSearchCatalogueIndex(SearchIndexClient indexes, string indexName) : ICatalogueIndex, ICatalogueSearch
{
    private const int BatchSize = 1000;
    private const string ScoringProfile = "name-first";

    private readonly SearchClient documents = indexes.GetSearchClient(indexName);

    /// <summary>
    /// Creates or updates the index definition. Needs Search Service Contributor, which only the deploying identity
    /// has: the <c>create-search-index</c> command (azd's postprovision hook) calls it, the running app never does.
    /// </summary>
    public async Task EnsureIndexAsync(CancellationToken ct) =>
        await indexes.CreateOrUpdateIndexAsync(Definition(indexName), cancellationToken: ct);

    public async Task UpsertAsync(OfferingSearchDocument document, CancellationToken ct) =>
        await documents.MergeOrUploadDocumentsAsync([AzureOfferingDocument.From(document)], new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);

    public async Task DeleteAsync(string offeringId, CancellationToken ct)
    {
        // Deleting an absent key succeeds in Azure AI Search, which matches the contract.
        await documents.DeleteDocumentsAsync("id", [offeringId], new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);
    }

    /// <summary>
    /// Replaces the documents without touching the index definition, so the app's Search Index Data Contributor role
    /// is enough: every source document is uploaded, then the documents that were in the index before and are no
    /// longer in the source are deleted. Ids listed before the upload keep an offering added meanwhile (by the queue)
    /// from being deleted as stale.
    /// </summary>
    public async Task<int> RebuildAsync(IAsyncEnumerable<OfferingSearchDocument> source, CancellationToken ct)
    {
        var stale = await ListIdsAsync(ct);
        var batch = new List<AzureOfferingDocument>(BatchSize);
        var count = 0;
        await foreach (var document in source.WithCancellation(ct))
        {
            stale.Remove(document.Id);
            batch.Add(AzureOfferingDocument.From(document));
            if (batch.Count == BatchSize)
            {
                count += await UploadAsync(batch, ct);
            }
        }
        count += await UploadAsync(batch, ct);
        foreach (var chunk in stale.Order(StringComparer.Ordinal).Chunk(BatchSize))
        {
            await documents.DeleteDocumentsAsync("id", chunk, new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);
        }
        return count;
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        try
        {
            return (await documents.GetDocumentCountAsync(ct)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new CatalogueIndexMissingException(indexName, ex);
        }
    }

    // Every id in the index, page by page (the SDK follows the service's continuation). A missing index is named.
    private async Task<HashSet<string>> ListIdsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var options = new SearchOptions { Size = BatchSize, Select = { "id" } };
        try
        {
            var response = await documents.SearchAsync<SearchDocument>("*", options, ct);
            await foreach (var result in response.Value.GetResultsAsync().WithCancellation(ct))
            {
                ids.Add(result.Document.GetString("id"));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new CatalogueIndexMissingException(indexName, ex);
        }
        return ids;
    }

    private async Task<int> UploadAsync(List<AzureOfferingDocument> batch, CancellationToken ct)
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

    public async Task<CatalogueSearchResult> SearchAsync(CatalogueQuery query, CancellationToken ct)
    {
        // The service has no disjunctive facets: each filtered dimension is counted by a facet-only request of its
        // own without that dimension's filter, sent alongside the main one, and its counts replace the main ones.
        var filtered = query.DisjunctiveFacets();
        // Awaited together, so a failure in any of them fails the search and none is left unobserved.
        var responses = await Task.WhenAll([
            documents.SearchAsync<AzureOfferingDocument>(SearchText(query), Options(query), ct),
            .. filtered.Select(dimension => documents.SearchAsync<AzureOfferingDocument>(SearchText(query), FacetOptions(query, dimension), ct)),
        ]);
        var results = responses[0].Value;
        var hits = new List<CatalogueHit>(query.PageSize);
        // Size is set, so the service sends one page and no continuation; stop at the page size regardless.
        await foreach (var result in results.GetResultsAsync().WithCancellation(ct))
        {
            var document = result.Document.ToSearchDocument();
            hits.Add(new CatalogueHit(document, result.Score ?? 0, Snippet(result.Highlights, document)));
            if (hits.Count == query.PageSize)
            {
                break;
            }
        }
        var facets = CatalogueQuery.FacetedFilters.ToDictionary(filter => filter, filter => FacetsOf(results, filter));
        for (var i = 0; i < filtered.Count; i++)
        {
            facets[filtered[i]] = FacetsOf(responses[i + 1].Value, filtered[i]);
        }
        return new CatalogueSearchResult
        {
            Total = results.TotalCount ?? hits.Count,
            Page = query.Page,
            PageSize = query.PageSize,
            Hits = hits,
            Facets = facets,
        };
    }

    private static IReadOnlyList<FacetCount> FacetsOf(SearchResults<AzureOfferingDocument> results, CatalogueFilter filter) =>
        results.Facets is not null && results.Facets.TryGetValue(CatalogueFields.Of(filter), out var values)
            ? FacetCount.Order(values.Select(v => new FacetCount(Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "", v.Count ?? 0)))
            : [];

    /// <summary>
    /// The facet-only request for one filtered dimension: the same text, every filter but the dimension's own, no
    /// documents, no total, that dimension's facet alone.
    /// </summary>
    internal static SearchOptions FacetOptions(CatalogueQuery query, CatalogueFilter dimension)
    {
        var options = new SearchOptions
        {
            QueryType = SearchQueryType.Simple,
            SearchMode = SearchMode.All,
            Filter = Filter(query, except: dimension),
            Size = 0,
        };
        foreach (var field in CatalogueFields.Searched.Keys)
        {
            options.SearchFields.Add(field);
        }
        options.Facets.Add(FacetOf(dimension));
        return options;
    }

    private static string FacetOf(CatalogueFilter filter) => $"{CatalogueFields.Of(filter)},count:{CatalogueSearchResult.MaxFacetValues}";

    internal static string SearchText(CatalogueQuery query) => string.IsNullOrWhiteSpace(query.Text) ? "*" : query.Text;

    internal static SearchOptions Options(CatalogueQuery query)
    {
        var options = new SearchOptions
        {
            QueryType = SearchQueryType.Simple,
            SearchMode = SearchMode.All,
            IncludeTotalCount = true,
            Filter = Filter(query),
            Skip = query.Skip,
            Size = query.PageSize,
            // The service's own highlighting; SearchSnippets encodes everything else in the fragment.
            HighlightPreTag = SearchSnippets.MarkOpen,
            HighlightPostTag = SearchSnippets.MarkClose,
        };
        foreach (var field in CatalogueFields.Searched.Keys)
        {
            options.SearchFields.Add(field);
        }
        foreach (var field in CatalogueFields.Highlighted)
        {
            options.HighlightFields.Add(field);
        }
        foreach (var filter in CatalogueQuery.FacetedFilters)
        {
            options.Facets.Add(FacetOf(filter));
        }
        options.OrderBy.Add(query.Sort switch
        {
            CatalogueSort.Price => $"{CatalogueFields.PriceGbp} asc",
            CatalogueSort.Name => $"{CatalogueFields.NameSort} asc",
            _ => "search.score() desc",
        });
        options.OrderBy.Add($"{CatalogueFields.FairKey} asc");
        // Only two equal 64-bit hashes reach this: it keeps the order total, so paging never repeats or skips.
        options.OrderBy.Add($"{CatalogueFields.Id} asc");
        return options;
    }

    /// <summary>
    /// OData: values of one filter OR'd through <c>search.in</c> (each required, through <c>any</c> per value, for the
    /// all-of filters), different filters and the price ceiling AND'd; <paramref name="except"/>'s filter left out when given.
    /// </summary>
    internal static string? Filter(CatalogueQuery query, CatalogueFilter? except = null)
    {
        var clauses = new List<string>();
        foreach (var (filter, values) in query.Filters.Where(f => f.Key != except).OrderBy(f => f.Key))
        {
            var field = CatalogueFields.Of(filter);
            if (CatalogueQuery.AllOfFilters.Contains(filter))
            {
                clauses.AddRange(values.Select(v => $"{field}/any(v: v eq '{v.Replace("'", "''", StringComparison.Ordinal)}')"));
                continue;
            }
            // Values never contain commas (CatalogueQuery's invariant), so ',' is a safe delimiter; quotes are doubled.
            var list = $"'{string.Join(',', values).Replace("'", "''", StringComparison.Ordinal)}', ','";
            clauses.Add(CatalogueFields.IsCollection(filter) ? $"{field}/any(v: search.in(v, {list}))" : $"search.in({field}, {list})");
        }
        if (query.MaxPrice is { } max)
        {
            clauses.Add($"{CatalogueFields.PriceGbp} le {max.ToString(CultureInfo.InvariantCulture)}");
        }
        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static string Snippet(IDictionary<string, IList<string>>? highlights, OfferingSearchDocument document)
    {
        foreach (var field in CatalogueFields.Highlighted)
        {
            if (highlights is not null && highlights.TryGetValue(field, out var fragments) && fragments.Count > 0)
            {
                return SearchSnippets.FromHighlighted(fragments[0]);
            }
        }
        return SearchSnippets.Opening(document);
    }

    /// <summary>
    /// The index definition: field names are the camel-cased properties of the search document, plus the hidden
    /// sort keys. The default scoring profile weights the name as the Lucene index does.
    /// </summary>
    public static SearchIndex Definition(string name) => new(name)
    {
        ScoringProfiles =
        {
            new ScoringProfile(ScoringProfile)
            {
                TextWeights = new TextWeights(new Dictionary<string, double> { [CatalogueFields.Name] = CatalogueFields.NameWeight }),
            },
        },
        DefaultScoringProfile = ScoringProfile,
        Fields =
        {
            new SimpleField("id", SearchFieldDataType.String) { IsKey = true, IsFilterable = true, IsSortable = true },
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
            new SimpleField("verifiedStandards", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField(CatalogueFields.Capabilities, SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField("priceModel", SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField("priceGbp", SearchFieldDataType.Double) { IsFilterable = true, IsSortable = true },
            new SimpleField("leadTimeDays", SearchFieldDataType.Int32) { IsFilterable = true, IsSortable = true },
            new SimpleField(CatalogueFields.FairKey, SearchFieldDataType.Int64) { IsSortable = true, IsHidden = true },
            new SimpleField(CatalogueFields.NameSort, SearchFieldDataType.String) { IsSortable = true, IsHidden = true },
        },
    };
}
