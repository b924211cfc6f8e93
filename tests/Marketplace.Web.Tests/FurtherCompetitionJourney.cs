using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Shortlisting;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>An app of its own: the journey moves the app's development clock days forward, which no other journey should see.</summary>
public sealed class CompetitionBrowserApp : BrowserApp;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompetitionCollection : ICollectionFixture<CompetitionBrowserApp>
{
    public const string Name = "competition";
}

/// <summary>
/// The further competition as new users would run it in the browser (issue 14's done-when): a commissioner starts it
/// from the locked shortlist, two suppliers respond through their invitation pages, a third tries after the deadline and
/// is refused, nobody reads a response before the deadline, the commissioner scores, awards, standstill ends by the
/// development clock (which runs the AdvanceCallOffs timer), and the contract details notice is published. Axe on every
/// page; the commissioner works at 320 px.
/// </summary>
[Collection(CompetitionCollection.Name)]
public sealed partial class FurtherCompetitionJourney(CompetitionBrowserApp app)
{
    private const string Commissioner = "usr-000008";   // Owen Shah, NHS Mersey Vale ICB

    private sealed record SeedUser(string Id, string DisplayName, string Role, string? OrganisationId);

    private static readonly Lazy<IReadOnlyList<SeedUser>> Users = new(() => JsonSerializer.Deserialize<List<SeedUser>>(
        File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "users.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    private static SeedUser? UserOf(string supplierId) => Users.Value.FirstOrDefault(u => u.Role == "Supplier" && u.OrganisationId == supplierId);

    private async Task<IPage> SignedInAsync(SeedUser user, int width = 1280)
    {
        var page = await app.NewPageAsync(width: width, height: width < 400 ? 640 : 900);
        await PageChecks.SignInAsync(page, user.Id, user.DisplayName);
        return page;
    }

    /// <summary>An Admin's client for the development clock, signed in before the clock moves (tokens are checked against the real clock).</summary>
    private async Task<HttpClient> ClockClientAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/dev/token", new { role = "Admin" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    private static async Task AdvanceClockAsync(HttpClient clock, int days) => (await clock.PostAsJsonAsync("/api/dev/clock", new { days })).EnsureSuccessStatusCode();

    private static async Task AnswerEveryCriterionAsync(IPage page)
    {
        var boxes = page.Locator("textarea[name^='answer-']");
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            await boxes.Nth(i).FillAsync("Our nurses review alerts within 30 minutes; see the evidence.");
        }
    }

    [Fact]
    public async Task A_commissioner_runs_a_further_competition_in_the_browser_from_shortlist_to_contract_details_notice()
    {
        // Sign everyone in before the clock moves: sign-in tokens are checked against the real clock.
        using var clock = await ClockClientAsync();
        var commissioner = await SignedInAsync(new SeedUser(Commissioner, "Owen Shah", "Commissioner", "nhs-mersey-vale-icb"), width: 320);
        await commissioner.GotoAsync("/specifications/new?template=telehealth-remote-monitoring");
        await commissioner.Locator("#title").FillAsync("Remote monitoring, further competition");
        await commissioner.Locator("#region").SelectOptionAsync("north-west");
        await commissioner.Locator("#volume").FillAsync("400");
        await commissioner.Locator("#contract-months").FillAsync("36");
        await commissioner.Locator("#save-specification").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Specification saved");
        await commissioner.Locator("#create-shortlist").ClickAsync();
        await commissioner.Locator("#lock-shortlist").ClickAsync();
        await Expect(commissioner.Locator("#shortlist-status")).ToHaveTextAsync("Locked");
        var id = ShortlistId().Match(commissioner.Url).Groups[1].Value;

        // Start: a deadline three days ahead (UK time), with a voluntary standstill.
        var deadline = DateTime.UtcNow.AddDays(3);
        await commissioner.Locator("#competition-deadline-day").FillAsync(deadline.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commissioner.Locator("#competition-deadline-month").FillAsync(deadline.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commissioner.Locator("#competition-deadline-year").FillAsync(deadline.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commissioner.Locator("#competition-standstill").CheckAsync();
        await commissioner.Locator("#start-competition").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Competition started");
        await Expect(commissioner.Locator("#competition-status")).ToHaveTextAsync("Open for responses");
        await PageChecks.FitsWidthAsync(commissioner);
        await PageChecks.AccessibleAsync(commissioner, "competition-open-narrow");

        var competition = (await app.Services.GetRequiredService<ICommissionerRecords<Competition>>().FindAsync(id, CancellationToken.None))!.Document;
        var shortlist = (await app.Services.GetRequiredService<ICommissionerRecords<ShortlistDocument>>().FindAsync(id, CancellationToken.None))!.Document;
        var listed = shortlist.Result.Entries.Select(e => e.SupplierId).Distinct().Where(s => UserOf(s) is not null).ToList();
        var unlisted = competition.Invitations.Select(i => i.SupplierId).First(s => !listed.Contains(s) && UserOf(s) is not null);
        var first = await SignedInAsync(UserOf(listed[0])!);
        var second = await SignedInAsync(UserOf(listed[1])!);
        var late = await SignedInAsync(UserOf(unlisted)!);

        // A supplier finds the invitation, asks a question; the commissioner answers it to every invitee.
        await first.GotoAsync("/supplier/invitations");
        await first.GetByRole(AriaRole.Link, new() { Name = "Remote monitoring, further competition" }).ClickAsync();
        await first.Locator("#question").FillAsync("Must the platform connect over HSCN?");
        await first.Locator("#ask").ClickAsync();
        await Expect(first.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Question sent");
        await commissioner.ReloadAsync();
        await commissioner.Locator("#answer-q1").FillAsync("Yes: HSCN or an equivalent assured network.");
        await commissioner.Locator("#publish-q1").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Answer published");

        // Two responses through the form; the first one left without a price is named in the error summary.
        await first.ReloadAsync();
        await AnswerEveryCriterionAsync(first);
        await first.Locator("#submit-response").ClickAsync();
        await Expect(first.Locator(".nhsuk-error-summary")).ToContainTextAsync("Price");
        await PageChecks.ErrorSummaryHasFocusAsync(first);
        await first.Locator("#price").FillAsync("120000");
        await first.Locator("#submit-response").ClickAsync();
        await Expect(first.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response received");
        await second.GotoAsync($"/supplier/invitations/{id}");
        await Expect(second.Locator("#clarifications")).ToContainTextAsync("Yes: HSCN or an equivalent assured network.");
        await second.Locator("#price").FillAsync("90000");
        await AnswerEveryCriterionAsync(second);
        await second.Locator("#submit-response").ClickAsync();
        await Expect(second.Locator("#own-response")).ToContainTextAsync("sealed until the deadline");
        await PageChecks.AccessibleAsync(second, "invitation-responded");

        // Sealed: the commissioner sees a count; opening a response to score it is refused.
        await commissioner.ReloadAsync();
        await Expect(commissioner.Locator("#sealed")).ToContainTextAsync("2 responses received, sealed until");
        await Expect(commissioner.Locator("body")).Not.ToContainTextAsync("120,000");
        var early = await commissioner.GotoAsync($"/competitions/{id}/responses/{listed[0]}");
        Assert.Equal(409, early!.Status);

        // The late supplier fills its form, the deadline passes, and its response is refused in words.
        await late.GotoAsync($"/supplier/invitations/{id}");
        await late.Locator("#price").FillAsync("50000");
        await AnswerEveryCriterionAsync(late);
        await AdvanceClockAsync(clock, 4);
        await late.Locator("#submit-response").ClickAsync();
        await Expect(late.Locator(".nhsuk-error-summary")).ToContainTextAsync("a late response cannot be accepted");
        await PageChecks.AccessibleAsync(late, "invitation-late");

        // Scoring: the first response keeps its pre-filled scores; the second's first answer is marked down with a reason.
        await commissioner.GotoAsync($"/competitions/{id}");
        await Expect(commissioner.Locator("#competition-status")).ToHaveTextAsync("Closed: scoring");
        await commissioner.Locator($"#score-{listed[0]}").ClickAsync();
        await PageChecks.FitsWidthAsync(commissioner);
        await PageChecks.AccessibleAsync(commissioner, "competition-score-narrow");
        await commissioner.Locator("#save-scores").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Scores saved");
        await commissioner.Locator($"#score-{listed[1]}").ClickAsync();
        var score = commissioner.Locator("input[name^='score-']").First;
        var criterion = (await score.GetAttributeAsync("name"))!["score-".Length..];
        await score.FillAsync("0.1");
        await commissioner.Locator("#save-scores").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-error-summary")).ToContainTextAsync("needs a reason");
        await commissioner.Locator($"#reason-{criterion}").FillAsync("The answer does not say how alerts reach the clinician.");
        await commissioner.Locator("#save-scores").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Scores saved");

        // The award needs the checks on the shortlist first.
        await Expect(commissioner.Locator("#checks-missing")).ToBeVisibleAsync();
        await commissioner.GotoAsync($"/shortlists/{id}");
        await commissioner.Locator("#checks-debarment").CheckAsync();
        var today = DateTime.UtcNow.AddDays(4);
        await commissioner.Locator("#checks-on-day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commissioner.Locator("#checks-on-month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commissioner.Locator("#checks-on-year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commissioner.Locator("#checks-declaration").FillAsync("The evaluation panel (three people) declared no interests in any invited supplier.");
        await commissioner.Locator("#checks-conflict").CheckAsync();
        await commissioner.Locator("#record-checks").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Checks recorded");
        await commissioner.Locator("#competition-link").ClickAsync();
        await commissioner.Locator("#decide-award").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Award decision made");
        await Expect(commissioner.Locator("#in-standstill")).ToContainTextAsync("Standstill runs until");
        await PageChecks.FitsWidthAsync(commissioner);
        await PageChecks.AccessibleAsync(commissioner, "competition-standstill-narrow");

        // Each participant reads its own assessment summary.
        await second.ReloadAsync();
        await Expect(second.Locator("#assessment-heading")).ToBeVisibleAsync();
        await Expect(second.Locator(".app-assessment")).ToContainTextAsync("Ranked");
        await PageChecks.AccessibleAsync(second, "invitation-assessment");

        // Standstill (8 working days, bank holidays excluded) ends by the clock and the timer; the contract is entered and its details notice published.
        await AdvanceClockAsync(clock, 21);
        await commissioner.ReloadAsync();
        await Expect(commissioner.Locator("#competition-status")).ToHaveTextAsync("Awarded");
        var signed = DateTime.UtcNow.AddDays(25);
        foreach (var (field, day) in new[] { ("contract-signed", signed), ("contract-start", new DateTime(2027, 4, 1)), ("contract-end", new DateTime(2030, 3, 31)) })
        {
            await commissioner.Locator($"#{field}-day").FillAsync(day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await commissioner.Locator($"#{field}-month").FillAsync(day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await commissioner.Locator($"#{field}-year").FillAsync(day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await commissioner.Locator("#contract-value").FillAsync("120000");
        await commissioner.Locator("#enter-contract").ClickAsync();
        await Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Contract entered");
        await Expect(commissioner.Locator("#notices")).ToContainTextAsync("Contract details notice published");
        await PageChecks.FitsWidthAsync(commissioner);
        await PageChecks.AccessibleAsync(commissioner, "competition-contracted-narrow");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var notices = JsonNode.Parse(await http.GetStringAsync($"/api/competitions/{id}/notices"))!;
        Assert.Equal(["tender", "award", "contract"], notices["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()));
        foreach (var page in new[] { commissioner, first, second, late })
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex("/shortlists/([^/?#]+)")]
    private static partial Regex ShortlistId();
}
