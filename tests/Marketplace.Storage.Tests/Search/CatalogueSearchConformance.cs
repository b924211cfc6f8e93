using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using static Marketplace.Storage.Tests.Search.ConformanceCatalogue;

namespace Marketplace.Storage.Tests.Search;

/// <summary>A search adapter with its index, opened on given documents.</summary>
public sealed record SearchUnderTest(ICatalogueIndex Index, ICatalogueSearch Search, IDisposable? Owner) : IDisposable
{
    public void Dispose() => Owner?.Dispose();
}

/// <summary>
/// What every catalogue search adapter must do, run for real against an adapter that can hold documents.
/// Expectations are worked out from <see cref="ConformanceCatalogue"/> itself, not copied from an adapter's output.
/// </summary>
public abstract class CatalogueSearchConformance
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty adapter, then these documents written in this order.</summary>
    protected abstract Task<SearchUnderTest> OpenAsync(IEnumerable<OfferingSearchDocument> documents);

    private Task<SearchUnderTest> CatalogueAsync() => OpenAsync(Offerings);

    private static async Task<List<CatalogueHit>> AllPagesAsync(ICatalogueSearch search, CatalogueQuery query)
    {
        var hits = new List<CatalogueHit>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(query with { Page = page, PageSize = 100 }, None);
            hits.AddRange(result.Hits);
            if (result.Hits.Count < 100)
            {
                return hits;
            }
        }
    }

    private static IEnumerable<string> Ids(CatalogueSearchResult result) => result.Hits.Select(h => h.Document.Id);

    private static IEnumerable<string> IdsWhere(Func<OfferingSearchDocument, bool> predicate) =>
        Offerings.Where(predicate).Select(o => o.Id).Order(StringComparer.Ordinal);

    [Fact]
    public async Task No_text_matches_every_offering()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.Everything, None);

        Assert.Equal(Offerings.Count, result.Total);
        Assert.Equal(30, result.Hits.Count);
        Assert.Equal(1, result.Page);
        Assert.Equal(30, result.PageSize);
    }

    [Fact]
    public async Task Fall_detector_puts_the_fall_detectors_first()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.FallDetector, None);

        var named = IdsWhere(o => HasPhrase(o with { Summary = "", Description = "", Features = [], SupplierName = "" }, "fall", "detector")).ToList();
        Assert.Equal(3, named.Count);
        Assert.Equal(named, Ids(result).Take(named.Count).Order(StringComparer.Ordinal));
        Assert.Equal("fall-detector", ById(Ids(result).ElementAt(3)).Category);
        Assert.Contains("alarm-receiving-centre", Ids(result));
        Assert.True(result.Hits.Select(h => h.Score).SequenceEqual(result.Hits.Select(h => h.Score).OrderDescending()), "relevance order is by score");
    }

    [Fact]
    public async Task Terms_are_ANDed_by_default()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.FallDetector, None);

        Assert.Equal(IdsWhere(o => Words(o).Contains("fall") && Words(o).Contains("detector")), Ids(result).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("linked-smoke-detector", Ids(result));
        Assert.DoesNotContain("gps-mobile-alarm", Ids(result));
        Assert.Equal(5, result.Total);
    }

    [Fact]
    public async Task Common_words_are_searched_like_any_other_as_the_standard_analyzer_keeps_stop_words()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(new CatalogueQuery { Text = "the", PageSize = 100 }, None);

        var expected = IdsWhere(o => Words(o).Contains("the")).ToList();
        Assert.InRange(expected.Count, 3, 20);
        Assert.Equal(expected, Ids(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_pipe_means_OR()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.Either, None);

        var expected = IdsWhere(o => Words(o).Contains("oximeter") || Words(o).Contains("scales")).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, Ids(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_minus_excludes_a_term()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.AlarmButNotPendant, None);

        var expected = IdsWhere(o => Words(o).Contains("alarm") && !Words(o).Contains("pendant")).ToList();
        Assert.True(expected.Count >= 5);
        Assert.Equal(expected, Ids(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_an_exclusion_means_everything_but_that_term()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.NotPendant with { PageSize = 100 }, None);

        Assert.Equal(IdsWhere(o => !Words(o).Contains("pendant")), Ids(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_match_in_the_name_outranks_the_same_match_in_a_shorter_summary()
    {
        var inName = ById("fingertip-oximeter") with
        {
            Id = "in-name",
            Name = "Pulse oximeter with carry case, lanyard and spare batteries for use at home",
            Summary = "Clip-on sensor.",
        };
        var inSummary = ById("fingertip-oximeter") with { Id = "in-summary", Name = "Clinical kit", Summary = "An oximeter." };
        using var sut = await OpenAsync([inSummary, inName]);

        var result = await sut.Search.SearchAsync(new CatalogueQuery { Text = "oximeter" }, None);

        Assert.Equal(["in-name", "in-summary"], Ids(result));
        Assert.True(result.Hits[0].Score > result.Hits[1].Score);
    }

    [Fact]
    public async Task A_quoted_phrase_matches_the_words_together_and_in_order_only()
    {
        using var sut = await CatalogueAsync();

        var phrase = await sut.Search.SearchAsync(ConformanceQueries.Phrase, None);
        var words = await sut.Search.SearchAsync(ConformanceQueries.Words, None);

        Assert.Equal(IdsWhere(o => HasPhrase(o, "monitoring", "centre")), Ids(phrase).Order(StringComparer.Ordinal));
        Assert.Contains("mobile-responder", Ids(words));
        Assert.DoesNotContain("mobile-responder", Ids(phrase));
    }

    public static TheoryData<CatalogueFilter, string> EachFilter => new()
    {
        { CatalogueFilter.Category, "pendant-alarm" },
        { CatalogueFilter.Condition, "dementia" },
        { CatalogueFilter.Standard, "A2D-READY" },
        { CatalogueFilter.Region, "london" },
        { CatalogueFilter.Lot, "lot-3" },
        { CatalogueFilter.Connectivity, "analogue" },
        { CatalogueFilter.Supplier, "northern-tec" },
        { CatalogueFilter.Capability, "clinician-dashboard" },
    };

    [Theory]
    [MemberData(nameof(EachFilter))]
    public async Task Each_filter_keeps_exactly_the_offerings_holding_its_value(CatalogueFilter filter, string value)
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(new CatalogueQuery
        {
            Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>> { [filter] = [value] },
            PageSize = 100,
        }, None);

        var expected = IdsWhere(o => Values(o, filter).Contains(value)).ToList();
        Assert.True(expected.Count is > 0 and < 30, $"{filter}={value} should split the catalogue");
        Assert.Equal(expected, Ids(result).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, result.Total);
    }

    [Fact]
    public async Task Values_of_one_filter_are_ORed_and_different_filters_ANDed()
    {
        using var sut = await CatalogueAsync();

        var either = await sut.Search.SearchAsync(ConformanceQueries.TwoCategories, None);
        var both = await sut.Search.SearchAsync(ConformanceQueries.CategoryAndConnectivity, None);
        var collections = await sut.Search.SearchAsync(ConformanceQueries.ConditionsAndRegion, None);
        var three = await sut.Search.SearchAsync(ConformanceQueries.StandardLotAndSupplier, None);

        Assert.Equal(IdsWhere(o => o.Category is "fall-detector" or "pendant-alarm"), Ids(either).Order(StringComparer.Ordinal));
        Assert.Equal(IdsWhere(o => o.Category is "fall-detector" or "pendant-alarm" && o.Connectivity == "digital"), Ids(both).Order(StringComparer.Ordinal));
        Assert.Equal(IdsWhere(o => o.Conditions.Intersect(["falls-risk", "dementia"]).Any() && o.Regions.Contains("london")), Ids(collections).Order(StringComparer.Ordinal));
        Assert.Equal(IdsWhere(o => o.VerifiedStandards.Contains("A2D-READY") && o.Lots.Contains("lot-1") && o.SupplierId == "pennine-careline"), Ids(three).Order(StringComparer.Ordinal));
        Assert.Equal(3, Ids(both).Count());
        Assert.True(collections.Total > 1 && three.Total > 1);
    }

    [Fact]
    public async Task The_price_ceiling_is_inclusive_and_combines_with_text_and_filters()
    {
        using var sut = await CatalogueAsync();

        var cheap = await sut.Search.SearchAsync(ConformanceQueries.UpToForty, None);
        var combined = await sut.Search.SearchAsync(ConformanceQueries.TextFiltersAndCeiling, None);

        Assert.Equal(IdsWhere(o => o.PriceGbp <= 40m), Ids(cheap).Order(StringComparer.Ordinal));
        Assert.Contains("property-exit-sensor", Ids(cheap)); // exactly £40.00
        Assert.Equal(IdsWhere(o => Words(o).Contains("alarm") && o.Lots.Contains("lot-1") && o.PriceGbp <= 100m), Ids(combined).Order(StringComparer.Ordinal));
        Assert.True(combined.Total >= 4);
    }

    [Fact]
    public async Task Facets_count_every_match_and_a_filtered_dimension_without_its_own_filter()
    {
        using var sut = await CatalogueAsync();
        var query = ConformanceQueries.TextFiltersAndCeiling with { PageSize = 2 };

        var result = await sut.Search.SearchAsync(query, None);
        var all = await AllPagesAsync(sut.Search, query);

        Assert.Equal(result.Total, all.Count);
        Assert.Equal(CatalogueQuery.FacetedFilters.Order(), result.Facets.Keys.Order());
        foreach (var filter in CatalogueQuery.FacetedFilters.Where(f => f != CatalogueFilter.Lot))
        {
            Assert.Equal(Counted(all.Select(h => h.Document), filter), result.Facets[filter]);
        }
        // Lot is the filtered dimension: counted with the text and the price ceiling but not the lot filter (disjunctive).
        var withoutLot = Offerings.Where(o => Words(o).Contains("alarm") && o.PriceGbp <= 100m).ToList();
        Assert.Equal(Counted(withoutLot, CatalogueFilter.Lot), result.Facets[CatalogueFilter.Lot]);
        Assert.Equal(result.Total, result.Facets[CatalogueFilter.Lot].Single(c => c.Value == "lot-1").Count);
        Assert.True(result.Facets[CatalogueFilter.Lot].Count > 1, "another lot is offered alongside the chosen one");
    }

    [Fact]
    public async Task Ticking_a_category_leaves_every_category_count_as_it_was_under_the_other_filters()
    {
        using var sut = await CatalogueAsync();
        var before = new CatalogueQuery
        {
            Text = "alarm",
            Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>> { [CatalogueFilter.Supplier] = ["pennine-careline", "northern-tec", "aire-valley-tec"] },
            MaxPrice = 150m,
            PageSize = 100,
        };
        var ticked = before with
        {
            Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>>(before.Filters) { [CatalogueFilter.Category] = ["pendant-alarm"] },
        };

        var unticked = await sut.Search.SearchAsync(before, None);
        var result = await sut.Search.SearchAsync(ticked, None);

        bool Others(OfferingSearchDocument o) => Words(o).Contains("alarm") && o.PriceGbp <= 150m && before.ValuesOf(CatalogueFilter.Supplier).Contains(o.SupplierId);
        var matches = Offerings.Where(o => Others(o) && o.Category == "pendant-alarm").ToList();
        Assert.Equal(unticked.Facets[CatalogueFilter.Category], result.Facets[CatalogueFilter.Category]);
        Assert.Equal(Counted(Offerings.Where(Others), CatalogueFilter.Category), result.Facets[CatalogueFilter.Category]);
        Assert.True(result.Facets[CatalogueFilter.Category].Count(c => c.Value != "pendant-alarm") >= 2, "the other categories are still offered");
        // The results, total and the unfiltered dimensions are those of the ticked query, as before.
        Assert.Equal(matches.Count, result.Total);
        Assert.Equal(IdsWhere(o => matches.Contains(o)), Ids(result).Order(StringComparer.Ordinal));
        foreach (var filter in CatalogueQuery.FacetedFilters.Where(f => f != CatalogueFilter.Category))
        {
            Assert.Equal(Counted(matches, filter), result.Facets[filter]);
        }
    }

    [Fact]
    public async Task With_a_category_and_a_region_each_counts_under_the_other_and_the_rest_under_both()
    {
        using var sut = await CatalogueAsync();
        var query = new CatalogueQuery
        {
            Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>>
            {
                [CatalogueFilter.Category] = ["fall-detector", "pendant-alarm"],
                [CatalogueFilter.Region] = ["london"],
            },
            PageSize = 100,
        };

        var result = await sut.Search.SearchAsync(query, None);

        var inCategories = Offerings.Where(o => o.Category is "fall-detector" or "pendant-alarm").ToList();
        var inLondon = Offerings.Where(o => o.Regions.Contains("london")).ToList();
        var both = inCategories.Intersect(inLondon).ToList();
        Assert.Equal(Counted(inLondon, CatalogueFilter.Category), result.Facets[CatalogueFilter.Category]);
        Assert.Equal(Counted(inCategories, CatalogueFilter.Region), result.Facets[CatalogueFilter.Region]);
        Assert.NotEqual(Counted(Offerings, CatalogueFilter.Category), result.Facets[CatalogueFilter.Category]);
        Assert.NotEqual(Counted(Offerings, CatalogueFilter.Region), result.Facets[CatalogueFilter.Region]);
        foreach (var filter in CatalogueQuery.FacetedFilters.Where(f => f is not CatalogueFilter.Category and not CatalogueFilter.Region))
        {
            Assert.Equal(Counted(both, filter), result.Facets[filter]);
        }
        Assert.Equal(both.Count, result.Total);
        Assert.Equal(IdsWhere(o => both.Contains(o)), Ids(result).Order(StringComparer.Ordinal));
        Assert.InRange(both.Count, 2, inCategories.Count - 1);
    }

    [Fact]
    public async Task Every_capability_asked_for_must_be_declared_and_its_facet_counts_the_results_themselves()
    {
        using var sut = await CatalogueAsync();

        var both = await sut.Search.SearchAsync(ConformanceQueries.TwoCapabilities, None);

        var declaringBoth = Offerings.Where(o => o.Capabilities.Contains("clinician-dashboard") && o.Capabilities.Contains("configurable-alert-limits")).ToList();
        var declaringEither = Offerings.Where(o => o.Capabilities.Intersect(["clinician-dashboard", "configurable-alert-limits"]).Any()).ToList();
        Assert.Equal(IdsWhere(declaringBoth.Contains), Ids(both).Order(StringComparer.Ordinal));
        Assert.InRange(declaringBoth.Count, 2, declaringEither.Count - 1);
        // Values are ANDed, so the dimension is counted over the results: another value chosen can only narrow them.
        Assert.Equal(Counted(declaringBoth, CatalogueFilter.Capability), both.Facets[CatalogueFilter.Capability]);
        Assert.Equal(declaringBoth.Count, both.Facets[CatalogueFilter.Capability].Single(c => c.Value == "clinician-dashboard").Count);
        foreach (var filter in CatalogueQuery.FacetedFilters)
        {
            Assert.Equal(Counted(declaringBoth, filter), both.Facets[filter]);
        }
    }

    [Fact]
    public async Task A_category_beside_a_capability_is_counted_under_the_capability_and_the_capability_under_both()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.CategoryAndCapability, None);

        var declaring = Offerings.Where(o => o.Capabilities.Contains("clinician-dashboard")).ToList();
        var matches = declaring.Where(o => o.Category is "blood-pressure-monitor" or "vital-signs-hub").ToList();
        Assert.Equal(IdsWhere(matches.Contains), Ids(result).Order(StringComparer.Ordinal));
        Assert.Equal(Counted(declaring, CatalogueFilter.Category), result.Facets[CatalogueFilter.Category]);
        Assert.Equal(Counted(matches, CatalogueFilter.Capability), result.Facets[CatalogueFilter.Capability]);
        Assert.InRange(matches.Count, 2, declaring.Count - 1);
    }

    /// <summary>The expected facet of these offerings: count descending, then value, without empty values.</summary>
    private static List<FacetCount> Counted(IEnumerable<OfferingSearchDocument> offerings, CatalogueFilter filter) =>
        [.. offerings.SelectMany(o => Values(o, filter))
            .GroupBy(v => v)
            .Select(g => new FacetCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    [Fact]
    public async Task Facets_over_the_whole_catalogue_are_ordered_by_count_then_value()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.Everything, None);

        var categories = result.Facets[CatalogueFilter.Category];
        Assert.Equal(new FacetCount("fall-detector", 4), categories[0]);
        Assert.Equal(new FacetCount("blood-pressure-monitor", 3), categories[1]);
        Assert.Equal(Offerings.Count, categories.Sum(c => c.Count));
        Assert.Equal(categories.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal), categories);
        Assert.Equal(Offerings.Count(o => o.Connectivity != ""), result.Facets[CatalogueFilter.Connectivity].Sum(c => c.Count));
        Assert.Equal(Offerings.Count(o => o.Regions.Contains("london")), result.Facets[CatalogueFilter.Region].Single(r => r.Value == "london").Count);
    }

    [Fact]
    public async Task Sorting_by_price_is_cheapest_first_and_by_name_is_A_to_Z_ignoring_case()
    {
        using var sut = await CatalogueAsync();

        var byPrice = await sut.Search.SearchAsync(ConformanceQueries.ByPrice, None);
        var byName = await sut.Search.SearchAsync(ConformanceQueries.ByName, None);

        Assert.Equal(
            Offerings.OrderBy(o => o.PriceGbp).ThenBy(o => FairOrdering.KeyOf(o.Id)).Select(o => o.Id),
            Ids(byPrice));
        Assert.Equal(
            Offerings.OrderBy(o => NameOrdering.KeyOf(o.Name), StringComparer.Ordinal).ThenBy(o => FairOrdering.KeyOf(o.Id)).Select(o => o.Id),
            Ids(byName));
        Assert.Equal("24/7 alarm receiving centre", byName.Hits[0].Document.Name);
        Assert.Equal("video-consultation", byPrice.Hits[0].Document.Id);
    }

    [Fact]
    public async Task Pages_share_one_total_and_together_hold_every_match_once_in_order()
    {
        using var sut = await CatalogueAsync();

        var whole = await sut.Search.SearchAsync(ConformanceQueries.Everything with { PageSize = 100 }, None);
        var pages = new List<CatalogueSearchResult>();
        for (var page = 1; page <= 6; page++)
        {
            pages.Add(await sut.Search.SearchAsync(ConformanceQueries.Everything with { Page = page, PageSize = 7 }, None));
        }

        Assert.All(pages, p => Assert.Equal(30, p.Total));
        Assert.Equal([7, 7, 7, 7, 2, 0], pages.Select(p => p.Hits.Count));
        var paged = pages.SelectMany(Ids).ToList();
        Assert.Equal(paged.Distinct().Count(), paged.Count);
        Assert.Equal(Ids(whole), paged);
        Assert.Equal(Ids(whole).Skip(14).Take(7), Ids(await sut.Search.SearchAsync(ConformanceQueries.ThirdPageOfSeven, None)));
    }

    [Fact]
    public async Task Exact_ties_are_ordered_by_the_fair_ordering_key_whatever_the_insertion_order()
    {
        // Six identical offerings from six suppliers: every order leaves them tied.
        var ids = new[] { "alpha-pendant", "bravo-pendant", "charlie-pendant", "delta-pendant", "echo-pendant", "foxtrot-pendant" };
        OfferingSearchDocument Twin(string id) => ById("classic-pendant-alarm") with { Id = id, SupplierId = id + "-ltd", SupplierName = "Supplier" };
        var fair = ids.OrderBy(FairOrdering.KeyOf).ToList();
        Assert.NotEqual(ids, fair);
        Assert.NotEqual(ids.Reverse(), fair);

        using var forwards = await OpenAsync(ids.Select(Twin));
        using var backwards = await OpenAsync([]);
        foreach (var id in ids.Reverse())
        {
            await backwards.Index.UpsertAsync(Twin(id), None);
        }

        foreach (var sut in new[] { forwards, backwards })
        {
            foreach (var query in new[] { new CatalogueQuery(), new CatalogueQuery { Text = "pendant alarm" }, new CatalogueQuery { Sort = CatalogueSort.Price }, new CatalogueQuery { Sort = CatalogueSort.Name } })
            {
                var result = await sut.Search.SearchAsync(query, None);
                Assert.Equal(fair, Ids(result));
                Assert.Single(result.Hits.Select(h => h.Score).Distinct());
            }
        }
    }

    [Fact]
    public async Task Snippets_mark_the_matched_terms_in_the_best_sentence()
    {
        using var sut = await CatalogueAsync();

        var result = await sut.Search.SearchAsync(ConformanceQueries.FallDetector, None);

        var wrist = result.Hits.Single(h => h.Document.Id == "wrist-fall-detector").Snippet;
        Assert.Equal("Automatic <mark>fall</mark> <mark>detector</mark> worn on the wrist.", wrist);
        var centre = result.Hits.Single(h => h.Document.Id == "alarm-receiving-centre").Snippet;
        Assert.Equal("Monitoring centre answering pendant alarm and <mark>fall</mark> <mark>detector</mark> calls around the clock.", centre);
    }

    [Fact]
    public async Task Snippets_mark_prefix_matches_and_fall_back_to_the_opening_of_the_summary_without_text()
    {
        using var sut = await CatalogueAsync();

        var prefix = await sut.Search.SearchAsync(new CatalogueQuery { Text = "sens*" }, None);
        var none = await sut.Search.SearchAsync(ConformanceQueries.OneCategory, None);

        Assert.Equal("Dual-path home hub for telecare <mark>sensors</mark>.", prefix.Hits.Single(h => h.Document.Id == "lifeline-home-hub").Snippet);
        Assert.Equal("Door <mark>sensor</mark> that alerts carers when someone leaves at night.", prefix.Hits.Single(h => h.Document.Id == "property-exit-sensor").Snippet);
        var hubOrNotPendant = await sut.Search.SearchAsync(new CatalogueQuery { Text = "hub | -pendant" }, None);
        Assert.Equal("Digital <mark>hub</mark> connecting sensors and pendant alarms.", hubOrNotPendant.Hits.Single(h => h.Document.Id == "smart-home-hub").Snippet);
        Assert.Equal("Automatic fall detector worn on the wrist.", none.Hits.Single(h => h.Document.Id == "wrist-fall-detector").Snippet);
    }

    [Fact]
    public async Task Snippets_are_HTML_safe_whatever_a_supplier_writes()
    {
        var hostile = ById("digital-pendant-alarm") with
        {
            Id = "hostile",
            Summary = "Pendant <script>alert('x')</script> & <b onmouseover=\"steal()\">alarm</b>.",
        };
        using var sut = await OpenAsync([hostile]);

        var hit = Assert.Single((await sut.Search.SearchAsync(new CatalogueQuery { Text = "alarm" }, None)).Hits);

        Assert.Equal(
            "Pendant &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b onmouseover=&quot;steal()&quot;&gt;<mark>alarm</mark>&lt;/b&gt;.",
            hit.Snippet);
    }

    [Fact]
    public async Task The_snippet_is_the_sentence_holding_most_of_the_query_words_even_in_the_description()
    {
        var offering = ById("wrist-fall-detector") with
        {
            Id = "best-sentence",
            Summary = "A wrist-worn fall alarm. Works anywhere in the home.",
            Description = "Our fall detector uses an accelerometer. Fall fall fall.",
        };
        using var sut = await OpenAsync([offering]);

        var hit = Assert.Single((await sut.Search.SearchAsync(new CatalogueQuery { Text = "fall detector" }, None)).Hits);

        Assert.Equal("Our <mark>fall</mark> <mark>detector</mark> uses an accelerometer.", hit.Snippet);
    }

    [Fact]
    public async Task A_long_sentence_is_cut_to_about_two_hundred_characters_around_the_matches_between_whole_words()
    {
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => "word" + i));
        var offering = ById("classic-pendant-alarm") with { Id = "long", Summary = words + " pendant alarm " + words + ".", Description = "" };
        using var sut = await OpenAsync([offering]);

        var snippet = Assert.Single((await sut.Search.SearchAsync(new CatalogueQuery { Text = "pendant alarm" }, None)).Hits).Snippet;

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>pendant</mark> <mark>alarm</mark>", snippet);
        var plain = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
        Assert.InRange(plain.Length, 150, 210);
        Assert.Contains(plain, offering.Summary);
        Assert.Matches(@"^word\d+ ", plain);
        Assert.Matches(@" word\d+$", plain);
    }

    [Fact]
    public async Task Without_a_match_the_snippet_is_the_opening_sentence_of_the_description_when_the_summary_is_empty()
    {
        var offering = ById("lifeline-home-hub") with { Id = "no-summary", Summary = "", Description = "Hub <v2> for 'smart' homes. More text." };
        using var sut = await OpenAsync([offering]);

        var everything = Assert.Single((await sut.Search.SearchAsync(ConformanceQueries.Everything, None)).Hits);
        var elsewhere = Assert.Single((await sut.Search.SearchAsync(new CatalogueQuery { Text = "lifeline" }, None)).Hits);

        Assert.Equal("Hub &lt;v2&gt; for &#39;smart&#39; homes.", everything.Snippet);
        Assert.Equal(everything.Snippet, elsewhere.Snippet);
    }

    [Fact]
    public async Task An_upsert_shows_in_the_next_search_and_a_delete_disappears()
    {
        using var sut = await CatalogueAsync();
        Assert.Equal(0, (await sut.Search.SearchAsync(new CatalogueQuery { Text = "hydration" }, None)).Total);

        await sut.Index.UpsertAsync(ById("bluetooth-scales") with { Id = "hydration-monitor", Name = "Hydration monitor", Category = "activity-monitoring" }, None);
        var added = await sut.Search.SearchAsync(new CatalogueQuery { Text = "hydration" }, None);
        await sut.Index.UpsertAsync(ById("wrist-fall-detector") with { Name = "Wrist fall alarm", Summary = "Automatic alarm worn on the wrist.", Description = "" }, None);
        var replaced = await sut.Search.SearchAsync(ConformanceQueries.FallDetector, None);
        var renamed = await sut.Search.SearchAsync(new CatalogueQuery { Text = "wrist fall alarm" }, None);
        await sut.Index.DeleteAsync("hydration-monitor", None);
        var deleted = await sut.Search.SearchAsync(new CatalogueQuery { Text = "hydration" }, None);
        var everything = await sut.Search.SearchAsync(ConformanceQueries.Everything, None);

        Assert.Equal(["hydration-monitor"], Ids(added));
        Assert.Equal(1, added.Facets[CatalogueFilter.Category].Single().Count);
        Assert.DoesNotContain("wrist-fall-detector", Ids(replaced));
        Assert.Equal(4, replaced.Total);
        Assert.Equal(0, deleted.Total);
        Assert.Empty(deleted.Hits);
        Assert.Equal(["wrist-fall-detector"], Ids(renamed));
        Assert.Equal("Wrist fall alarm", renamed.Hits[0].Document.Name);
        Assert.Equal(30, everything.Total);
        Assert.DoesNotContain(everything.Facets[CatalogueFilter.Category], c => c.Value == "activity-monitoring");
    }

    private static IEnumerable<string> Values(OfferingSearchDocument o, CatalogueFilter filter) => (filter switch
    {
        CatalogueFilter.Category => [o.Category],
        CatalogueFilter.Condition => o.Conditions,
        CatalogueFilter.Standard => o.VerifiedStandards,
        CatalogueFilter.Region => o.Regions,
        CatalogueFilter.Lot => o.Lots,
        CatalogueFilter.Connectivity => [o.Connectivity],
        CatalogueFilter.Supplier => [o.SupplierId],
        CatalogueFilter.Capability => o.Capabilities,
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    }).Where(v => v != "");
}
