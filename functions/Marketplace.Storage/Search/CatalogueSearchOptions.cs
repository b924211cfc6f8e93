namespace Marketplace.Storage.Search;

/// <summary>Which search index the app uses, and where it is.</summary>
public sealed class CatalogueSearchOptions
{
    public const string Section = "Search";

    /// <summary><c>Lucene</c> (in-process, the local default) or <c>AzureAISearch</c>.</summary>
    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    /// <summary>Lucene index folder; empty keeps the index in memory (tests).</summary>
    public string? LucenePath { get; set; }

    /// <summary>Azure AI Search service endpoint, e.g. https://srch-abc.search.windows.net.</summary>
    public Uri? Endpoint { get; set; }

    public string IndexName { get; set; } = "offerings";

    /// <summary>Most megabytes of search answers kept, Brotli-packed, for repeated searches (Lucene only: its generation says when they go stale).</summary>
    public int ResultCacheMegabytes { get; set; } = 32;
}

public enum SearchProvider
{
    Lucene,
    AzureAISearch,
}
