namespace Marketplace.Core.Catalogue.Search;

/// <summary>A field the catalogue can be filtered on; each names one query parameter.</summary>
public enum CatalogueFilter
{
    /// <summary>Category slug (one per offering).</summary>
    Category,
    /// <summary>Condition slugs the offering supports.</summary>
    Condition,
    /// <summary>Verified standard codes.</summary>
    Standard,
    /// <summary>Region slugs served.</summary>
    Region,
    /// <summary>Framework lot ids.</summary>
    Lot,
    /// <summary><c>analogue</c>, <c>digital</c> or <c>both</c> (one per offering).</summary>
    Connectivity,
    /// <summary>Supplier organisation id (one per offering).</summary>
    Supplier,
    /// <summary>Declared capability slugs; every value given must be declared (see <see cref="CatalogueQuery.AllOfFilters"/>).</summary>
    Capability,
}

/// <summary>How results are ordered. Every order ends with the fair-ordering key, so ties never favour a supplier.</summary>
public enum CatalogueSort
{
    /// <summary>Best text match first; with no text every offering ties and the fair-ordering key decides.</summary>
    Relevance,
    /// <summary>Lowest price first.</summary>
    Price,
    /// <summary>Name A–Z, ignoring case.</summary>
    Name,
}

/// <summary>
/// One catalogue search: free text, filters (values of one filter OR'd, except the <see cref="AllOfFilters"/> whose values
/// are all required; different filters AND'd), a price ceiling, an order and a page. Built by <see cref="CatalogueQueryParser"/> from a query string, or directly; the
/// invariants below hold either way.
/// </summary>
public sealed record CatalogueQuery
{
    /// <summary>Results per page when none is asked for.</summary>
    public const int DefaultPageSize = 30;
    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 100;
    /// <summary>Deepest result reachable by paging: page × pageSize never exceeds this.</summary>
    public const int MaxResultDepth = 10_000;

    /// <summary>The filters that have facet counts in every result (all but <see cref="CatalogueFilter.Supplier"/>).</summary>
    public static readonly IReadOnlyList<CatalogueFilter> FacetedFilters =
    [
        CatalogueFilter.Category, CatalogueFilter.Condition, CatalogueFilter.Standard,
        CatalogueFilter.Region, CatalogueFilter.Lot, CatalogueFilter.Connectivity, CatalogueFilter.Capability,
    ];

    /// <summary>
    /// The filters whose values are AND'd: <c>capability=clinician-dashboard,configurable-alert-limits</c> keeps the
    /// offerings that declare both. Their facets count over the results themselves (choosing one more value narrows).
    /// </summary>
    public static readonly IReadOnlyList<CatalogueFilter> AllOfFilters = [CatalogueFilter.Capability];

    /// <summary>The filtered dimensions whose facets are counted without their own filter (OR within, so choosing a sibling widens).</summary>
    public IReadOnlyList<CatalogueFilter> DisjunctiveFacets() => [.. FacetedFilters.Where(f => Filters.ContainsKey(f) && !AllOfFilters.Contains(f))];

    /// <summary>Free text in the simple syntax (<c>+ | - "phrase"</c>), AND by default; empty matches everything.</summary>
    public string Text { get; init => field = value?.Trim() ?? ""; } = "";

    /// <summary>Wanted values per filter. Values are non-empty and never contain a comma (the list separator on the wire).</summary>
    public IReadOnlyDictionary<CatalogueFilter, IReadOnlyList<string>> Filters
    {
        get;
        init
        {
            foreach (var (filter, values) in value)
            {
                if (values.Count == 0 || values.Any(v => string.IsNullOrWhiteSpace(v) || v.Contains(',')))
                {
                    throw new ArgumentException($"Filter {filter} needs at least one value, each non-empty and without commas.", nameof(Filters));
                }
            }
            field = value;
        }
    } = new Dictionary<CatalogueFilter, IReadOnlyList<string>>();

    /// <summary>Highest price in GBP (inclusive), or null for no ceiling; never negative.</summary>
    public decimal? MaxPrice
    {
        get;
        init => field = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(MaxPrice), "A price ceiling cannot be negative.") : value;
    }

    /// <summary>The order of results.</summary>
    public CatalogueSort Sort { get; init; } = CatalogueSort.Relevance;

    /// <summary>1-based page number; <see cref="Page"/> × <see cref="PageSize"/> ≤ <see cref="MaxResultDepth"/>.</summary>
    public int Page
    {
        get;
        init => field = value < 1 ? throw new ArgumentOutOfRangeException(nameof(Page), "Pages start at 1.") : value;
    } = 1;

    /// <summary>Results per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize
    {
        get;
        init => field = value is < 1 or > MaxPageSize ? throw new ArgumentOutOfRangeException(nameof(PageSize), $"A page holds 1 to {MaxPageSize} results.") : value;
    } = DefaultPageSize;

    /// <summary>Results skipped before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Results that must be ranked to answer this page (<see cref="Skip"/> + <see cref="PageSize"/>).</summary>
    public int Depth
    {
        get
        {
            var depth = (long)Page * PageSize;
            return depth <= MaxResultDepth
                ? (int)depth
                : throw new InvalidOperationException($"Page {Page} of {PageSize} goes past the first {MaxResultDepth} results.");
        }
    }

    /// <summary>The wanted values of one filter; empty when the filter is not used.</summary>
    public IReadOnlyList<string> ValuesOf(CatalogueFilter filter) => Filters.TryGetValue(filter, out var values) ? values : [];
}
