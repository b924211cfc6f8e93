using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Testing;

/// <summary>What a user of the catalogue search can see of one offering: its indexed document, or nothing.</summary>
public static class SearchIndexProbe
{
    private const int Attempts = 3;

    /// <summary>
    /// The indexed document of <paramref name="offeringId"/>, or null when no search returns it. The search matches
    /// everything and is read page by page, so null means the whole index lacks it, not just one supplier's listing.
    /// </summary>
    public static async Task<OfferingSearchDocument?> FindAsync(this ICatalogueSearch search, string offeringId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (found, consistent) = await ReadEveryPageAsync(search, offeringId, ct);
            if (found is not null || consistent || attempt == Attempts)
            {
                return found;
            }
        }
    }

    /// <summary>The indexed documents of <paramref name="offeringIds"/>, in their order, null for each one absent.</summary>
    public static async Task<IReadOnlyList<OfferingSearchDocument?>> FindEachAsync(this ICatalogueSearch search, IEnumerable<string> offeringIds, CancellationToken ct = default)
    {
        var found = new List<OfferingSearchDocument?>();
        foreach (var id in offeringIds)
        {
            found.Add(await search.FindAsync(id, ct));
        }
        return found;
    }

    // Name order holds still while the index does; if the total moves between pages (a background update), an
    // offering may have slipped across a page boundary unseen, so the caller reads again from the start.
    private static async Task<(OfferingSearchDocument? Found, bool Consistent)> ReadEveryPageAsync(ICatalogueSearch search, string offeringId, CancellationToken ct)
    {
        long? total = null;
        for (var page = 1; total is null || (long)(page - 1) * CatalogueQuery.MaxPageSize < total; page++)
        {
            var result = await search.SearchAsync(new CatalogueQuery { Sort = CatalogueSort.Name, Page = page, PageSize = CatalogueQuery.MaxPageSize }, ct);
            if (total is not null && result.Total != total)
            {
                return (null, false);
            }
            total = result.Total;
            if (result.Hits.FirstOrDefault(h => h.Document.Id == offeringId) is { } hit)
            {
                return (hit.Document, true);
            }
        }
        return (null, true);
    }
}
