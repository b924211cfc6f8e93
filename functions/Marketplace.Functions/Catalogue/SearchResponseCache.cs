using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marketplace.Core.Catalogue.Search;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// Serialised search pages, kept per index generation (issue 15): commissioners repeat searches (browsing a category,
/// common words), and a page already answered costs a look-up instead of a search. The key is the query as parsed
/// (so <c>?category=b,a</c> and <c>?Category=a,b</c> share a page) with the generation read before the search, so any
/// write to the index makes every kept page unreachable; the generation moving on also drops them all at once.
/// Pages are kept Brotli-packed and bounded by the packed bytes: a page of 30 results with snippets and facets is
/// about six times larger as JSON, and a bound that holds only a sixth of the pages searched turns hits into searches.
/// Only for an index that tells its generation (Lucene): Azure AI Search gives no such number, so there nothing is kept.
/// </summary>
public sealed partial class SearchResponseCache(ICatalogueIndexGeneration? index, long sizeLimitBytes, ILogger<SearchResponseCache> logger) : IDisposable
{
    // Quality 4 packs a page of tens of kilobytes in a fraction of a millisecond, small beside the search that made it.
    private const int BrotliQuality = 4;
    private const int BrotliWindow = 22;

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

    /// <summary>
    /// The kept page of <paramref name="key"/>: its Brotli bytes as kept when <paramref name="packed"/> (for a client
    /// that accepts br, nothing to unpack), otherwise unpacked.
    /// </summary>
    public bool TryGet(string key, bool packed, out byte[] page)
    {
        if (!pages.TryGetValue(key, out KeptPage? kept) || kept is null)
        {
            page = [];
            return false;
        }
        if (packed)
        {
            page = kept.Packed;
            return true;
        }
        page = new byte[kept.Length];
        if (!BrotliDecoder.TryDecompress(kept.Packed, page, out var written) || written != kept.Length)
        {
            throw new InvalidDataException("A kept search page did not unpack to its length.");
        }
        return true;
    }

    /// <summary>Keeps <paramref name="page"/> packed and returns the packed bytes (Brotli), or null when it did not pack.</summary>
    public byte[]? Add(string key, byte[] page)
    {
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(page.Length)];
        if (!BrotliEncoder.TryCompress(page, packed, out var written, BrotliQuality, BrotliWindow))
        {
            return null;
        }
        var kept = new KeptPage(packed.AsSpan(0, written).ToArray(), page.Length);
        pages.Set(key, kept, new MemoryCacheEntryOptions { Size = kept.Packed.Length });
        return kept.Packed;
    }

    public void Dispose() => pages.Dispose();

    private sealed record KeptPage(byte[] Packed, int Length);

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
