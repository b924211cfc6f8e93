using System.Globalization;

namespace Marketplace.Core.Catalogue.Search;

/// <summary>A parsed query string: the query, or the errors per parameter (never both).</summary>
public sealed record CatalogueQueryParseResult(CatalogueQuery? Query, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>True when <see cref="Query"/> is set and there are no errors.</summary>
    public bool IsValid => Query is not null;
}

/// <summary>
/// Turns a catalogue search query string into a <see cref="CatalogueQuery"/>, or names every bad parameter.
/// The Functions host rebuilds the query string from a dictionary and joins a repeated key's values with commas
/// (ARCHITECTURE.md), so a filter's values come as one comma-separated value: <c>?category=a,b</c>.
/// Parameter names are matched ignoring case, as ASP.NET Core does.
/// </summary>
public static class CatalogueQueryParser
{
    /// <summary>Longest free-text query, in characters.</summary>
    public const int MaxTextLength = 500;
    /// <summary>Most values one filter may list.</summary>
    public const int MaxValuesPerFilter = 50;
    /// <summary>Longest single filter value, in characters.</summary>
    public const int MaxValueLength = 100;

    /// <summary>Free-text parameter.</summary>
    public const string Text = "q";
    /// <summary>Price ceiling parameter (GBP, inclusive).</summary>
    public const string MaxPrice = "maxPrice";
    /// <summary>Order parameter: relevance, price or name.</summary>
    public const string Sort = "sort";
    /// <summary>1-based page parameter.</summary>
    public const string Page = "page";
    /// <summary>Page size parameter, 1 to <see cref="CatalogueQuery.MaxPageSize"/>.</summary>
    public const string PageSize = "pageSize";

    private static readonly IReadOnlyDictionary<CatalogueFilter, string> FilterNames = new Dictionary<CatalogueFilter, string>
    {
        [CatalogueFilter.Category] = "category",
        [CatalogueFilter.Condition] = "condition",
        [CatalogueFilter.Standard] = "standard",
        [CatalogueFilter.Region] = "region",
        [CatalogueFilter.Lot] = "lot",
        [CatalogueFilter.Connectivity] = "connectivity",
        [CatalogueFilter.Supplier] = "supplier",
        [CatalogueFilter.Capability] = "capability",
    };

    private static readonly Dictionary<string, CatalogueSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = CatalogueSort.Relevance,
        ["price"] = CatalogueSort.Price,
        ["name"] = CatalogueSort.Name,
    };

    /// <summary>Every parameter the search takes, as spelled on the wire.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        [Text, .. FilterNames.Values, MaxPrice, Sort, Page, PageSize];

    /// <summary>The query parameter (and facet) name of a filter, e.g. <c>category</c>.</summary>
    public static string NameOf(CatalogueFilter filter) => FilterNames[filter];

    /// <summary>
    /// Parses parameter name → value (a repeated key already joined with commas). Errors are keyed by the
    /// parameter's canonical name, or by the name as given when it is unknown.
    /// </summary>
    public static CatalogueQueryParseResult Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string parameter, string message)
        {
            if (!errors.TryGetValue(parameter, out var list))
            {
                errors[parameter] = list = [];
            }
            list.Add(message);
        }

        // Canonical name → every raw value given for it (a dictionary with an ordinal comparer may hold "Category" and "category").
        var given = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (rawName, value) in parameters)
        {
            var name = Parameters.FirstOrDefault(p => string.Equals(p, rawName, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                Fail(rawName, $"Unknown parameter. Use {string.Join(", ", Parameters)}.");
                continue;
            }
            if (!given.TryGetValue(name, out var values))
            {
                given[name] = values = [];
            }
            values.Add(value ?? "");
        }
        string? Single(string name) => given.TryGetValue(name, out var values) ? string.Join(',', values) : null;

        var text = Single(Text) ?? "";
        if (text.Length > MaxTextLength)
        {
            Fail(Text, $"The search text is longer than {MaxTextLength} characters.");
        }

        var filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>>();
        foreach (var (filter, name) in FilterNames)
        {
            if (Single(name) is not { } raw)
            {
                continue;
            }
            var values = raw.Split(',').Select(v => v.Trim()).ToList();
            if (values.Any(v => v.Length == 0))
            {
                Fail(name, "Give one or more non-empty values, separated by commas.");
                continue;
            }
            var distinct = values.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > MaxValuesPerFilter)
            {
                Fail(name, $"Give at most {MaxValuesPerFilter} values.");
            }
            else if (distinct.Any(v => v.Length > MaxValueLength))
            {
                Fail(name, $"A value is longer than {MaxValueLength} characters.");
            }
            else
            {
                filters[filter] = distinct;
            }
        }

        decimal? maxPrice = null;
        if (Single(MaxPrice) is { } priceText)
        {
            // Digits with an optional decimal point only: no sign, exponent, thousands separator, NaN or infinity.
            if (decimal.TryParse(priceText.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
            {
                maxPrice = price;
            }
            else
            {
                Fail(MaxPrice, "Give a price in GBP as a non-negative number, e.g. 120 or 49.99.");
            }
        }

        var sort = CatalogueSort.Relevance;
        if (Single(Sort) is { } sortText && !Sorts.TryGetValue(sortText.Trim(), out sort))
        {
            Fail(Sort, $"Sort by {string.Join(", ", Sorts.Keys)}.");
        }

        var pageSize = Number(PageSize, CatalogueQuery.DefaultPageSize, 1, CatalogueQuery.MaxPageSize, $"A page holds 1 to {CatalogueQuery.MaxPageSize} results.");
        var page = Number(Page, 1, 1, int.MaxValue, "Pages start at 1.");
        if (page is { } p && pageSize is { } size && (long)p * size > CatalogueQuery.MaxResultDepth)
        {
            Fail(Page, $"Paging reaches the first {CatalogueQuery.MaxResultDepth} results only: with pageSize {size} the last page is {CatalogueQuery.MaxResultDepth / size}. Narrow the search instead.");
        }

        if (errors.Count > 0)
        {
            return new CatalogueQueryParseResult(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
        return new CatalogueQueryParseResult(new CatalogueQuery
        {
            Text = text,
            Filters = filters,
            MaxPrice = maxPrice,
            Sort = sort,
            Page = page!.Value,
            PageSize = pageSize!.Value,
        }, new Dictionary<string, string[]>());

        int? Number(string name, int fallback, int min, int max, string range)
        {
            if (Single(name) is not { } raw)
            {
                return fallback;
            }
            if (!int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                Fail(name, "Give a whole number. " + range);
                return null;
            }
            if (value < min || value > max)
            {
                Fail(name, range);
                return null;
            }
            return value;
        }
    }
}
