using System.Globalization;
using System.Text;
using Marketplace.Core.Catalogue.Search;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Functions.Pages.Catalogue;

/// <summary>
/// What the search page was asked, as typed: the query string's known parameters, with repeated keys and
/// comma-separated values both read (a browser repeats keys; the Functions host joins them with commas). Builds the
/// links that keep it (paging) or drop one value (the active-filter tags).
/// </summary>
public sealed class SearchState
{
    private static readonly string[] Filters = ["category", "condition", "standard", "capability", "region", "lot", "connectivity", "supplier"];
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public string Text { get; private init; } = "";
    public string MaxPrice { get; private init; } = "";
    public string Sort { get; private init; } = "relevance";
    public string PageNumber { get; private init; } = "";

    public static SearchState From(IQueryCollection query)
    {
        string One(string key) => query.TryGetValue(key, out var v) ? string.Join(',', v.ToArray()).Trim() : "";
        var state = new SearchState
        {
            Text = One(CatalogueQueryParser.Text),
            MaxPrice = One(CatalogueQueryParser.MaxPrice),
            Sort = One(CatalogueQueryParser.Sort) is { Length: > 0 } sort ? sort : "relevance",
            PageNumber = One(CatalogueQueryParser.Page),
        };
        foreach (var filter in Filters)
        {
            if (query.TryGetValue(filter, out StringValues given))
            {
                state.values[filter] = [.. given.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
            }
        }
        return state;
    }

    public IReadOnlyList<string> Values(string filter) => values.TryGetValue(filter, out var v) ? v : [];

    /// <summary>The parameters for <see cref="CatalogueQueryParser"/>; empty fields are left out rather than refused.</summary>
    public Dictionary<string, string> Parameters()
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Text.Length > 0)
        {
            parameters[CatalogueQueryParser.Text] = Text;
        }
        if (MaxPrice.Length > 0)
        {
            parameters[CatalogueQueryParser.MaxPrice] = MaxPrice;
        }
        parameters[CatalogueQueryParser.Sort] = Sort;
        if (PageNumber.Length > 0)
        {
            parameters[CatalogueQueryParser.Page] = PageNumber;
        }
        foreach (var (filter, chosen) in values.Where(v => v.Value.Count > 0))
        {
            parameters[filter] = string.Join(',', chosen);
        }
        return parameters;
    }

    /// <summary>This search's link, on another page, or without one filter value (which goes back to page 1).</summary>
    public string Href(int? page = null, (string Parameter, string Value)? remove = null)
    {
        var parts = new List<string>();
        void Add(string key, string value) => parts.Add($"{key}={Uri.EscapeDataString(value)}");
        if (Text.Length > 0)
        {
            Add("q", Text);
        }
        foreach (var filter in Filters)
        {
            foreach (var value in Values(filter).Where(v => remove is not { } r || r.Parameter != filter || r.Value != v))
            {
                Add(filter, value);
            }
        }
        if (MaxPrice.Length > 0 && remove is not { Parameter: "maxPrice" })
        {
            Add("maxPrice", MaxPrice);
        }
        if (Sort != "relevance")
        {
            Add("sort", Sort);
        }
        if (page is { } p && p > 1)
        {
            Add("page", p.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "/catalogue" : "/catalogue?" + string.Join('&', parts);
    }
}

/// <summary>Prices as people read them.</summary>
public static class Money
{
    /// <summary>An amount typed in pounds ("£480,000", "480000.50"), or null when it is not one.</summary>
    public static decimal? Parse(string typed) =>
        decimal.TryParse(typed.Replace(",", "", StringComparison.Ordinal).Replace("£", "", StringComparison.Ordinal).Trim(), NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var gbp) ? gbp : null;

    public static string Gbp(decimal amount) => "£" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    /// <summary>"£162.50 per unit, one-off": the amount and the price model's name without its explanation in brackets.</summary>
    public static string Price(decimal amount, string model)
    {
        var shortModel = model.IndexOf(" (", StringComparison.Ordinal) is var cut and > 0 ? model[..cut] : model;
        return $"{Gbp(amount)} {shortModel.ToLowerInvariant()}";
    }
}
