using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Access;
using Marketplace.Functions.FunctionMetadata;
using Marketplace.Functions.Pages;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Pages;

/// <summary>The web pages over HTTP: sign-in cookie, antiforgery, HTML errors beside problem+json, function.json, assets.</summary>
public sealed partial class WebPageTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private MarketplaceApp App => seeded.App;

    [Fact]
    public void Every_page_is_a_function_and_only_pages_their_assets_and_the_document_itself_are_left_out_of_the_OpenAPI_document()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var functions = FunctionTable.From(endpoints).ToDictionary(f => f.Name);

        var pages = endpoints.Where(e => e.Metadata.GetMetadata<WebPageMetadata>() is not null).ToList();
        Assert.True(pages.Count >= 20, $"Only {pages.Count} pages are mapped.");
        foreach (var page in pages)
        {
            var name = page.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            Assert.Equal(page.RoutePattern.RawText!.TrimStart('/'), (string?)functions[name].FunctionJson["bindings"]![0]!["route"]);
            Assert.NotNull(page.Metadata.GetMetadata<AccessRule>());
        }
        Assert.Equal("assets/{*path}", (string?)functions["StaticAssets"].FunctionJson["bindings"]![0]!["route"]);
        var hidden = endpoints
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(pages.Select(p => p.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Append("StaticAssets").Append("GetOpenApiDocument").Order(StringComparer.Ordinal), hidden);
    }

    [Fact]
    public async Task The_standards_register_page_says_for_anyone_who_confirms_each_standard_how_and_for_how_long()
    {
        using var client = App.CreateClient();

        var answer = await client.GetAsync("/standards");
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(19, Regex.Matches(html, "<tr class=\"nhsuk-table__row\" id=\"standard-").Count);
        var cqc = Row(html, "CQC");
        Assert.Contains("Checked against the public register", cqc);
        Assert.Contains("While registered", cqc);
        Assert.Contains("England only", cqc);
        Assert.Contains("Scotland: Care Inspectorate / Healthcare Improvement Scotland", cqc);
        Assert.Contains("RQIA", cqc);
        var dcb0129 = Row(html, "DCB0129");
        Assert.Contains("Declared by the supplier", dcb0129);
        Assert.Contains("Until the product release or version changes", dcb0129);
        var qsf = Row(html, "TSA-QSF");
        Assert.Contains("Certified by an independent body", qsf);
        Assert.Contains("TEC Quality", qsf);
        Assert.Contains("3 years", qsf);
        Assert.Contains("Assessed by the buyer", Row(html, "DTAC"));
        Assert.Contains("The whole UK", Row(html, "DSPT"));

        static string Row(string html, string code)
        {
            var start = html.IndexOf($"id=\"standard-{code}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"No row for {code}");
            return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task The_session_cookie_signs_in_page_requests_but_never_the_API()
    {
        var token = await App.TokenForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var page = new HttpRequestMessage(HttpMethod.Get, "/supplier/listings") { Headers = { { "Cookie", $"{Authentication.SessionCookie}={token}" } } };
        var pageAnswer = await client.SendAsync(page);
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Cookie", $"{Authentication.SessionCookie}={token}" } } };
        var apiAnswer = await client.SendAsync(api);

        Assert.Equal(HttpStatusCode.OK, pageAnswer.StatusCode);
        Assert.Contains("Downs Careline Systems", await pageAnswer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, apiAnswer.StatusCode);
        Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Choosing_a_seed_user_sets_an_HttpOnly_Secure_SameSite_cookie_and_goes_to_their_role_s_start_page()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signInPage = await client.GetStringAsync("/sign-in");
        Assert.Contains("Priya Reid", signInPage);
        Assert.Contains("TEC Quality", signInPage);

        var answer = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", TokenIn(signInPage)), new("userId", "usr-000062")]));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/certifier/queue", answer.Headers.Location?.OriginalString);
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Authentication.SessionCookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    [Fact]
    public async Task Signing_in_never_follows_a_return_address_off_the_site()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signInPage = await client.GetStringAsync("/sign-in");

        var answer = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", TokenIn(signInPage)), new("userId", "usr-000007"), new("returnUrl", "//evil.example/phish")]));

        Assert.Equal("/catalogue", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = await App.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        var tables = App.Services.GetRequiredService<CatalogueTables>();
        var before = await CountAsync(tables);

        var answer = await client.PostAsync("/supplier/listings/new", new FormUrlEncodedContent(
            [new("kind", "product"), new("name", "Forged"), new("summary", "s"), new("description", "d"), new("category", "fall-detector")]));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The form has expired", await answer.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync(tables));
    }

    [Fact]
    public async Task A_listing_with_a_mistake_comes_back_with_the_error_by_field_and_everything_typed_kept()
    {
        using var client = await App.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        var form = await client.GetStringAsync("/supplier/listings/new");

        var answer = await client.PostAsync("/supplier/listings/new", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", TokenIn(form)), new("kind", "product"), new("name", ""), new("summary", "Typed <summary> & kept"),
            new("category", "fall-detector"), new("price-amount", "twelve pounds"), new("regions", "london"),
        ]));
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("<a href=\"#name\">Name must not be empty</a>", html);
        Assert.Contains("<a href=\"#price-amount\">Price must be an amount in pounds, like 162.50</a>", html);
        Assert.Contains("id=\"name-error\"", html);
        Assert.Contains("Typed &lt;summary&gt; &amp; kept</textarea>", html);
        Assert.Contains("value=\"twelve pounds\"", html);
        Assert.Matches(@"value=""london"" checked", html);
    }

    [Fact]
    public async Task The_offering_page_and_search_results_show_what_associations_vouch_for_and_say_it_is_no_condition()
    {
        using var client = App.CreateClient();
        const string vouched = "Member of TEC Services Association and techUK · 3millionlives commitment (vouched for by TEC Services Association)";

        // off-000014 is Pennine Careline Services', which the TSA vouches for (catalogue-seed/organisations.json). The
        // background indexer may not have reached it yet, so it is put in the index here; the page reads the supplier id only.
        await App.Services.GetRequiredService<ICatalogueIndex>().UpsertAsync(new OfferingSearchDocument
        {
            Id = "off-000014", Name = "Vouched-for offering", Category = "home-alarm-hub", Summary = "A home alarm hub.",
            SupplierId = "pennine-careline-services", SupplierName = "Pennine Careline Services Ltd", PriceGbp = 100m, PriceModel = "per-unit",
            Connectivity = "digital", Conditions = [], VerifiedStandards = [], Regions = ["london"], Lots = [],
        }, CancellationToken.None);
        var offering = WebUtility.HtmlDecode(await client.GetStringAsync("/catalogue/offerings/off-000014"));
        var results = WebUtility.HtmlDecode(await client.GetStringAsync("/catalogue?supplier=pennine-careline-services"));

        Assert.Contains(vouched, offering);
        Assert.Contains("membership is not a condition of taking part and changes no eligibility or score", offering);
        Assert.Contains(vouched, results);
        Assert.Contains("membership is not a condition of taking part", results);
        // Shown, never a gate: there is no filter on it.
        Assert.DoesNotContain("name=\"membership\"", results);
        Assert.DoesNotContain("name=\"association\"", results);
    }

    [Fact]
    public async Task Bad_search_input_is_a_page_naming_the_field_not_a_500()
    {
        using var client = App.CreateClient();

        var answer = await client.GetAsync("/catalogue?maxPrice=cheap");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("<a href=\"#maxPrice\">Highest price: Give a price in GBP", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_an_HTML_404_for_a_browser_and_problem_json_for_anything_else()
    {
        using var client = App.CreateClient();

        using var browser = new HttpRequestMessage(HttpMethod.Get, "/no-such-page") { Headers = { { "Accept", "text/html,application/xhtml+xml" } } };
        var page = await client.SendAsync(browser);
        var other = await client.GetAsync("/no-such-page");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (other.StatusCode, other.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_role_page_answers_401_and_403_as_sign_in_and_permission_pages()
    {
        using var anonymous = App.CreateClient();
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, "nhs-wolds-and-humber-icb");

        var signedOut = await anonymous.GetAsync("/certifier/queue");
        var wrongRole = await commissioner.GetAsync("/certifier/queue");

        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Contains("href=\"/sign-in?returnUrl=%2Fcertifier%2Fqueue\"", await signedOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Contains("You do not have permission to see this page", await wrongRole.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_design_system_is_served_from_assets_and_nothing_outside_that_folder_is()
    {
        using var client = App.CreateClient();

        var css = await client.GetAsync("/assets/nhsuk-frontend.min.css");
        var image = await client.GetAsync("/assets/images/nhsuk-icon-search.svg");
        var outside = await client.GetAsync("/assets/..%2F..%2Fappsettings.json");

        Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType?.MediaType));
        Assert.Contains(".nhsuk-header", await css.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task A_browser_at_the_root_goes_to_the_catalogue_and_the_host_s_probe_still_gets_its_answer()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept", "text/html" } } };

        var person = await client.SendAsync(browser);
        var probe = await client.GetAsync("/");

        Assert.Equal((HttpStatusCode.Redirect, "/catalogue"), (person.StatusCode, person.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.StartsWith("Telecare Marketplace is running", await probe.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_page_is_an_HTML_500_page_while_a_failing_API_route_stays_problem_json()
    {
        await using var app = await MarketplaceApp.StartAsync(services: s => s.AddSingleton<ICatalogueSearch>(new CorruptIndex()));
        using var client = app.CreateClient();

        var page = await client.GetAsync("/catalogue");
        var api = await client.GetAsync("/api/catalogue/search");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.InternalServerError, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Sorry, there is a problem with the service", html);
        Assert.DoesNotContain("index corrupt", html);
        Assert.Equal((HttpStatusCode.InternalServerError, "application/problem+json"), (api.StatusCode, api.Content.Headers.ContentType?.MediaType));
    }

    /// <summary>A search index that fails every search, as a corrupt one would.</summary>
    private sealed class CorruptIndex : ICatalogueSearch
    {
        public Task<CatalogueSearchResult> SearchAsync(CatalogueQuery query, CancellationToken ct) =>
            Task.FromException<CatalogueSearchResult>(new InvalidOperationException("index corrupt"));
    }

    private static async Task<int> CountAsync(CatalogueTables tables)
    {
        var count = 0;
        await foreach (var _ in tables.Offerings.ListAsync(null, CancellationToken.None))
        {
            count++;
        }
        return count;
    }

    private static string TokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
