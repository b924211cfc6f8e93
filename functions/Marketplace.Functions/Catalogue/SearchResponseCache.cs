using System.Globalization;
using System.Text;
using Marketplace.Core.Catalogue.Search;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// Serialised search pages, kept per index generation (issue 15): commissioners repeat searches (browsing a category,
/// common words), and a page already answered costs a look-up instead of a search. The key is the query as parsed
/// (so <c>?category=b,a</c> and <c>?Category=a,b</c> share a page) with the generation read before the search, so any
/// write to the index makes every kept page unreachable; the generation moving on also drops them all at once.
/// Bounded by the bytes kept. Only for an index that tells its generation (Lucene): Azure AI Search gives no such
/// number, so there nothing is kept.
/// </summary>
public sealed partial class SearchResponseCache(ICatalogueIndexGeneration? index, long sizeLimitBytes, ILogger<SearchResponseCache> logger) : IDisposable
{
    private readonly MemoryCache pages = new(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });
    private long generationSeen;

    /// <summary>The key of a search's page in the index's current generation; null when nothing is kept or the parameters did not parse.</summary>
    public string? KeyOf(CatalogueQuery? query)
    {
        if (index is null || query is null)
        {
            return null;
        }
        var generation = index.Generation;
        if (Interlocked.Exchange(ref generationSeen, generation) is var previous && previous != generation)
        {
            // Pages of an older generation can never be asked for again: free their memory now. Logged because every
            // write to the index costs the kept pages (the load benchmark counts these lines).
            LogDropped(logger, pages.Count, previous, generation);
            pages.Compact(1.0);
        }
        return KeyOf(generation, query);
    }

    public bool TryGet(string key, out byte[] page) => pages.TryGetValue(key, out page!);

    public void Add(string key, byte[] page) => pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Length });

    public void Dispose() => pages.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} kept search pages of index generation {Previous} for generation {Generation}")]
    private static partial void LogDropped(ILogger logger, int count, long previous, long generation);

    // Every part length-prefixed, so no text or filter value can be read as another part.
    private static string KeyOf(long generation, CatalogueQuery query)
    {
        var key = new StringBuilder().Append(generation).Append('|');
        void Part(string value) => key.Append(value.Length).Append(':').Append(value);
        Part(query.Text);
        Part(query.Sort.ToString());
        Part(query.Page.ToString(CultureInfo.InvariantCulture));
        Part(query.PageSize.ToString(CultureInfo.InvariantCulture));
        Part(query.MaxPrice?.ToString(CultureInfo.InvariantCulture) ?? "");
        foreach (var (filter, values) in query.Filters.OrderBy(f => f.Key))
        {
            Part(filter.ToString());
            // One filter's values are a set (OR'd, or all required): their order does not change the answer.
            key.Append(values.Count).Append('#');
            foreach (var value in values.Order(StringComparer.Ordinal))
            {
                Part(value);
            }
        }
        return key.ToString();
    }
}
