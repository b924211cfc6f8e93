using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Functions.Tests.Shortlisting;
using static Marketplace.Functions.Tests.Pages.PageFormPosts;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.CallOffs;

/// <summary>
/// The further competition through the web pages only, on Azurite with a fake clock: the commissioner starts it from the
/// locked shortlist, answers a question, two suppliers respond through their invitation pages, a late one is refused
/// with a clear message, nobody reads a response early, the commissioner scores, awards, waits out standstill and enters
/// the contract; suppliers read their assessment summaries; the notices make a valid OCDS record.
/// </summary>
public sealed partial class CompetitionPagesTests
{
    private static string ErrorSummary(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "nhsuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value);

    private static async Task<(HttpStatusCode Status, string Html)> ReadAsync(HttpResponseMessage response) => (response.StatusCode, await response.Content.ReadAsStringAsync());

    private static (string, string)[] Deadline(DateTimeOffset at) =>
        [("competition-deadline-day", at.Day.ToString()), ("competition-deadline-month", at.Month.ToString()), ("competition-deadline-year", at.Year.ToString()), ("competition-time", "12:00")];

    private static (string, string)[] Day(string field, DateOnly day) =>
        [($"{field}-day", day.Day.ToString()), ($"{field}-month", day.Month.ToString()), ($"{field}-year", day.Year.ToString())];

    /// <summary>Every weighted non-price criterion's answer box of a supplier's response form.</summary>
    private static (string, string)[] Answers(string invitationPage) =>
        [.. AnswerBox().Matches(invitationPage).Select(m => (m.Groups[1].Value, "We meet it: see the case study."))];

    [Fact]
    public async Task A_commissioner_runs_a_further_competition_from_shortlist_to_contract_through_the_pages_and_suppliers_respond_through_theirs()
    {
        var (app, time) = await CompetitionApiTests.StartAsync();
        await using var running = app;
        using var commissioner = await app.ClientForAsync(MarketplaceRole.Commissioner, Commissioner, followRedirects: false);
        using var anonymous = app.CreateClient();
        var (id, _, shortlist) = await CompetitionApiTests.LockedShortlistAsync(commissioner);
        var page = $"/competitions/{id}";

        // Start from the shortlist page: a deadline in the past is named; a good one starts it and publishes the tender notice.
        Assert.Contains("Start a further competition", await commissioner.GetStringAsync($"/shortlists/{id}"), StringComparison.Ordinal);
        var (pastStatus, past) = await ReadAsync(await PostFromAsync(commissioner, $"/shortlists/{id}", $"/shortlists/{id}/competition", Deadline(time.GetUtcNow().AddDays(-2))));
        Assert.Equal(HttpStatusCode.BadRequest, pastStatus);
        Assert.Contains("Deadline must be after now", ErrorSummary(past), StringComparison.Ordinal);
        var started = await PostFromAsync(commissioner, $"/shortlists/{id}", $"/shortlists/{id}/competition", [.. Deadline(time.GetUtcNow().AddDays(3)), ("competition-standstill", "yes")]);
        Assert.Equal($"{page}?done=started", started.Headers.Location?.OriginalString);
        var view = await commissioner.GetFromJsonAsync<JsonElement>($"/api/competitions/{id}");
        var invited = view.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("supplierId").GetString()!).ToList();
        var listed = Entries(shortlist).Select(e => e.GetProperty("supplierId").GetString()!).Distinct().ToList();
        var (first, second, late) = (listed[0], listed[1], invited.First(s => !listed.Contains(s)));
        using var firstClient = await app.ClientForAsync(MarketplaceRole.Supplier, first, followRedirects: false);
        using var secondClient = await app.ClientForAsync(MarketplaceRole.Supplier, second, followRedirects: false);
        using var lateClient = await app.ClientForAsync(MarketplaceRole.Supplier, late, followRedirects: false);
        var competitionPage = await commissioner.GetStringAsync(page);
        Assert.Contains("not on your shortlist", competitionPage, StringComparison.Ordinal);
        Assert.Contains("Tender notice published", competitionPage, StringComparison.Ordinal);
        Assert.Contains(">Open for responses<", competitionPage, StringComparison.Ordinal);

        // A question from an invitation page, answered on the competition page, read by another invitee without the asker's name.
        var invitation = $"/supplier/invitations/{id}";
        Assert.Contains($"href=\"{invitation}\"", await lateClient.GetStringAsync("/supplier/invitations"), StringComparison.Ordinal);
        var asked = await PostFromAsync(firstClient, invitation, $"{invitation}/questions", ("question", "Must the platform connect over HSCN?"));
        Assert.Equal($"{invitation}?done=asked", asked.Headers.Location?.OriginalString);
        var (blankStatus, blank) = await ReadAsync(await PostFromAsync(commissioner, page, $"{page}/questions/q1/answer", ("answer-q1", " ")));
        Assert.Equal(HttpStatusCode.BadRequest, blankStatus);
        Assert.Contains("Your answer: write the question or the answer", ErrorSummary(blank), StringComparison.Ordinal);
        var answered = await PostFromAsync(commissioner, page, $"{page}/questions/q1/answer", ("answer-q1", "Yes: HSCN or an equivalent assured network."));
        Assert.Equal($"{page}?done=answered", answered.Headers.Location?.OriginalString);
        var seenBySecond = await secondClient.GetStringAsync(invitation);
        Assert.Contains("Yes: HSCN or an equivalent assured network.", seenBySecond, StringComparison.Ordinal);
        Assert.DoesNotContain(first, seenBySecond, StringComparison.Ordinal);

        // Two responses through the form; a missing price is named; the late supplier opens its form before the deadline.
        var answers = Answers(seenBySecond);
        Assert.NotEmpty(answers);
        var (noPriceStatus, noPrice) = await ReadAsync(await PostFromAsync(firstClient, invitation, $"{invitation}/response", answers));
        Assert.Equal(HttpStatusCode.BadRequest, noPriceStatus);
        Assert.Contains("Price: the price for", ErrorSummary(noPrice), StringComparison.Ordinal);
        var (noAnswerStatus, noAnswer) = await ReadAsync(await PostFromAsync(firstClient, invitation, $"{invitation}/response", [("price", "120000"), .. answers[1..]]));
        Assert.Equal(HttpStatusCode.BadRequest, noAnswerStatus);
        Assert.Contains($"href=\"#{answers[0].Item1}\">Your answer: answer", noAnswer, StringComparison.Ordinal);
        Assert.Equal($"{invitation}?done=responded", (await PostFromAsync(firstClient, invitation, $"{invitation}/response", [("price", "£120,000"), .. answers])).Headers.Location?.OriginalString);
        Assert.Equal($"{invitation}?done=responded", (await PostFromAsync(secondClient, invitation, $"{invitation}/response", [("price", "90000"), .. answers])).Headers.Location?.OriginalString);
        Assert.Contains("sealed until the deadline", await firstClient.GetStringAsync(invitation), StringComparison.Ordinal);
        var lateForm = await lateClient.GetStringAsync(invitation);

        // Sealed: the commissioner sees a count, never a price, and cannot open a response to score it.
        competitionPage = await commissioner.GetStringAsync(page);
        Assert.Contains("2 responses received, sealed until", competitionPage, StringComparison.Ordinal);
        Assert.DoesNotContain("120,000", competitionPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await commissioner.GetAsync($"{page}/responses/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secondClient.GetAsync($"{page}/responses/{first}")).StatusCode);

        // The deadline passes: the late response, sent from the form opened before it, is refused in words.
        time.Advance(TimeSpan.FromDays(4));
        var token = TokenIn(lateForm);
        var (lateStatus, refused) = await ReadAsync(await lateClient.PostAsync($"{invitation}/response",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("price", "50000"), .. answers.Select(a => new KeyValuePair<string, string>(a.Item1, a.Item2))])));
        Assert.Equal(HttpStatusCode.BadRequest, lateStatus);
        Assert.Contains("a late response cannot be accepted", ErrorSummary(refused), StringComparison.Ordinal);
        Assert.Contains("Not sent", await lateClient.GetStringAsync(invitation), StringComparison.Ordinal);

        // Scoring: the first response keeps its pre-filled scores; overriding the second's needs a reason.
        competitionPage = await commissioner.GetStringAsync(page);
        Assert.Contains("120,000", competitionPage, StringComparison.Ordinal);
        var scorePage = await commissioner.GetStringAsync($"{page}/responses/{second}");
        Assert.Contains("We meet it: see the case study.", scorePage, StringComparison.Ordinal);
        var criterion = answers[0].Item1["answer-".Length..];
        Assert.Equal($"{page}?done=scored", (await PostFromAsync(commissioner, $"{page}/responses/{first}", $"{page}/responses/{first}")).Headers.Location?.OriginalString);
        var (unexplainedStatus, unexplained) = await ReadAsync(await PostFromAsync(commissioner, $"{page}/responses/{second}", $"{page}/responses/{second}", ($"score-{criterion}", "0.1")));
        Assert.Equal(HttpStatusCode.BadRequest, unexplainedStatus);
        Assert.Contains($"href=\"#reason-{criterion}\"", unexplained, StringComparison.Ordinal);
        Assert.Contains("needs a reason", ErrorSummary(unexplained), StringComparison.Ordinal);
        var (outOfRangeStatus, outOfRange) = await ReadAsync(await PostFromAsync(commissioner, $"{page}/responses/{second}", $"{page}/responses/{second}", ($"score-{criterion}", "7"), ($"reason-{criterion}", "x")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (outOfRangeStatus, outOfRange.Contains($"href=\"#score-{criterion}\"", StringComparison.Ordinal)));
        Assert.Equal($"{page}?done=scored", (await PostFromAsync(commissioner, $"{page}/responses/{second}", $"{page}/responses/{second}",
            ($"score-{criterion}", "0.1"), ($"reason-{criterion}", "The answer does not say how alerts reach the clinician."))).Headers.Location?.OriginalString);

        // The award waits for the checks, then goes to rank 1 with a standstill in working days.
        competitionPage = await commissioner.GetStringAsync(page);
        Assert.Contains("Ranking by the published weights", competitionPage, StringComparison.Ordinal);
        var (noChecksStatus, noChecks) = await ReadAsync(await PostFromAsync(commissioner, page, $"{page}/award"));
        Assert.Equal(HttpStatusCode.BadRequest, noChecksStatus);
        Assert.Contains("exclusion", ErrorSummary(noChecks), StringComparison.OrdinalIgnoreCase);
        var current = (await commissioner.GetAsync($"/api/shortlists/{id}")).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/award-checks", current, AwardChecksBody())).StatusCode);
        Assert.Equal($"{page}?done=awarded", (await PostFromAsync(commissioner, page, $"{page}/award")).Headers.Location?.OriginalString);
        competitionPage = await commissioner.GetStringAsync(page);
        Assert.Contains("Standstill runs until", competitionPage, StringComparison.Ordinal);
        Assert.Contains("Contract award notice published", competitionPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"enter-contract\"", competitionPage, StringComparison.Ordinal);
        var decision = await commissioner.GetFromJsonAsync<JsonElement>($"/api/competitions/{id}");
        var loser = decision.GetProperty("assessments")[1].GetProperty("supplierId").GetString()!;
        var loserPage = await (loser == first ? firstClient : secondClient).GetStringAsync(invitation);
        Assert.Contains("Your assessment", loserPage, StringComparison.Ordinal);
        Assert.Contains("The winning response", loserPage, StringComparison.Ordinal);
        Assert.Contains("Ranked 2 with", loserPage, StringComparison.Ordinal);

        // Standstill ends by the fake clock and the timer; the contract form names a bad value, then publishes the contract details notice.
        time.Advance(TimeSpan.FromDays(14));
        await CompetitionApiTests.AdvanceTimerAsync(app, "Closed 0 competitions; ended 1 standstills");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        (string, string)[] contract = [.. Day("contract-signed", today), .. Day("contract-start", new DateOnly(2027, 4, 1)), .. Day("contract-end", new DateOnly(2030, 3, 31))];
        var (badValueStatus, badValue) = await ReadAsync(await PostFromAsync(commissioner, page, $"{page}/contract", [.. contract, ("contract-value", "lots")]));
        Assert.Equal(HttpStatusCode.BadRequest, badValueStatus);
        Assert.Contains("Contract value must be an amount in pounds", ErrorSummary(badValue), StringComparison.Ordinal);
        Assert.Equal($"{page}?done=contracted", (await PostFromAsync(commissioner, page, $"{page}/contract", [.. contract, ("contract-value", "120000")])).Headers.Location?.OriginalString);
        competitionPage = await commissioner.GetStringAsync(page);
        Assert.Contains("Contract details notice published", competitionPage, StringComparison.Ordinal);
        Assert.Contains(">Contracted<", competitionPage, StringComparison.Ordinal);

        var package = JsonNode.Parse(await anonymous.GetStringAsync($"/api/competitions/{id}/notices"))!;
        Assert.Empty((await OcdsSchema.LoadAsync()).Validate(package.ToJsonString()));
        Assert.Empty(OcdsReader.Problems(package));
        Assert.Equal(["tender", "award", "contract"], package["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()));
    }

    [GeneratedRegex("name=\"(answer-[^\"]+)\"")]
    private static partial Regex AnswerBox();
}
