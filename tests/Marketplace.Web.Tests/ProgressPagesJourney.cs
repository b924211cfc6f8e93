using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Progress;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// The progress pages after two awards through the API: the public page (charts, tables, downloads, the region grid),
/// the commissioner's area and the association's renewals, each with axe and at 320 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressPagesJourney(BrowserApp app)
{
    private const string Commissioner = "nhs-mersey-vale-icb";

    [Fact]
    public async Task Anyone_reads_progress_as_charts_with_tables_and_downloads_and_each_role_sees_its_own_view_on_a_320_pixel_screen()
    {
        await AwardAsync(400);
        await AwardAsync(1250);
        // The seed is imported without messages: count it (and the awards) from the records, as the nightly run does.
        await app.Services.GetRequiredService<Core.Progress.ReconcileAggregates>().RunAsync(CancellationToken.None);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/progress");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Progress towards three million lives");
        await Expect(page.Locator(".nhsuk-lede-text")).ToContainTextAsync("people are covered by call-offs");
        await Expect(page.Locator("#people-by-region-summary")).ToContainTextAsync("North West has the most");
        await Expect(page.Locator("#people-by-region svg[role='img']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#capacity-by-lot-and-region svg title")).ToContainTextAsync("lot 1");
        await PageChecks.AccessibleAsync(page, "progress");

        // The lot chooser is a plain form: no script needed to see another lot's grid.
        await page.Locator("#lot").SelectOptionAsync("ttc-2026-lot-6");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show this lot" }).ClickAsync();
        await Expect(page.Locator("#capacity-by-lot-and-region-title")).ToContainTextAsync("lot 6");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href='/progress/switchover-readiness.csv']").ClickAsync());
        Assert.Equal("telecare-progress-switchover-readiness.csv", download.SuggestedFilename);
        await page.Context.CloseAsync();

        var narrow = await app.NewPageAsync(width: 320, height: 640);
        await narrow.GotoAsync("/progress");
        await PageChecks.FitsWidthAsync(narrow);
        await PageChecks.AccessibleAsync(narrow, "progress-narrow");

        await PageChecks.SignInAsync(narrow, "usr-000008", "Owen Shah");
        await narrow.GotoAsync("/progress/commissioner");
        await Expect(narrow.Locator("h1")).ToHaveTextAsync("Progress in North West");
        await Expect(narrow.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Remote monitoring for 1250 people" })).ToHaveCountAsync(1);
        await PageChecks.FitsWidthAsync(narrow);
        await PageChecks.AccessibleAsync(narrow, "progress-commissioner-narrow");
        await narrow.Context.CloseAsync();

        var association = await app.NewPageAsync(width: 320, height: 640);
        await PageChecks.SignInAsync(association, "usr-000002", "Liam Murray");
        await association.GotoAsync("/progress/association");
        await Expect(association.Locator("h1")).ToHaveTextAsync("Members' renewals and endorsements");
        await Expect(association.Locator("#lapsing-summary")).ToBeVisibleAsync();
        await PageChecks.FitsWidthAsync(association);
        await PageChecks.AccessibleAsync(association, "progress-association-narrow");
        await association.Context.CloseAsync();
    }

    // A commissioner's award through the API: specification → shortlist → lock → outcome.
    private async Task AwardAsync(int people)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/dev/token", new { role = "Commissioner", organisationId = Commissioner })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        // The template's latest version, whichever the seed publishes.
        var version = (await http.GetFromJsonAsync<JsonElement>("/api/templates/telehealth-remote-monitoring")).GetProperty("template").GetProperty("version").GetInt32();
        var specification = await SucceedsAsync(await http.PostAsJsonAsync("/api/specifications", new
        {
            title = $"Remote monitoring for {people} people", templateId = "telehealth-remote-monitoring", templateVersion = version, lotId = "ttc-2026-lot-3",
            region = "north-west", volume = people, contractMonths = 36, budgetGbp = 250000, weights = new Dictionary<string, int> { ["price"] = 30 },
        }));
        var shortlisted = await http.PostAsync($"/api/specifications/{specification.Body.GetProperty("id").GetString()}/shortlist?maxResults=2", null);
        var shortlist = await SucceedsAsync(shortlisted);
        var id = shortlist.Body.GetProperty("id").GetString();
        var locked = await SucceedsAsync(await SendAsync(http, $"/api/shortlists/{id}/lock", shortlist.ETag, null));
        // The exclusion and debarment check and the conflicts declaration come before any award decision.
        var checks = await SucceedsAsync(await SendAsync(http, $"/api/shortlists/{id}/award-checks", locked.ETag, new
        {
            debarmentListChecked = true, checkedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            excludedSupplierIds = Array.Empty<string>(), conflictsDeclaration = "Evaluation panel: the digital lead and the clinical lead; no interests.", conflictFound = false,
        }));
        await SucceedsAsync(await SendAsync(http, $"/api/shortlists/{id}/outcome", checks.ETag, new
        {
            result = "awarded", offeringId = shortlist.Body.GetProperty("result").GetProperty("entries")[0].GetProperty("offeringId").GetString(),
            valueGbp = 150 * people, startDate = "2027-04-01", endDate = "2030-03-31", method = "direct-award",
        }));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string etag, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await http.SendAsync(request);
    }

    private static async Task<(JsonElement Body, string ETag)> SucceedsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement, response.Headers.ETag!.ToString());
    }
}
