using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Core.Access;
using Marketplace.Functions.Background;
using Marketplace.Functions.Tests.Shortlisting;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.CallOffs;

/// <summary>
/// A further competition over HTTP on Azurite with a fake clock: invitations to the whole lot, clarifications published
/// anonymously, responses sealed until the deadline for every role, a late response refused, scoring, the award with its
/// assessment summaries, standstill ended by the timer, the contract, and the notices as an OCDS record.
/// </summary>
public sealed class CompetitionApiTests
{
    private const string Other = OtherCommissioner;

    internal static async Task<(MarketplaceApp App, FakeTimeProvider Time)> StartAsync()
    {
        // Tokens are validated against the real clock, so the fake one starts at the real now and only moves forward.
        // Each reading moves it on a millisecond, as a real clock would between two writes (history rows are keyed by the time).
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var app = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["Background:RunInProcess"] = "false", ["Ocds:OcidPrefix"] = ShortlistingApp.OcidPrefix },
            services: s => s.AddSingleton<TimeProvider>(time));
        await app.Services.GetRequiredService<CatalogueImport>().RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        var tables = app.Services.GetRequiredService<CatalogueTables>();
        var renewed = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        await foreach (var attestation in tables.Attestations.ListAsync("Status eq 'verified'", CancellationToken.None))
        {
            if (attestation.StandardCode is "DSPT" or "DCB0129")
            {
                await tables.Attestations.WriteAsync(attestation.Id, attestation with { ExpiresOn = renewed }, CancellationToken.None);
            }
        }
        await app.RecordsEditedAsync();
        return (app, time);
    }

    internal static async Task<(string Id, string ETag, JsonElement Shortlist)> LockedShortlistAsync(HttpClient commissioner)
    {
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!, maxResults: 4);
        var (locked, lockedETag) = await LockAsync(commissioner, draft.GetProperty("id").GetString()!, etag);
        return (locked.GetProperty("id").GetString()!, lockedETag, locked);
    }

    internal static async Task AdvanceTimerAsync(MarketplaceApp app, string expected)
    {
        var run = await AdvanceCallOffs.RunAsync(new InvocationRequest(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>()), app.Services, CancellationToken.None);
        Assert.Equal([expected], run.Logs);
    }

    private static Dictionary<string, object> Answers(JsonElement competition) => competition.GetProperty("criteria").EnumerateArray()
        .Where(c => !c.GetProperty("isPrice").GetBoolean() && c.GetProperty("weight").GetInt32() > 0)
        .ToDictionary(c => c.GetProperty("id").GetString()!, c => (object)new { answer = $"How we meet: {c.GetProperty("text").GetString()}", evidence = "See our case study." });

    [Fact]
    public async Task Two_suppliers_respond_a_late_one_is_refused_nobody_reads_early_and_the_contract_follows_standstill_with_every_notice_in_the_record()
    {
        var (app, time) = await StartAsync();
        await using var running = app;
        using var commissioner = await app.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var other = await app.ClientForAsync(MarketplaceRole.Commissioner, Other);
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        using var anonymous = app.CreateClient();
        var (id, _, shortlist) = await LockedShortlistAsync(commissioner);
        var route = await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}/route");

        var started = await commissioner.PostAsJsonAsync($"/api/shortlists/{id}/competition", new { deadline = time.GetUtcNow().AddDays(3), standstill = true });
        var competition = await started.Content.ReadFromJsonAsync<JsonElement>();
        var invited = competition.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("supplierId").GetString()!).ToList();
        var listed = Entries(shortlist).Select(e => e.GetProperty("supplierId").GetString()!).Distinct().ToList();
        var (first, second, late) = (listed[0], listed[1], invited.First(s => s != listed[0] && s != listed[1]));
        using var firstClient = await app.ClientForAsync(MarketplaceRole.Supplier, first);
        using var secondClient = await app.ClientForAsync(MarketplaceRole.Supplier, second);
        using var lateClient = await app.ClientForAsync(MarketplaceRole.Supplier, late);
        using var uninvited = await app.ClientForAsync(MarketplaceRole.Supplier, "org-supplier");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(("procurement-act-framework", "further-competition"), (route.GetProperty("regime").GetString(), competition.GetProperty("process").GetString()));
        Assert.Superset(listed.ToHashSet(), invited.ToHashSet());
        Assert.True(invited.Count > listed.Count, "every supplier admitted to the lot with an offering in it is invited, not only the shortlisted ones");

        // Invitations are on the supplier's list; a clarification is answered to every invitee without the asker's name.
        var invitations = await firstClient.GetFromJsonAsync<JsonElement>($"/api/suppliers/{first}/invitations");
        Assert.Contains(invitations.EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        var asked = await firstClient.PostAsJsonAsync($"/api/competitions/{id}/questions", new { text = "Must the platform connect over HSCN?" });
        var answered = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/questions/q1/answer", new { text = "Yes: HSCN or an equivalent assured network." });
        var seenByAnother = await secondClient.GetFromJsonAsync<JsonElement>($"/api/competitions/{id}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var question = seenByAnother.GetProperty("questions")[0];
        Assert.Equal("Yes: HSCN or an equivalent assured network.", question.GetProperty("answer").GetString());
        Assert.DoesNotContain(first, question.GetRawText(), StringComparison.Ordinal);

        // Two sealed responses; bad input names the field; an uninvited supplier and another's name are refused.
        var answers = Answers(competition);
        var noPrice = await firstClient.PutAsJsonAsync($"/api/competitions/{id}/responses/{first}", new { answers });
        var r1 = await firstClient.PutAsJsonAsync($"/api/competitions/{id}/responses/{first}", new { priceGbp = 120000, answers });
        var r2 = await secondClient.PutAsJsonAsync($"/api/competitions/{id}/responses/{second}", new { priceGbp = 90000, answers });
        var forAnother = await secondClient.PutAsJsonAsync($"/api/competitions/{id}/responses/{first}", new { priceGbp = 1, answers });
        var notInvited = await uninvited.PutAsJsonAsync($"/api/competitions/{id}/responses/org-supplier", new { priceGbp = 1, answers });
        Assert.True((await ProblemAssert.IsProblemAsync(noPrice, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("$.priceGbp", out _));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (r1.StatusCode, r2.StatusCode));
        await ProblemAssert.IsProblemAsync(forAnother, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(notInvited, HttpStatusCode.Forbidden, "forbidden");

        // Sealed: nobody reads a response before the deadline, the commissioner included.
        Assert.Equal("responses-sealed", (await ProblemAssert.IsProblemAsync(await commissioner.GetAsync($"/api/competitions/{id}/responses"), HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        await ProblemAssert.IsProblemAsync(await firstClient.GetAsync($"/api/competitions/{id}/responses"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/competitions/{id}/responses"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/competitions/{id}/responses"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/competitions/{id}/responses")).StatusCode);
        var commissionerView = await commissioner.GetFromJsonAsync<JsonElement>($"/api/competitions/{id}");
        Assert.Equal(2, commissionerView.GetProperty("responsesReceived").GetInt32());
        Assert.DoesNotContain("120000", commissionerView.GetRawText(), StringComparison.Ordinal);
        var early = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/scores/{first}", new { });
        Assert.Equal("responses-sealed", (await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());

        // The deadline passes: the late response is refused and the timer closes the window, once.
        time.Advance(TimeSpan.FromDays(3));
        var refused = await lateClient.PutAsJsonAsync($"/api/competitions/{id}/responses/{late}", new { priceGbp = 50000, answers });
        Assert.Equal("deadline-passed", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        await AdvanceTimerAsync(app, "Closed 1 competitions; ended 0 standstills");
        await AdvanceTimerAsync(app, "Closed 0 competitions; ended 0 standstills");
        var opened = await commissioner.GetFromJsonAsync<JsonElement>($"/api/competitions/{id}/responses");
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), opened.EnumerateArray().Select(r => r.GetProperty("supplierId").GetString()!).Order(StringComparer.Ordinal));

        // Scores: the first supplier's taken as pre-filled, the second's first criterion overridden with a reason.
        var criterion = answers.Keys.First();
        var unexplained = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/scores/{second}", new { scores = new Dictionary<string, object> { [criterion] = new { score = 0.1 } } });
        Assert.True((await ProblemAssert.IsProblemAsync(unexplained, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty($"scores.{criterion}", out _));
        var s1 = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/scores/{first}", new { });
        var s2 = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/scores/{second}",
            new { scores = new Dictionary<string, object> { [criterion] = new { score = 0.1, reason = "The answer does not say how alerts reach the clinician." } } });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (s1.StatusCode, s2.StatusCode));

        // The award needs the checks first, then goes to rank 1 with a summary per participant and a standstill.
        var withoutChecks = await commissioner.PostAsync($"/api/competitions/{id}/award", null);
        Assert.Equal("award-checks-missing", (await ProblemAssert.IsProblemAsync(withoutChecks, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        var current = (await commissioner.GetAsync($"/api/shortlists/{id}")).Headers.ETag!.ToString();
        var checks = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/award-checks", current, AwardChecksBody());
        Assert.Equal(HttpStatusCode.OK, checks.StatusCode);
        var awarded = await commissioner.PostAsync($"/api/competitions/{id}/award", null);
        var decision = await awarded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        Assert.Equal("standstill", decision.GetProperty("status").GetString());
        var assessments = decision.GetProperty("assessments").EnumerateArray().ToList();
        Assert.Equal(2, assessments.Count);
        Assert.True(assessments[0].GetProperty("total").GetDouble() >= assessments[1].GetProperty("total").GetDouble());
        var loser = assessments[1].GetProperty("supplierId").GetString()!;
        var loserView = await (loser == first ? firstClient : secondClient).GetFromJsonAsync<JsonElement>($"/api/competitions/{id}");
        Assert.Equal(2, loserView.GetProperty("ownAssessment").GetProperty("rank").GetInt32());
        Assert.StartsWith("The winning response", loserView.GetProperty("ownAssessment").GetProperty("relativeAdvantages").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, loserView.GetProperty("assessments").ValueKind);
        var loserPage = await (loser == first ? firstClient : secondClient).GetStringAsync($"/supplier/invitations/{id}");
        Assert.Contains("Your assessment", loserPage, StringComparison.Ordinal);
        Assert.Contains("The winning response", loserPage, StringComparison.Ordinal);
        Assert.Contains("Yes: HSCN or an equivalent assured network.", loserPage, StringComparison.Ordinal);

        // Standstill: the contract waits; the timer ends it by the fake clock, once.
        var contract = new { signedOn = DateOnly.FromDateTime(time.GetUtcNow().AddDays(14).UtcDateTime).ToString("yyyy-MM-dd"), valueGbp = 120000, startDate = "2027-04-01", endDate = "2030-03-31" };
        var tooSoon = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/contract", contract with { signedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd") });
        Assert.Equal("in-standstill", (await ProblemAssert.IsProblemAsync(tooSoon, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        time.Advance(TimeSpan.FromDays(14));
        await AdvanceTimerAsync(app, "Closed 0 competitions; ended 1 standstills");
        await AdvanceTimerAsync(app, "Closed 0 competitions; ended 0 standstills");
        var entered = await commissioner.PostAsJsonAsync($"/api/competitions/{id}/contract", contract);
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var recorded = (await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}")).GetProperty("outcome");
        Assert.Equal(("awarded", "further-competition", assessments[0].GetProperty("supplierId").GetString(), 120000m),
            (recorded.GetProperty("result").GetString(), recorded.GetProperty("method").GetString(), recorded.GetProperty("supplierId").GetString(), recorded.GetProperty("valueGbp").GetDecimal()));

        // The record: tender, award and contract releases, valid OCDS 1.1.5, read back step by step.
        var package = JsonNode.Parse(await anonymous.GetStringAsync($"/api/competitions/{id}/notices"))!;
        Assert.Empty((await OcdsSchema.LoadAsync()).Validate(package.ToJsonString()));
        Assert.Empty(OcdsReader.Problems(package));
        Assert.Equal(["tender", "award", "contract"], package["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task Competition_routes_answer_each_role_as_declared()
    {
        var (app, time) = await StartAsync();
        await using var running = app;
        using var commissioner = await app.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var other = await app.ClientForAsync(MarketplaceRole.Commissioner, Other);
        using var association = await app.ClientForAsync(MarketplaceRole.Association, "tec-services-association");
        using var certifier = await app.ClientForAsync(MarketplaceRole.Certifier, "tec-quality");
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        using var anonymous = app.CreateClient();
        var (id, _, _) = await LockedShortlistAsync(commissioner);

        var byOther = await other.PostAsJsonAsync($"/api/shortlists/{id}/competition", new { deadline = time.GetUtcNow().AddDays(3) });
        var badDeadline = await commissioner.PostAsJsonAsync($"/api/shortlists/{id}/competition", new { deadline = time.GetUtcNow().AddDays(-1) });
        var started = await commissioner.PostAsJsonAsync($"/api/shortlists/{id}/competition", new { deadline = time.GetUtcNow().AddDays(3) });
        var again = await commissioner.PostAsJsonAsync($"/api/shortlists/{id}/competition", new { deadline = time.GetUtcNow().AddDays(3) });
        var invitee = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitations")[0].GetProperty("supplierId").GetString()!;
        using var supplier = await app.ClientForAsync(MarketplaceRole.Supplier, invitee);

        await ProblemAssert.IsProblemAsync(byOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.True((await ProblemAssert.IsProblemAsync(badDeadline, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("deadline", out _));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("competition-exists", (await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync($"/api/competitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supplier.GetAsync($"/api/competitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/competitions/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/competitions/{id}"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await association.GetAsync($"/api/competitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await certifier.GetAsync($"/api/competitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/competitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync("/api/competitions/no-such-competition")).StatusCode);
        // Only the invited supplier asks; only the owning commissioner answers; the notices are public.
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync($"/api/competitions/{id}/questions", new { text = "?" })).StatusCode);
        Assert.True((await ProblemAssert.IsProblemAsync(await supplier.PostAsJsonAsync($"/api/competitions/{id}/questions", new { text = " " }), HttpStatusCode.BadRequest, "validation-failed"))
            .GetProperty("errors").TryGetProperty("text", out _));
        await ProblemAssert.IsProblemAsync(await other.PostAsJsonAsync($"/api/competitions/{id}/questions/q1/answer", new { text = "No." }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await commissioner.PostAsJsonAsync($"/api/competitions/{id}/questions/q9/answer", new { text = "No." }), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await other.PostAsync($"/api/competitions/{id}/award", null), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.PostAsync($"/api/competitions/{id}/award", null)).StatusCode);
        Assert.True((await ProblemAssert.IsProblemAsync(await commissioner.PostAsJsonAsync($"/api/competitions/{id}/contract", new { }), HttpStatusCode.BadRequest, "validation-failed"))
            .GetProperty("errors").TryGetProperty("$.signedOn", out _));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/competitions/{id}/notices")).StatusCode);
        await ProblemAssert.IsProblemAsync(await supplier.GetAsync($"/api/suppliers/{Commissioner}/invitations"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await supplier.GetAsync($"/api/suppliers/downs-careline-systems/invitations"), HttpStatusCode.Forbidden, "forbidden");
    }
}
