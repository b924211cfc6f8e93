using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Tests.Attestations;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Pages;

/// <summary>
/// Declaring on the supplier's page (the API's use case behind a form, errors by field) and declarations on the
/// offering's public page, over HTTP. Each test lists its own offering.
/// </summary>
public sealed partial class CapabilityPagesTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Supplier = "downs-careline-systems";
    private MarketplaceApp App => seeded.App;

    private static object Listing(params object[] capabilities) => new
    {
        kind = "product",
        name = "Downs Heart Watch",
        summary = "Remote monitoring for heart failure.",
        description = "Weights and blood pressure reach a web dashboard the heart failure nurses check each morning.",
        category = "remote-monitoring-platform",
        conditions = new[] { "heart-failure" },
        features = new[] { "trend charts" },
        interoperability = Array.Empty<string>(),
        connectivity = "digital",
        regions = new[] { "north-west" },
        price = new { model = "per-patient-per-month", amountGbp = 41m },
        leadTimeDays = 14,
        lots = Array.Empty<string>(),
        outcomeEvidence = Array.Empty<object>(),
        accessibilityStatement = "Large text mode.",
        capabilities,
    };

    private async Task<(string Id, string ETag)> CreateAsync(params object[] capabilities)
    {
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var created = await supplier.PostAsJsonAsync("/api/offerings", Listing(capabilities));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web))!.Id, created.Headers.ETag!.ToString());
    }

    private async Task<Offering> ReadAsync(string id) => (await App.CreateClient().GetFromJsonAsync<Offering>($"/api/offerings/{id}", JsonSerializerOptions.Web))!;

    private static Task<HttpResponseMessage> PostFromAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields) =>
        PageFormPosts.PostFromAsync(client, page, action, fields);

    [Fact]
    public async Task A_supplier_is_prompted_then_declares_changes_and_withdraws_a_capability_each_an_audited_version_through_the_listing_use_case()
    {
        var (id, _) = await CreateAsync();
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier, followRedirects: false);
        var page = $"/supplier/listings/{id}/capabilities";

        var prompt = await supplier.GetStringAsync(page);
        Assert.Contains("Your description mentions “dashboard”: do you want to declare", prompt);
        Assert.Contains($"<a href=\"{page}?declare=clinician-dashboard#declare\">Clinician dashboard</a>", prompt);
        Assert.Empty((await ReadAsync(id)).Capabilities);

        var declared = await PostFromAsync(supplier, page + "?declare=clinician-dashboard", page, ("capability", "clinician-dashboard"), ("statement", "Web dashboard checked by 12 heart failure nurses."), ("value", ""));
        Assert.Equal($"{page}?done=declared&capability=clinician-dashboard", declared.Headers.Location?.OriginalString);
        Assert.Contains("Clinician dashboard is declared.", await supplier.GetStringAsync(declared.Headers.Location!.OriginalString));
        Assert.DoesNotContain("do you want to declare <a", await supplier.GetStringAsync(page));

        var changed = await PostFromAsync(supplier, page + "?change=clinician-dashboard", page, ("capability", "clinician-dashboard"), ("statement", "Web dashboard checked by 15 heart failure nurses."));
        var withdrawn = await PostFromAsync(supplier, page, $"/supplier/listings/{id}/capabilities/clinician-dashboard/withdraw");

        Assert.Equal($"{page}?done=changed&capability=clinician-dashboard", changed.Headers.Location?.OriginalString);
        Assert.Equal($"{page}?done=withdrawn&capability=clinician-dashboard", withdrawn.Headers.Location?.OriginalString);
        Assert.Empty((await ReadAsync(id)).Capabilities);
        var audit = await App.Services.GetRequiredService<IAuditLog>().ReadAsync(Offering.SubjectKind, id, CancellationToken.None);
        Assert.Equal(["Capabilities added: clinician-dashboard.", "Capabilities changed: clinician-dashboard.", "Capabilities withdrawn: clinician-dashboard."],
            audit.Where(e => e.Action == "replace").Select(e => e.Detail));
    }

    [Fact]
    public async Task A_declaration_with_mistakes_comes_back_with_each_error_by_field_in_the_summary_and_what_was_typed_kept()
    {
        var (id, etag) = await CreateAsync();
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var page = $"/supplier/listings/{id}/capabilities";

        var rules = await PostFromAsync(supplier, page, page, ("capability", "alert-review-time"), ("statement", "Quick"), ("value", ""));
        var html = await rules.Content.ReadAsStringAsync();
        var typed = await PostFromAsync(supplier, page, page, ("capability", ""), ("statement", "Nurses review red alerts."), ("value", "half an hour"));
        var typedHtml = await typed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        Assert.Contains("<a href=\"#statement\">The statement must be 10 to 400 characters; it is 5</a>", html);
        Assert.Contains("<a href=\"#value\">Alert review time is declared with a figure in minutes: give the figure (0 to 10000)</a>", html);
        Assert.Contains("id=\"statement-error\"", html);
        Assert.Matches("value=\"alert-review-time\" selected", html);
        Assert.Contains(">Quick</textarea>", html);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("<a href=\"#capability\">Select a capability</a>", typedHtml);
        Assert.Contains("<a href=\"#value\">The figure must be a whole number, like 30</a>", typedHtml);
        Assert.Contains("value=\"half an hour\"", typedHtml);
        Assert.Equal(etag, (await App.CreateClient().GetAsync($"/api/offerings/{id}")).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Saving_the_listing_form_keeps_the_offerings_declarations()
    {
        var (id, _) = await CreateAsync(new { capability = "clinician-dashboard", statement = "Web dashboard checked by heart failure nurses." });
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier, followRedirects: false);
        var edit = $"/supplier/listings/{id}/edit";

        var saved = await PostFromAsync(supplier, edit, edit,
            ("kind", "product"), ("name", "Downs Heart Watch 2"), ("summary", "Remote monitoring for heart failure."), ("description", "Readings reach a web dashboard."),
            ("category", "remote-monitoring-platform"), ("conditions", "heart-failure"), ("features", "trend charts"), ("connectivity", "digital"), ("regions", "north-west"),
            ("price-model", "per-patient-per-month"), ("price-amount", "41.00"), ("lead-time", "14"), ("accessibility", "Large text mode."));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Regex.Match(await saved.Content.ReadAsStringAsync(), "nhsuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline).Value);
        var offering = await ReadAsync(id);
        Assert.Equal(("Downs Heart Watch 2", "clinician-dashboard"), (offering.Name, offering.Capabilities.Single().Capability));
    }

    [Fact]
    public async Task The_offering_page_shows_declarations_by_group_and_an_evidence_link_only_to_those_who_may_open_it()
    {
        var (id, etag) = await CreateAsync(
            new { capability = "clinician-dashboard", statement = "Web dashboard checked by heart failure nurses." },
            new { capability = "alert-review-time", statement = "Red alerts are reviewed by a nurse within the hour.", value = 30 },
            new { capability = "carbon-reduction-plan", statement = "PPN 06/21 plan published on our website." });
        using (var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier))
        {
            var upload = new HttpRequestMessage(HttpMethod.Put, $"/api/offerings/{id}/capabilities/clinician-dashboard/evidence") { Content = new ByteArrayContent(AttestationCalls.Pdf) };
            upload.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
            Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(upload)).StatusCode);
        }
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb", followRedirects: false);
        var evidencePage = $"/catalogue/offerings/{id}/capabilities/clinician-dashboard/evidence";

        var anonymousView = await App.CreateClient().GetStringAsync($"/catalogue/offerings/{id}");
        var forCommissioner = await commissioner.GetStringAsync($"/catalogue/offerings/{id}");
        var opened = await commissioner.GetAsync(evidencePage);

        var clinical = Regex.Match(anonymousView, "<h3 class=\"nhsuk-heading-s\">Clinical monitoring and triage</h3>(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Clinician dashboard", clinical);
        Assert.Contains("“Web dashboard checked by heart failure nurses.”", clinical);
        Assert.Contains("<strong>30 minutes</strong>", clinical);
        Assert.Contains($"Declared {Dates.Long(DateOnly.FromDateTime(DateTime.UtcNow))}.", clinical);
        Assert.Contains("Clinicians see every enrolled patient's readings", WebUtility.HtmlDecode(clinical));
        Assert.Contains("<h3 class=\"nhsuk-heading-s\">Social value and net zero</h3>", anonymousView);
        Assert.True(anonymousView.IndexOf("Clinical monitoring and triage", StringComparison.Ordinal) < anonymousView.IndexOf("Social value and net zero", StringComparison.Ordinal));
        Assert.Contains("An evidence file is on record: signed-in commissioners can open it.", anonymousView);
        Assert.DoesNotContain(evidencePage, anonymousView);
        Assert.Contains($"href=\"{evidencePage}\"", forCommissioner);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        using var http = new HttpClient();
        Assert.Equal(AttestationCalls.Pdf, await http.GetByteArrayAsync(opened.Headers.Location));
    }

    [Fact]
    public async Task The_compare_page_sets_declared_capabilities_side_by_side_by_name_with_their_figures()
    {
        var (declares, _) = await CreateAsync(
            new { capability = "clinician-dashboard", statement = "Web dashboard checked by heart failure nurses." },
            new { capability = "alert-review-time", statement = "Red alerts are reviewed by a nurse within the hour.", value = 30 });
        var (silent, _) = await CreateAsync();

        var html = await App.CreateClient().GetStringAsync($"/catalogue/compare?offering={declares}&offering={silent}");

        var row = Regex.Match(html, "<th[^>]*>Declared capabilities</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();
        Assert.Equal(["Clinician dashboard; Alert review time (30 minutes)", "None"], cells);
    }
}
