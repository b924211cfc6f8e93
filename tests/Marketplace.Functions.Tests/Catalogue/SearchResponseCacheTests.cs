using System.Text.Json;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Catalogue;
using Microsoft.Extensions.Logging.Abstractions;
using static Marketplace.Functions.Catalogue.SearchCatalogueEndpoint;

namespace Marketplace.Functions.Tests.Catalogue;

public sealed class SearchResponseCacheTests
{
    private sealed class IndexAt(long generation) : ICatalogueIndexGeneration
    {
        public long Generation => generation;
    }

    // A full page as the endpoint writes it: 30 offerings with snippets, and facets.
    private static byte[] FullPage() => JsonSerializer.SerializeToUtf8Bytes(new SearchResponse(
        20_000, 1, 30,
        [.. Enumerable.Range(1, 30).Select(i => new SearchResultItem(
            $"offering-{i:D5}", $"Digital pendant alarm {i}", $"supplier-{i % 7}", $"Careline Supplier {i % 7} Ltd", "pendant-alarm",
            ["falls-risk", "frailty", "dementia"], ["TSA-QSF", "DSPT"], "per-unit", 20m + i,
            $"IP <mark>pendant</mark> alarm {i} with two-way speech, a fall sensor and a battery that lasts a year between charges."))],
        new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["category"] = [.. Enumerable.Range(1, 20).Select(i => new FacetValue($"category-{i}", 1000 - i))],
            ["region"] = [.. Enumerable.Range(1, 9).Select(i => new FacetValue($"region-{i}", 2000 - i))],
        }), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void A_page_larger_than_the_bound_as_JSON_is_kept_when_packed_it_fits_and_comes_back_byte_for_byte()
    {
        var page = FullPage();
        using var cache = new SearchResponseCache(new IndexAt(1), sizeLimitBytes: page.Length / 2, NullLogger<SearchResponseCache>.Instance);
        var key = cache.KeyOf(new CatalogueQuery { Text = "pendant" })!;

        var packed = cache.Add(key, page);

        Assert.True(cache.TryGet(key, packed: false, out var kept));
        Assert.Equal(page, kept);
        // A client that accepts br is sent the kept bytes as they are: they unpack to the same page.
        Assert.True(cache.TryGet(key, packed: true, out var asKept));
        Assert.Equal(packed, asKept);
        var unpacked = new byte[page.Length];
        Assert.True(System.IO.Compression.BrotliDecoder.TryDecompress(asKept, unpacked, out var written));
        Assert.Equal(page, unpacked[..written]);
    }
}
