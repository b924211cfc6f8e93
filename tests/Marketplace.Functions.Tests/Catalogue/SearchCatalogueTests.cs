using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Core.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Catalogue;

/// <summary>The app on Azurite with its in-memory Lucene index holding a few offerings, written through the app's own index.</summary>
public sealed class SearchCatalogueApp : IAsyncLifetime
{
    public MarketplaceApp App { get; private set; } = null!;

    public static readonly OfferingSearchDocument[] Offerings =
    [
        Offering("wrist-fall-detector", "Wrist fall detector", "fall-detector", "Automatic fall detector worn on the wrist.", 89m, "digital", ["falls-risk", "frailty"], ["BS8521-2"]),
        Offering("pendant-fall-detector", "Pendant fall detector", "fall-detector", "Pendant-worn fall detector with automatic alerts.", 120m, "both", ["falls-risk", "dementia"], ["EN50134"]),
        Offering("digital-pendant-alarm", "Digital pendant alarm", "pendant-alarm", "IP pendant alarm with two-way speech.", 35m, "digital", ["frailty"], ["BS8521-2", "SCAIP"]),
        Offering("classic-pendant-alarm", "Classic pendant alarm", "pendant-alarm", "Waterproof pendant <alarm> button & more.", 25m, "analogue", ["falls-risk"], ["BS8521-1"]),
        Offering("connected-bp-monitor", "Connected blood pressure monitor", "blood-pressure-monitor", "Upper-arm monitor that sends readings to the clinician.", 42m, "digital", ["hypertension"], ["MHRA-REG"]),
        Offering("smart-home-hub", "Smart home hub", "home-alarm-hub", "Digital hub connecting sensors and pendant alarms.", 160m, "digital", ["frailty"], ["SCAIP"]),
    ];

    private static OfferingSearchDocument Offering(string id, string name, string category, string summary, decimal price, string connectivity, string[] conditions, string[] standards) => new()
    {
        Id = id,
        Name = name,
        Category = category,
        Summary = summary,
        SupplierId = "supplier-of-" + id,
        SupplierName = "Supplier Ltd",
        PriceGbp = price,
        PriceModel = "per-unit",
        Connectivity = connectivity,
        Conditions = conditions,
        VerifiedStandards = standards,
        Regions = ["london"],
        Lots = ["lot-1"],
    };

    public async Task InitializeAsync()
    {
        // No in-process reindex: it would rebuild the index from the (empty) tables under the test's feet.
        App = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["Background:RunInProcess"] = "false" });
        var index = App.Services.GetRequiredService<ICatalogueIndex>();
        foreach (var offering in Offerings)
        {
            await index.UpsertAsync(offering, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SearchCatalogueTests(SearchCatalogueApp fixture) : IClassFixture<SearchCatalogueApp>
{
    private async Task<JsonElement> GetOkAsync(string query)
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("/api/catalogue/search" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    private static string[] Ids(JsonElement body) => [.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Anyone_can_search_and_gets_hits_with_snippets_and_facets_for_every_filterable_field()
    {
        var body = await GetOkAsync("?q=fall%20detector");

        Assert.Equal(2, body.GetProperty("total").GetInt64());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(30, body.GetProperty("pageSize").GetInt32());
        Assert.Equal(["pendant-fall-detector", "wrist-fall-detector"], Ids(body).Order(StringComparer.Ordinal));
        var wrist = body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "wrist-fall-detector");
        Assert.Equal("Wrist fall detector", wrist.GetProperty("name").GetString());
        Assert.Equal("supplier-of-wrist-fall-detector", wrist.GetProperty("supplierId").GetString());
        Assert.Equal("Supplier Ltd", wrist.GetProperty("supplierName").GetString());
        Assert.Equal("fall-detector", wrist.GetProperty("category").GetString());
        Assert.Equal(["falls-risk", "frailty"], wrist.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(["BS8521-2"], wrist.GetProperty("verifiedStandards").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal("per-unit", wrist.GetProperty("priceModel").GetString());
        Assert.Equal(89m, wrist.GetProperty("priceGbp").GetDecimal());
        Assert.Equal("Automatic <mark>fall</mark> <mark>detector</mark> worn on the wrist.", wrist.GetProperty("snippet").GetString());

        var facets = body.GetProperty("facets");
        Assert.Equal(["category", "condition", "standard", "region", "lot", "connectivity", "capability"], facets.EnumerateObject().Select(f => f.Name));
        Assert.Equal([("fall-detector", 2L)], Facet(facets, "category"));
        Assert.Equal([("falls-risk", 2L), ("dementia", 1L), ("frailty", 1L)], Facet(facets, "condition"));
        Assert.Equal([("both", 1L), ("digital", 1L)], Facet(facets, "connectivity"));
    }

    private static (string, long)[] Facet(JsonElement facets, string name) =>
        [.. facets.GetProperty(name).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt64()))];

    [Fact]
    public async Task A_client_accepting_br_gets_the_same_page_packed_whether_searched_or_kept_and_one_that_does_not_gets_it_plain()
    {
        using var client = fixture.App.CreateClient();
        const string path = "/api/catalogue/search?q=pendant&sort=price";
        async Task<(HttpResponseMessage Response, byte[] Body)> SearchAsync(string? acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            return (response, await response.Content.ReadAsByteArrayAsync());
        }
        static string Unpacked(byte[] packed)
        {
            using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(packed), System.IO.Compression.CompressionMode.Decompress);
            return new StreamReader(brotli).ReadToEnd();
        }

        var searched = await SearchAsync("gzip, deflate, br");
        var kept = await SearchAsync("br");
        var plain = await SearchAsync(null);
        var refused = await SearchAsync("br;q=0, gzip");

        Assert.Equal("marketplace; fwd=miss; stored", string.Join(",", searched.Response.Headers.GetValues("Cache-Status")));
        Assert.Equal("marketplace; hit", string.Join(",", kept.Response.Headers.GetValues("Cache-Status")));
        Assert.Equal(["br"], searched.Response.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], kept.Response.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Response.Content.Headers.ContentEncoding);
        Assert.Empty(refused.Response.Content.Headers.ContentEncoding);
        var json = System.Text.Encoding.UTF8.GetString(plain.Body);
        Assert.Equal("classic-pendant-alarm", Ids(JsonDocument.Parse(json).RootElement)[0]);
        Assert.Equal(json, Unpacked(searched.Body));
        Assert.Equal(json, Unpacked(kept.Body));
        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(refused.Body));
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_the_kept_page_until_the_index_changes()
    {
        using var client = fixture.App.CreateClient();
        var index = fixture.App.Services.GetRequiredService<ICatalogueIndex>();
        async Task<(string CacheStatus, JsonElement Body)> SearchAsync(string query)
        {
            var response = await client.GetAsync("/api/catalogue/search" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (string.Join(",", response.Headers.GetValues("Cache-Status")), JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        }
        try
        {
            var first = await SearchAsync("?q=zigbee&category=home-alarm-hub,pendant-alarm");
            // The same search written another way: parameter case and value order do not change the answer.
            var again = await SearchAsync("?Q=zigbee&category=pendant-alarm,home-alarm-hub");
            Assert.Equal("marketplace; fwd=miss; stored", first.CacheStatus);
            Assert.Equal("marketplace; hit", again.CacheStatus);
            Assert.Equal(0, again.Body.GetProperty("total").GetInt64());
            using var fresh = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/search?q=zigbee&category=home-alarm-hub,pendant-alarm");
            fresh.Headers.CacheControl = new() { NoCache = true };
            Assert.Equal("marketplace; fwd=request; stored", string.Join(",", (await client.SendAsync(fresh)).Headers.GetValues("Cache-Status")));

            await index.UpsertAsync(SearchCatalogueApp.Offerings.Single(o => o.Id == "smart-home-hub") with { Id = "zigbee-hub", Name = "Zigbee hub" },
                CancellationToken.None);
            var afterWrite = await SearchAsync("?q=zigbee&category=home-alarm-hub,pendant-alarm");

            Assert.Equal("marketplace; fwd=miss; stored", afterWrite.CacheStatus);
            Assert.Equal(["zigbee-hub"], Ids(afterWrite.Body));
        }
        finally
        {
            await index.DeleteAsync("zigbee-hub", CancellationToken.None);
        }
        Assert.Equal(0, (await SearchAsync("?q=zigbee&category=home-alarm-hub,pendant-alarm")).Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Comma_separated_values_of_one_filter_are_ORed_and_filters_ANDed()
    {
        var either = await GetOkAsync("?category=fall-detector,pendant-alarm");
        var both = await GetOkAsync("?category=fall-detector,pendant-alarm&connectivity=digital");

        Assert.Equal(["classic-pendant-alarm", "digital-pendant-alarm", "pendant-fall-detector", "wrist-fall-detector"], Ids(either).Order(StringComparer.Ordinal));
        Assert.Equal(["digital-pendant-alarm", "wrist-fall-detector"], Ids(both).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task After_ticking_one_category_the_other_categories_are_still_offered_with_their_counts()
    {
        var untick = await GetOkAsync("?connectivity=digital");
        var ticked = await GetOkAsync("?connectivity=digital&category=fall-detector");
        using var client = fixture.App.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/catalogue?connectivity=digital&category=fall-detector"));

        // Disjunctive: the category counts are those under the other filters (digital), whichever category is ticked.
        Assert.Equal([("blood-pressure-monitor", 1L), ("fall-detector", 1L), ("home-alarm-hub", 1L), ("pendant-alarm", 1L)], Facet(ticked.GetProperty("facets"), "category"));
        Assert.Equal(Facet(untick.GetProperty("facets"), "category"), Facet(ticked.GetProperty("facets"), "category"));
        Assert.Equal([("both", 1L), ("digital", 1L)], Facet(ticked.GetProperty("facets"), "connectivity"));
        Assert.Equal(["wrist-fall-detector"], Ids(ticked));
        foreach (var category in new[] { "blood-pressure-monitor", "fall-detector", "home-alarm-hub", "pendant-alarm" })
        {
            var box = Regex.Match(page, $"""<input[^>]*id="(category-\d+)"[^>]*name="category" type="checkbox" value="{category}"([^>]*)>""");
            Assert.True(box.Success, $"{category} is offered");
            Assert.Equal(category == "fall-detector", box.Groups[2].Value.Contains("checked", StringComparison.Ordinal));
            Assert.Matches($"""<label[^>]*for="{box.Groups[1].Value}">[^<]*\(1\)</label>""", page);
        }
    }

    [Fact]
    public async Task A_repeated_key_sent_straight_to_the_app_means_the_same_as_the_comma_list_the_Functions_host_forwards()
    {
        var repeated = await GetOkAsync("?category=fall-detector&category=pendant-alarm&sort=name");
        var joined = await GetOkAsync("?category=fall-detector,pendant-alarm&sort=name");

        Assert.Equal(Ids(joined), Ids(repeated));
        Assert.Equal(4, Ids(repeated).Length);
    }

    [Fact]
    public async Task Price_ceiling_sort_and_paging_come_from_the_query_string()
    {
        var body = await GetOkAsync("?maxPrice=100&sort=price&pageSize=2&page=2");

        Assert.Equal(4, body.GetProperty("total").GetInt64());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
        Assert.Equal(2, body.GetProperty("pageSize").GetInt32());
        Assert.Equal(["connected-bp-monitor", "wrist-fall-detector"], Ids(body));
    }

    [Fact]
    public async Task Snippets_arrive_HTML_encoded_with_only_the_marks_as_markup()
    {
        var body = await GetOkAsync("?q=waterproof");

        var snippet = Assert.Single(body.GetProperty("results").EnumerateArray()).GetProperty("snippet").GetString();
        Assert.Equal("<mark>Waterproof</mark> pendant &lt;alarm&gt; button &amp; more.", snippet);
    }

    [Theory]
    [InlineData("?colour=red", "colour")]
    [InlineData("?q=hub&categry=hub", "categry")]
    [InlineData("?sort=popularity", "sort")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=400", "page")]
    [InlineData("?maxPrice=cheap", "maxPrice")]
    [InlineData("?maxPrice=-1", "maxPrice")]
    [InlineData("?category=", "category")]
    [InlineData("?region=london,,wales", "region")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/api/catalogue/search" + query);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        Assert.NotEmpty(errors.GetProperty(parameter).EnumerateArray().Single().GetString()!);
        Assert.StartsWith(parameter + ": ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_search_parameter_and_says_anyone_may_search()
    {
        using var client = fixture.App.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty("/api/catalogue/search").GetProperty("get");
        Assert.Equal(Marketplace.Core.Catalogue.Search.CatalogueQueryParser.Parameters,
            operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
        Assert.All(operation.GetProperty("parameters").EnumerateArray(), p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal("Anyone", operation.GetProperty("x-access").GetString());
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_named_in_one_answer()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/api/catalogue/search?sort=best&pageSize=0&maxPrice=cheap&colour=red");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["colour", "maxPrice", "pageSize", "sort"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
