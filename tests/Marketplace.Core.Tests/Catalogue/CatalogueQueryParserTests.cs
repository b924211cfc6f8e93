using FsCheck;
using FsCheck.Xunit;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class CatalogueQueryParserTests
{
    private static CatalogueQueryParseResult Parse(params (string Name, string Value)[] parameters) =>
        CatalogueQueryParser.Parse(parameters.ToDictionary(p => p.Name, p => p.Value));

    private static CatalogueQuery Valid(params (string Name, string Value)[] parameters)
    {
        var result = Parse(parameters);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Empty(result.Errors);
        return result.Query!;
    }

    [Fact]
    public void No_parameters_is_every_offering_by_relevance_thirty_to_a_page()
    {
        var query = Valid();

        Assert.Equal("", query.Text);
        Assert.Empty(query.Filters);
        Assert.Null(query.MaxPrice);
        Assert.Equal(CatalogueSort.Relevance, query.Sort);
        Assert.Equal(1, query.Page);
        Assert.Equal(30, query.PageSize);
    }

    [Fact]
    public void Every_parameter_is_read()
    {
        var query = Valid(("q", "fall detector"), ("category", "fall-detector"), ("condition", "falls-risk"), ("standard", "TSA-QSF"),
            ("region", "london"), ("lot", "lot-1"), ("connectivity", "digital"), ("supplier", "pennine-careline"),
            ("maxPrice", "120.50"), ("sort", "price"), ("page", "3"), ("pageSize", "50"));

        Assert.Equal("fall detector", query.Text);
        Assert.Equal(["fall-detector"], query.ValuesOf(CatalogueFilter.Category));
        Assert.Equal(["falls-risk"], query.ValuesOf(CatalogueFilter.Condition));
        Assert.Equal(["TSA-QSF"], query.ValuesOf(CatalogueFilter.Standard));
        Assert.Equal(["london"], query.ValuesOf(CatalogueFilter.Region));
        Assert.Equal(["lot-1"], query.ValuesOf(CatalogueFilter.Lot));
        Assert.Equal(["digital"], query.ValuesOf(CatalogueFilter.Connectivity));
        Assert.Equal(["pennine-careline"], query.ValuesOf(CatalogueFilter.Supplier));
        Assert.Equal(120.50m, query.MaxPrice);
        Assert.Equal(CatalogueSort.Price, query.Sort);
        Assert.Equal(3, query.Page);
        Assert.Equal(50, query.PageSize);
        Assert.Equal(100, query.Skip);
    }

    [Fact]
    public void A_filter_takes_comma_separated_values_trimmed_and_without_repeats()
    {
        var query = Valid(("category", "fall-detector, pendant-alarm,fall-detector"));

        Assert.Equal(["fall-detector", "pendant-alarm"], query.ValuesOf(CatalogueFilter.Category));
    }

    [Fact]
    public void Parameter_names_ignore_case_as_ASP_NET_Core_does()
    {
        var query = Valid(("MaxPrice", "10"), ("CATEGORY", "hub"), ("Sort", "NAME"));

        Assert.Equal(10m, query.MaxPrice);
        Assert.Equal(["hub"], query.ValuesOf(CatalogueFilter.Category));
        Assert.Equal(CatalogueSort.Name, query.Sort);
    }

    [Fact]
    public void An_empty_q_matches_everything()
    {
        Assert.Equal("", Valid(("q", "  ")).Text);
    }

    [Theory]
    [InlineData("colour", "red", "colour")]
    [InlineData("categories", "hub", "categories")]
    [InlineData("sort", "popularity", "sort")]
    [InlineData("sort", "", "sort")]
    [InlineData("pageSize", "0", "pageSize")]
    [InlineData("pageSize", "101", "pageSize")]
    [InlineData("pageSize", "ten", "pageSize")]
    [InlineData("pageSize", "99999999999", "pageSize")]
    [InlineData("page", "0", "page")]
    [InlineData("page", "-1", "page")]
    [InlineData("page", "1.5", "page")]
    [InlineData("page", "", "page")]
    [InlineData("maxPrice", "cheap", "maxPrice")]
    [InlineData("maxPrice", "-5", "maxPrice")]
    [InlineData("maxPrice", "1e3", "maxPrice")]
    [InlineData("maxPrice", "NaN", "maxPrice")]
    [InlineData("maxPrice", "1,000", "maxPrice")]
    [InlineData("maxPrice", "", "maxPrice")]
    [InlineData("category", "", "category")]
    [InlineData("region", "london,,midlands", "region")]
    [InlineData("lot", " , ", "lot")]
    [InlineData("supplier", ",", "supplier")]
    public void A_bad_parameter_is_named_in_the_errors(string name, string value, string expectedKey)
    {
        var result = Parse((name, value));

        Assert.False(result.IsValid);
        Assert.Null(result.Query);
        Assert.Equal([expectedKey], result.Errors.Keys);
        Assert.All(result.Errors[expectedKey], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Every_bad_parameter_is_reported_at_once()
    {
        var result = Parse(("sort", "best"), ("pageSize", "0"), ("maxPrice", "cheap"), ("colour", "red"));

        Assert.Equal(["colour", "maxPrice", "pageSize", "sort"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paging_stops_at_the_first_ten_thousand_results_and_says_so()
    {
        Assert.Equal(100, Valid(("page", "100"), ("pageSize", "100")).Page);
        Assert.Equal(333, Valid(("page", "333")).Page);

        var tooDeep = Parse(("page", "101"), ("pageSize", "100"));
        var defaultSize = Parse(("page", "334"));

        Assert.Contains("10000", Assert.Single(tooDeep.Errors["page"]));
        Assert.Contains("the last page is 100", tooDeep.Errors["page"][0]);
        Assert.Contains("the last page is 333", Assert.Single(defaultSize.Errors["page"]));
    }

    [Fact]
    public void Search_text_longer_than_the_limit_is_refused()
    {
        Assert.Equal(500, Valid(("q", new string('a', 500))).Text.Length);
        Assert.Equal(["q"], Parse(("q", new string('a', 501))).Errors.Keys);
    }

    [Fact]
    public void A_filter_with_too_many_or_too_long_values_is_refused()
    {
        Assert.Equal(50, Valid(("region", string.Join(',', Enumerable.Range(0, 50).Select(i => "r" + i)))).ValuesOf(CatalogueFilter.Region).Count);
        Assert.Equal(["region"], Parse(("region", string.Join(',', Enumerable.Range(0, 51).Select(i => "r" + i)))).Errors.Keys);
        Assert.Equal(["lot"], Parse(("lot", new string('x', 101))).Errors.Keys);
    }

    [Property]
    public bool Any_page_and_size_within_the_limits_parse_and_any_outside_are_named(int page, int pageSize)
    {
        var result = Parse(("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sizeOk = pageSize is >= 1 and <= 100;
        var pageOk = page >= 1 && (!sizeOk || (long)page * pageSize <= 10_000);
        return result.IsValid == (sizeOk && pageOk)
            && result.Errors.ContainsKey("pageSize") == !sizeOk
            && result.Errors.ContainsKey("page") == !pageOk
            && (!result.IsValid || (result.Query!.Page == page && result.Query.PageSize == pageSize));
    }

    [Property]
    public bool Parsing_never_throws_and_gives_a_query_or_errors_never_both(NonNull<string>[] names, NonNull<string>[] values)
    {
        var parameters = new Dictionary<string, string>();
        for (var i = 0; i < Math.Min(names.Length, values.Length); i++)
        {
            parameters[CatalogueQueryParser.Parameters[Math.Abs(names[i].Get.Length) % CatalogueQueryParser.Parameters.Count]] = values[i].Get;
            parameters[names[i].Get] = values[i].Get;
        }

        var result = CatalogueQueryParser.Parse(parameters);

        return result.IsValid ? result.Errors.Count == 0 : result.Errors.Count > 0 && result.Errors.All(e => e.Value.Length > 0);
    }

    [Fact]
    public void A_query_built_in_code_keeps_the_same_invariants()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CatalogueQuery { PageSize = 101 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CatalogueQuery { Page = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CatalogueQuery { MaxPrice = -0.01m });
        Assert.Throws<ArgumentException>(() => new CatalogueQuery { Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>> { [CatalogueFilter.Lot] = ["a,b"] } });
        Assert.Throws<ArgumentException>(() => new CatalogueQuery { Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>> { [CatalogueFilter.Lot] = [] } });
        Assert.Throws<InvalidOperationException>(() => new CatalogueQuery { Page = 101, PageSize = 100 }.Depth);
        Assert.Equal(10_000, new CatalogueQuery { Page = 100, PageSize = 100 }.Depth);
    }
}
