using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Storage.Search;
using Marketplace.Testing;

namespace Marketplace.Storage.Tests.Search;

/// <summary>
/// Azure AI Search has no emulator: the adapter is checked through the SDK's pluggable transport — the index
/// definition it creates, the request it sends for every conformance query, the documents it uploads, and how it
/// reads a canned answer back into the shared result shape.
/// </summary>
public sealed class AzureSearchCatalogueIndexTests
{
    private const string EmptyResults = """{ "@odata.count": 0, "@search.facets": {}, "value": [] }""";

    private static (AzureSearchCatalogueIndex Index, RecordingTransport Transport) Adapter(Func<RecordedRequest, (HttpStatusCode, string)>? respond = null)
    {
        var transport = new RecordingTransport(respond ?? (_ => (HttpStatusCode.OK, EmptyResults)));
        var options = new SearchClientOptions { Transport = transport };
        options.Retry.MaxRetries = 0;
        var client = new SearchIndexClient(new Uri("https://srch-test.search.windows.net"), new AzureKeyCredential("not-a-real-key"), options);
        return (new AzureSearchCatalogueIndex(client, "offerings"), transport);
    }

    private sealed record FieldFlags(string Type, bool Key, bool Searchable, bool Filterable, bool Facetable, bool Sortable, bool Retrievable);

    [Fact]
    public async Task The_index_definition_makes_each_field_searchable_filterable_facetable_and_sortable_as_search_needs()
    {
        var (index, transport) = Adapter(request => (HttpStatusCode.Created, request.Body));

        await index.EnsureIndexAsync(CancellationToken.None);

        var request = Assert.Single(transport.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/indexes('offerings')", request.Uri.AbsolutePath);
        var definition = request.Json!;
        var fields = definition["fields"]!.AsArray().ToDictionary(
            f => (string)f!["name"]!,
            f => new FieldFlags((string)f!["type"]!, (bool?)f["key"] ?? false, (bool?)f["searchable"] ?? false, (bool?)f["filterable"] ?? false,
                (bool?)f["facetable"] ?? false, (bool?)f["sortable"] ?? false, (bool?)f["retrievable"] ?? true));
        var expected = new Dictionary<string, FieldFlags>
        {
            //                         type                      key    search filter facet  sort   retrievable
            ["id"] = new("Edm.String", true, false, true, false, true, true),
            ["name"] = new("Edm.String", false, true, false, false, true, true),
            ["summary"] = new("Edm.String", false, true, false, false, false, true),
            ["description"] = new("Edm.String", false, true, false, false, false, true),
            ["supplierId"] = new("Edm.String", false, false, true, true, false, true),
            ["supplierName"] = new("Edm.String", false, true, false, false, false, true),
            ["category"] = new("Edm.String", false, false, true, true, false, true),
            ["conditions"] = new("Collection(Edm.String)", false, false, true, true, false, true),
            ["regions"] = new("Collection(Edm.String)", false, false, true, true, false, true),
            ["lots"] = new("Collection(Edm.String)", false, false, true, true, false, true),
            ["connectivity"] = new("Edm.String", false, false, true, true, false, true),
            ["interoperability"] = new("Collection(Edm.String)", false, false, true, true, false, true),
            ["features"] = new("Collection(Edm.String)", false, true, false, false, false, true),
            ["verifiedStandards"] = new("Collection(Edm.String)", false, false, true, true, false, true),
            ["capabilities"] = new("Collection(Edm.String)", false, false, true, true, false, true),
            ["priceModel"] = new("Edm.String", false, false, true, false, false, true),
            ["priceGbp"] = new("Edm.Double", false, false, true, false, true, true),
            ["leadTimeDays"] = new("Edm.Int32", false, false, true, false, true, true),
            ["fairKey"] = new("Edm.Int64", false, false, false, false, true, false),
            ["nameSort"] = new("Edm.String", false, false, false, false, true, false),
        };
        Assert.Equal(expected.OrderBy(f => f.Key, StringComparer.Ordinal), fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal("name-first", (string?)definition["defaultScoringProfile"]);
        var profile = Assert.Single(definition["scoringProfiles"]!.AsArray())!;
        Assert.Equal("name-first", (string?)profile["name"]);
        Assert.Equal(3.0, (double?)profile["text"]!["weights"]!["name"]);
    }

    public static TheoryData<string, string, string?, string, int, int> ConformanceRequests => new()
    {
        // conformance query            search                    filter                                                                                              orderby                                           skip top
        { nameof(ConformanceQueries.Everything), "*", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.FallDetector), "fall detector", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.Either), "oximeter | scales", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.AlarmButNotPendant), "alarm -pendant", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.NotPendant), "-pendant", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.Phrase), "\"monitoring centre\"", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.Words), "monitoring centre", null, "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.OneCategory), "*", "search.in(category, 'fall-detector', ',')", "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.TwoCategories), "*", "search.in(category, 'fall-detector,pendant-alarm', ',')", "search.score() desc,fairKey asc,id asc", 0, 30 },
        {
            nameof(ConformanceQueries.CategoryAndConnectivity), "*",
            "search.in(category, 'pendant-alarm,fall-detector', ',') and search.in(connectivity, 'digital', ',')",
            "search.score() desc,fairKey asc,id asc", 0, 30
        },
        {
            nameof(ConformanceQueries.ConditionsAndRegion), "*",
            "conditions/any(v: search.in(v, 'falls-risk,dementia', ',')) and regions/any(v: search.in(v, 'london', ','))",
            "search.score() desc,fairKey asc,id asc", 0, 30
        },
        {
            nameof(ConformanceQueries.StandardLotAndSupplier), "*",
            "verifiedStandards/any(v: search.in(v, 'A2D-READY', ',')) and lots/any(v: search.in(v, 'lot-1', ',')) and search.in(supplierId, 'pennine-careline', ',')",
            "search.score() desc,fairKey asc,id asc", 0, 30
        },
        {
            nameof(ConformanceQueries.TextFiltersAndCeiling), "alarm",
            "lots/any(v: search.in(v, 'lot-1', ',')) and priceGbp le 100",
            "search.score() desc,fairKey asc,id asc", 0, 30
        },
        { nameof(ConformanceQueries.UpToForty), "*", "priceGbp le 40", "search.score() desc,fairKey asc,id asc", 0, 30 },
        { nameof(ConformanceQueries.ByPrice), "*", null, "priceGbp asc,fairKey asc,id asc", 0, 100 },
        { nameof(ConformanceQueries.ByName), "*", null, "nameSort asc,fairKey asc,id asc", 0, 100 },
        { nameof(ConformanceQueries.ThirdPageOfSeven), "*", null, "search.score() desc,fairKey asc,id asc", 14, 7 },
        {
            nameof(ConformanceQueries.TwoCapabilities), "*",
            "capabilities/any(v: v eq 'clinician-dashboard') and capabilities/any(v: v eq 'configurable-alert-limits')",
            "search.score() desc,fairKey asc,id asc", 0, 100
        },
        {
            nameof(ConformanceQueries.CategoryAndCapability), "*",
            "search.in(category, 'blood-pressure-monitor,vital-signs-hub', ',') and capabilities/any(v: v eq 'clinician-dashboard')",
            "search.score() desc,fairKey asc,id asc", 0, 100
        },
        { nameof(ConformanceQueries.QuotedSupplier), "*", "search.in(supplierId, 'o''neill-care,pennine-careline', ',')", "search.score() desc,fairKey asc,id asc", 0, 30 },
    };

    private static CatalogueQuery Conformance(string name) =>
        (CatalogueQuery)typeof(ConformanceQueries).GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Every_conformance_query_has_an_expected_Azure_request()
    {
        var queries = typeof(ConformanceQueries).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).Order(StringComparer.Ordinal);
        var covered = ConformanceRequests.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(queries, covered);
    }

    [Theory]
    [MemberData(nameof(ConformanceRequests))]
    public async Task Each_conformance_query_is_sent_as_the_simple_syntax_with_OData_filters_facets_order_and_paging(
        string query, string search, string? filter, string orderBy, int skip, int top)
    {
        var (index, transport) = Adapter();

        await index.SearchAsync(Conformance(query), CancellationToken.None);

        // The main request is the one asking for the total; any others are the facet-only ones checked below.
        var request = Assert.Single(transport.Requests, r => (bool?)r.Json!["count"] == true);
        Assert.Equal(1 + FacetOnlyRequests.Count(row => (string)row[0] == query), transport.Requests.Count);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/indexes('offerings')/docs/search.post.search", request.Uri.AbsolutePath);
        var body = request.Json!.AsObject();
        Assert.Equal(search, (string?)body["search"]);
        Assert.Equal(filter, (string?)body["filter"]);
        Assert.Equal(orderBy, (string?)body["orderby"]);
        Assert.Equal(skip, (int?)body["skip"]);
        Assert.Equal(top, (int?)body["top"]);
        Assert.Equal("all", (string?)body["searchMode"]);
        Assert.Equal("simple", (string?)body["queryType"]);
        Assert.True((bool?)body["count"]);
        Assert.Equal(
            ["category,count:100", "conditions,count:100", "verifiedStandards,count:100", "regions,count:100", "lots,count:100", "connectivity,count:100",
             "capabilities,count:100"],
            body["facets"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("name,summary,description,features,supplierName", (string?)body["searchFields"]);
        Assert.Equal("summary,description", (string?)body["highlight"]);
        Assert.Equal("<mark>", (string?)body["highlightPreTag"]);
        Assert.Equal("</mark>", (string?)body["highlightPostTag"]);
    }

    public static TheoryData<string, string, string, string?> FacetOnlyRequests => new()
    {
        // conformance query            search   facet                              filter without that dimension's own
        { nameof(ConformanceQueries.OneCategory), "*", "category,count:100", null },
        { nameof(ConformanceQueries.TwoCategories), "*", "category,count:100", null },
        { nameof(ConformanceQueries.CategoryAndConnectivity), "*", "category,count:100", "search.in(connectivity, 'digital', ',')" },
        { nameof(ConformanceQueries.CategoryAndConnectivity), "*", "connectivity,count:100", "search.in(category, 'pendant-alarm,fall-detector', ',')" },
        { nameof(ConformanceQueries.ConditionsAndRegion), "*", "conditions,count:100", "regions/any(v: search.in(v, 'london', ','))" },
        { nameof(ConformanceQueries.ConditionsAndRegion), "*", "regions,count:100", "conditions/any(v: search.in(v, 'falls-risk,dementia', ','))" },
        {
            nameof(ConformanceQueries.StandardLotAndSupplier), "*", "verifiedStandards,count:100",
            "lots/any(v: search.in(v, 'lot-1', ',')) and search.in(supplierId, 'pennine-careline', ',')"
        },
        {
            nameof(ConformanceQueries.StandardLotAndSupplier), "*", "lots,count:100",
            "verifiedStandards/any(v: search.in(v, 'A2D-READY', ',')) and search.in(supplierId, 'pennine-careline', ',')"
        },
        { nameof(ConformanceQueries.TextFiltersAndCeiling), "alarm", "lots,count:100", "priceGbp le 100" },
        // The capability filter's values are ANDed: it has no facet-only request, and the category's keeps it.
        { nameof(ConformanceQueries.CategoryAndCapability), "*", "category,count:100", "capabilities/any(v: v eq 'clinician-dashboard')" },
    };

    [Theory]
    [MemberData(nameof(FacetOnlyRequests))]
    public async Task Each_filtered_facet_dimension_is_counted_by_a_facet_only_request_without_its_own_filter(
        string query, string search, string facet, string? filter)
    {
        var (index, transport) = Adapter();

        await index.SearchAsync(Conformance(query), CancellationToken.None);

        var request = Assert.Single(transport.Requests, r => r.Json!["facets"]!.AsArray().Select(f => (string)f!).SequenceEqual([facet]));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/indexes('offerings')/docs/search.post.search", request.Uri.AbsolutePath);
        var body = request.Json!.AsObject();
        Assert.Equal(search, (string?)body["search"]);
        Assert.Equal(filter, (string?)body["filter"]);
        Assert.Equal(0, (int?)body["top"]);
        Assert.Null(body["skip"]);
        Assert.Null(body["orderby"]);
        Assert.Null(body["highlight"]);
        Assert.NotEqual(true, (bool?)body["count"]);
        Assert.Equal("all", (string?)body["searchMode"]);
        Assert.Equal("simple", (string?)body["queryType"]);
        Assert.Equal("name,summary,description,features,supplierName", (string?)body["searchFields"]);
    }

    [Fact]
    public async Task A_filtered_dimension_takes_its_counts_from_its_facet_only_answer_and_the_rest_from_the_main_one()
    {
        var main = new JsonObject
        {
            ["@odata.count"] = 3,
            ["@search.facets"] = new JsonObject
            {
                ["category"] = new JsonArray(Facet("fall-detector", 3)),
                ["connectivity"] = new JsonArray(Facet("digital", 2), Facet("analogue", 1)),
                ["regions"] = new JsonArray(Facet("london", 3)),
            },
            ["value"] = new JsonArray(),
        };
        var categories = new JsonObject
        {
            ["@search.facets"] = new JsonObject
            {
                ["category"] = new JsonArray(Facet("fall-detector", 3), Facet("pendant-alarm", 2), Facet("gps-alarm", 1)),
            },
            ["value"] = new JsonArray(),
        };
        var regions = new JsonObject
        {
            ["@search.facets"] = new JsonObject { ["regions"] = new JsonArray(Facet("london", 3), Facet("wales", 1)) },
            ["value"] = new JsonArray(),
        };
        var (index, transport) = Adapter(request => (HttpStatusCode.OK, ((string)request.Json!["facets"]![0]!, (bool?)request.Json["count"]) switch
        {
            (_, true) => main.ToJsonString(),
            ("category,count:100", _) => categories.ToJsonString(),
            ("regions,count:100", _) => regions.ToJsonString(),
            var other => throw new InvalidOperationException($"Unexpected request {other}."),
        }));
        var query = new CatalogueQuery
        {
            Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>> { [CatalogueFilter.Category] = ["fall-detector"], [CatalogueFilter.Region] = ["london"] },
        };

        var result = await index.SearchAsync(query, CancellationToken.None);

        Assert.Equal(3, transport.Requests.Count);
        Assert.Equal(3, result.Total);
        Assert.Equal([new("fall-detector", 3), new("pendant-alarm", 2), new FacetCount("gps-alarm", 1)], result.Facets[CatalogueFilter.Category]);
        Assert.Equal([new("london", 3), new FacetCount("wales", 1)], result.Facets[CatalogueFilter.Region]);
        Assert.Equal([new("digital", 2), new FacetCount("analogue", 1)], result.Facets[CatalogueFilter.Connectivity]);
        Assert.Empty(result.Facets[CatalogueFilter.Lot]);
    }

    [Fact]
    public async Task A_canned_answer_is_read_back_into_hits_total_facets_and_safe_snippets()
    {
        var wrist = ConformanceCatalogue.ById("wrist-fall-detector");
        var radar = ConformanceCatalogue.ById("radar-fall-detector");
        var pendant = ConformanceCatalogue.ById("pendant-fall-detector");
        var answer = new JsonObject
        {
            ["@odata.count"] = 42,
            ["@search.facets"] = new JsonObject
            {
                ["category"] = new JsonArray(Facet("pendant-alarm", 2), Facet("fall-detector", 5), Facet("home-alarm-hub", 2)),
                ["connectivity"] = new JsonArray(Facet("digital", 4)),
                ["lots"] = new JsonArray(),
            },
            ["value"] = new JsonArray(
                Result(wrist, 3.5, new JsonObject
                {
                    ["description"] = new JsonArray("The wrist <mark>detector</mark> measures impact"),
                    ["summary"] = new JsonArray("Automatic <mark>fall</mark> <mark>detector</mark> worn on the wrist."),
                }),
                Result(pendant, 2.0, new JsonObject { ["description"] = new JsonArray("<b>Bold</b> claims & a <mark>fall</mark>") }),
                Result(radar, 1.25, null)),
        };
        var (index, _) = Adapter(_ => (HttpStatusCode.OK, answer.ToJsonString()));

        var result = await index.SearchAsync(new CatalogueQuery { Text = "fall detector", Page = 2, PageSize = 3 }, CancellationToken.None);

        Assert.Equal(42, result.Total);
        Assert.Equal(2, result.Page);
        Assert.Equal(3, result.PageSize);
        Assert.Equal(["wrist-fall-detector", "pendant-fall-detector", "radar-fall-detector"], result.Hits.Select(h => h.Document.Id));
        Assert.Equal([3.5, 2.0, 1.25], result.Hits.Select(h => h.Score));
        Assert.Equal("Automatic <mark>fall</mark> <mark>detector</mark> worn on the wrist.", result.Hits[0].Snippet);
        Assert.Equal("&lt;b&gt;Bold&lt;/b&gt; claims &amp; a <mark>fall</mark>", result.Hits[1].Snippet);
        Assert.Equal("Contact-free radar fall detector for bathrooms and bedrooms.", result.Hits[2].Snippet);
        Assert.Equal(JsonSerializer.Serialize(wrist), JsonSerializer.Serialize(result.Hits[0].Document));
        Assert.Equal(JsonSerializer.Serialize(radar), JsonSerializer.Serialize(result.Hits[2].Document));
        Assert.Equal(CatalogueQuery.FacetedFilters.Order(), result.Facets.Keys.Order());
        Assert.Equal([new("fall-detector", 5), new("home-alarm-hub", 2), new FacetCount("pendant-alarm", 2)], result.Facets[CatalogueFilter.Category]);
        Assert.Equal([new FacetCount("digital", 4)], result.Facets[CatalogueFilter.Connectivity]);
        Assert.Empty(result.Facets[CatalogueFilter.Lot]);
        Assert.Empty(result.Facets[CatalogueFilter.Condition]);
    }

    [Fact]
    public async Task An_upsert_uploads_every_index_field_by_its_index_name_with_the_sort_keys()
    {
        var (index, transport) = Adapter(request => request.Uri.AbsolutePath.EndsWith("/docs/search.index", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{ "value": [ { "key": "wrist-fall-detector", "status": true, "errorMessage": null, "statusCode": 200 } ] }""")
            : (HttpStatusCode.Created, request.Body));
        var wrist = ConformanceCatalogue.ById("wrist-fall-detector");

        await index.EnsureIndexAsync(CancellationToken.None);
        await index.UpsertAsync(wrist, CancellationToken.None);

        var definedFields = transport.Requests[0].Json!["fields"]!.AsArray().Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal);
        var upload = transport.Requests[1];
        Assert.Equal("POST", upload.Method);
        var document = Assert.Single(upload.Json!["value"]!.AsArray())!.AsObject();
        Assert.Equal("mergeOrUpload", (string?)document["@search.action"]);
        Assert.Equal(definedFields, document.Select(p => p.Key).Where(k => k != "@search.action").Order(StringComparer.Ordinal));
        Assert.Equal("wrist-fall-detector", (string?)document["id"]);
        Assert.Equal(FairOrdering.KeyOf("wrist-fall-detector"), (long?)document["fairKey"]);
        Assert.Equal("wrist fall detector", (string?)document["nameSort"]);
        Assert.Equal(89.0, (double?)document["priceGbp"]);
        Assert.Equal(["falls-risk", "frailty"], document["conditions"]!.AsArray().Select(c => (string)c!));
    }

    [Fact]
    public async Task A_delete_sends_the_key_only()
    {
        var (index, transport) = Adapter(_ => (HttpStatusCode.OK, """{ "value": [ { "key": "gone", "status": true, "errorMessage": null, "statusCode": 200 } ] }"""));

        await index.DeleteAsync("gone", CancellationToken.None);

        var document = Assert.Single(Assert.Single(transport.Requests).Json!["value"]!.AsArray())!.AsObject();
        Assert.Equal(new Dictionary<string, string?> { ["@search.action"] = "delete", ["id"] = "gone" }, document.ToDictionary(p => p.Key, p => (string?)p.Value));
    }

    [Fact]
    public async Task A_rebuild_writes_documents_only_and_deletes_the_ids_no_longer_in_the_source()
    {
        // The app's identity has Search Index Data Contributor only: a rebuild must not drop or define the index.
        var (index, transport) = Adapter(request => request.Uri.AbsolutePath.EndsWith("/docs/search.post.search", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{ "value": [ { "@search.score": 1, "id": "retired-alarm" }, { "@search.score": 1, "id": "wrist-fall-detector" } ] }""")
            : (HttpStatusCode.OK, """{ "value": [] }"""));
        var wrist = ConformanceCatalogue.ById("wrist-fall-detector");

        var count = await index.RebuildAsync(new[] { wrist }.ToAsyncEnumerable(), CancellationToken.None);

        Assert.Equal(1, count);
        Assert.All(transport.Requests, r => Assert.Contains("/docs", r.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(["POST", "POST", "POST"], transport.Requests.Select(r => r.Method));
        var actions = transport.Requests.Skip(1).Select(r => r.Json!["value"]!.AsArray().Select(d => ((string?)d!["@search.action"], (string?)d["id"])).ToList()).ToList();
        Assert.Equal([("upload", "wrist-fall-detector")], actions[0]);
        Assert.Equal([("delete", "retired-alarm")], actions[1]);
    }

    [Fact]
    public async Task A_missing_index_is_named_rather_than_created()
    {
        var (index, transport) = Adapter(_ => (HttpStatusCode.NotFound, """{ "error": { "code": "", "message": "The index 'offerings' was not found." } }"""));

        var counting = await Assert.ThrowsAsync<CatalogueIndexMissingException>(() => index.CountAsync(CancellationToken.None));
        var rebuilding = await Assert.ThrowsAsync<CatalogueIndexMissingException>(() => index.RebuildAsync(AsyncEnumerable.Empty<OfferingSearchDocument>(), CancellationToken.None));

        Assert.Equal("offerings", counting.IndexName);
        Assert.Contains("create-search-index", rebuilding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(transport.Requests, r => r.Method is "PUT" or "DELETE");
    }

    private static JsonObject Facet(string value, long count) => new() { ["value"] = value, ["count"] = count };

    // The service's document JSON: the index field names (camel-cased properties), written independently of the adapter.
    private static JsonObject Result(OfferingSearchDocument document, double score, JsonObject? highlights)
    {
        var json = JsonSerializer.SerializeToNode(document, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        json["@search.score"] = score;
        if (highlights is not null)
        {
            json["@search.highlights"] = highlights;
        }
        return json;
    }
}
