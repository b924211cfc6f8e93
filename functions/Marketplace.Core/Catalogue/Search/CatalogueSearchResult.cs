namespace Marketplace.Core.Catalogue.Search;

/// <summary>One page of catalogue results, the total across all pages, and disjunctive facet counts (see <see cref="Facets"/>).</summary>
public sealed record CatalogueSearchResult
{
    /// <summary>Most values returned per facet.</summary>
    public const int MaxFacetValues = 100;

    /// <summary>Offerings matching the text and every filter, across all pages.</summary>
    public required long Total { get; init; }
    /// <summary>The 1-based page returned.</summary>
    public required int Page { get; init; }
    /// <summary>The page size asked for (the last page may hold fewer hits).</summary>
    public required int PageSize { get; init; }
    /// <summary>This page's offerings, in order.</summary>
    public required IReadOnlyList<CatalogueHit> Hits { get; init; }
    /// <summary>
    /// For each of <see cref="CatalogueQuery.FacetedFilters"/>: value → number of matching offerings holding it,
    /// ordered by count descending then value (ordinal). Counts are disjunctive: a dimension's counts are over the
    /// matches of the text with every filter applied except that dimension's own (the price ceiling and the supplier
    /// filter always apply). Each count is then how many results there would be with that value alone chosen in its
    /// dimension, and choosing one value leaves its siblings' counts as they were (OR within a dimension, AND across).
    /// A dimension without a filter, and one of <see cref="CatalogueQuery.AllOfFilters"/> (whose values are AND'd), is
    /// counted over exactly the results.
    /// </summary>
    public required IReadOnlyDictionary<CatalogueFilter, IReadOnlyList<FacetCount>> Facets { get; init; }
}

/// <summary>One matching offering.</summary>
/// <param name="Document">The offering as indexed.</param>
/// <param name="Score">Relevance score from the index; only comparable within one result.</param>
/// <param name="Snippet">
/// HTML-safe text fragment (a sentence of the offering's text, about 200 characters at most) in which matched
/// terms are wrapped in <c>&lt;mark&gt;…&lt;/mark&gt;</c> and everything else is HTML-encoded.
/// </param>
public sealed record CatalogueHit(OfferingSearchDocument Document, double Score, string Snippet);

/// <summary>How many matching offerings hold one facet value.</summary>
public sealed record FacetCount(string Value, long Count)
{
    /// <summary>Count descending, then value (ordinal), at most <see cref="CatalogueSearchResult.MaxFacetValues"/>.</summary>
    public static IReadOnlyList<FacetCount> Order(IEnumerable<FacetCount> counts) =>
        [.. counts.Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .Take(CatalogueSearchResult.MaxFacetValues)];
}
