using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Core.Access;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>A commissioner's journey over HTTP on the seed catalogue: template → specification → shortlist → lock → outcome → export.</summary>
public sealed class ShortlistApiTests(ShortlistingApp fixture) : IClassFixture<ShortlistingApp>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Templates_are_listed_with_their_latest_version_and_read_by_anyone()
    {
        using var anonymous = App.CreateClient();

        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/templates");
        var telehealth = list.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "telehealth-remote-monitoring");
        var one = await anonymous.GetFromJsonAsync<JsonElement>("/api/templates/telecare-products?version=1");
        var missing = await anonymous.GetAsync("/api/templates/telehealth-remote-monitoring?version=99");
        var badVersion = await anonymous.GetAsync("/api/templates/telehealth-remote-monitoring?version=first");

        Assert.True(list.GetArrayLength() >= 7);
        Assert.Equal((7, 12), (telehealth.GetProperty("gates").GetInt32(), telehealth.GetProperty("criteria").GetInt32()));
        Assert.Equal(1, one.GetProperty("template").GetProperty("version").GetInt32());
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not-found");
        var problem = await ProblemAssert.IsProblemAsync(badVersion, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task An_admin_publishes_the_next_version_and_published_versions_never_change()
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);
        using var anonymous = App.CreateClient();
        var v1 = (await anonymous.GetFromJsonAsync<JsonElement>("/api/templates/telecare-products")).GetProperty("template");
        var v2 = JsonNode.Parse(v1.GetRawText())!.AsObject();
        v2["version"] = 2;
        v2["name"] = "Telecare products (2027 refresh)";

        var published = await admin.PostAsJsonAsync("/api/templates", v2);
        var again = await admin.PostAsJsonAsync("/api/templates", v2);
        v2["version"] = 4;
        var skipping = await admin.PostAsJsonAsync("/api/templates", v2);
        var latest = await anonymous.GetFromJsonAsync<JsonElement>("/api/templates/telecare-products");
        var first = await anonymous.GetFromJsonAsync<JsonElement>("/api/templates/telecare-products?version=1");

        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsProblemAsync(skipping, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("Telecare products (2027 refresh)", 2), (latest.GetProperty("template").GetProperty("name").GetString(), latest.GetProperty("template").GetProperty("version").GetInt32()));
        Assert.Equal([1, 2], latest.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(v1.GetProperty("name").GetString(), first.GetProperty("template").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_telehealth_shortlist_ranks_eligible_offerings_with_every_line_explained_and_names_the_failed_gate_of_each_exclusion()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());

        var (shortlist, _) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!);

        var entries = Entries(shortlist).ToList();
        Assert.NotEmpty(entries);
        Assert.Equal(Enumerable.Range(1, entries.Count), entries.Select(e => e.GetProperty("rank").GetInt32()));
        var totals = entries.Select(e => e.GetProperty("total").GetDouble()).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        var top = entries[0];
        var lines = top.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(12, lines.Count);
        Assert.Equal(top.GetProperty("total").GetDouble(), lines.Sum(l => l.GetProperty("points").GetDouble()), 2);
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("explanation").GetString())));
        Assert.Equal(30, lines.Single(l => l.GetProperty("requirementId").GetString() == "price").GetProperty("weight").GetInt32());
        Assert.Contains(lines, l => l.GetProperty("explanation").GetString()!.StartsWith("Whole-life cost £", StringComparison.Ordinal));

        // Gower Virtual Care belongs only to techUK, and no association of its could ever verify DCB0129, so before issue 12
        // every offering of it failed that gate. Now the manufacturer's declaration for the listed release with a named
        // Clinical Safety Officer counts: its North West platforms that declared one are listed, and a DCB0129 failure
        // says what is missing, never anything about memberships.
        var gower = Exclusions(shortlist).Where(e => e.GetProperty("supplierId").GetString() == "gower-virtual-care").ToList();
        IEnumerable<(string? Requirement, string? Explanation)> Reasons(JsonElement e) =>
            e.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("requirementId").GetString(), r.GetProperty("explanation").GetString()));
        Assert.All(gower.SelectMany(Reasons).Where(r => r.Requirement == "dcb0129"),
            r => Assert.Contains("(DCB0129): ", r.Explanation, StringComparison.Ordinal));
        // Every failed gate is named by its text, as the commissioner reads it, never by its id alone.
        var texts = await RequirementTextsAsync(commissioner);
        Assert.All(Exclusions(shortlist).SelectMany(Reasons).Where(r => r.Requirement is not null and not "price"),
            r => Assert.StartsWith($"fails \"{texts[r.Requirement!].TrimEnd('.')}\": ", r.Explanation, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetProperty("supplierId").GetString() == "gower-virtual-care");
        // More offerings pass the DCB0129 gate now than a default shortlist lists: it keeps the top eight.
        var counts = shortlist.GetProperty("counts");
        Assert.Equal(Math.Min(counts.GetProperty("eligible").GetInt32(), Marketplace.Core.Shortlisting.ShortlistLocking.DefaultMaxResults), entries.Count);
        Assert.Equal(counts.GetProperty("excluded").GetInt32(), Exclusions(shortlist).Count());
        Assert.Equal("draft", shortlist.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_specification_with_bad_weights_or_values_is_refused_by_field_and_nothing_is_stored()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var before = await commissioner.GetFromJsonAsync<JsonElement>($"/api/commissioners/{OtherCommissioner}/specifications");

        var gateWeighted = await commissioner.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["weights"] = new Dictionary<string, int> { ["dspt"] = 5, ["no-such-criterion"] = 1 }));
        var allZero = await commissioner.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["weights"] = TemplateCriteria.ToDictionary(c => c, _ => 0)));
        var wrongValue = await commissioner.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["values"] = new Dictionary<string, object> { ["lead-time"] = "soon", ["conditions"] = new[] { "not-a-condition" } }));
        var fractional = await commissioner.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["weights"] = new Dictionary<string, double> { ["price"] = 2.5 }));
        var unknownVersion = await commissioner.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["templateVersion"] = 9));
        var after = await commissioner.GetFromJsonAsync<JsonElement>($"/api/commissioners/{OtherCommissioner}/specifications");

        var errors = (await ProblemAssert.IsProblemAsync(gateWeighted, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("weights.dspt", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("weights.no-such-criterion", out _), errors.GetRawText());
        Assert.True((await ProblemAssert.IsProblemAsync(allZero, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("weights", out _));
        var valueErrors = (await ProblemAssert.IsProblemAsync(wrongValue, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.True(valueErrors.TryGetProperty("values.lead-time", out _), valueErrors.GetRawText());
        Assert.True(valueErrors.TryGetProperty("values.conditions", out _) || valueErrors.EnumerateObject().Any(p => p.Name.StartsWith("values.conditions", StringComparison.Ordinal)), valueErrors.GetRawText());
        await ProblemAssert.IsProblemAsync(fractional, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True((await ProblemAssert.IsProblemAsync(unknownVersion, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("templateVersion", out _));
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }

    /// <summary>The telehealth template's requirement texts by id, as the API gives them.</summary>
    internal static async Task<Dictionary<string, string>> RequirementTextsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/templates/telehealth-remote-monitoring?version=4")).GetProperty("template").GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("requirements").EnumerateArray())
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("text").GetString()!);

    private static readonly string[] TemplateCriteria =
        ["dashboard-and-alerts", "reminders-and-symptoms", "fhir", "gp-integration", "hscn", "hosting-and-exit", "cyber-essentials-plus", "iso27001", "wcag", "lead-time", "social-value", "price"];

    [Fact]
    public async Task Only_the_owning_commissioner_reads_or_changes_a_specification_and_every_change_is_audited()
    {
        using var owner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var other = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var (created, etag) = await CreateSpecificationAsync(owner, TelehealthBody());
        var id = created.GetProperty("id").GetString()!;

        var otherRead = await other.GetAsync($"/api/specifications/{id}");
        var blind = await owner.PutAsJsonAsync($"/api/specifications/{id}", TelehealthBody(b => b["volume"] = 500));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/specifications/{id}") { Content = JsonContent.Create(TelehealthBody(b => b["volume"] = 500)) };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var changed = await owner.SendAsync(put);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/specifications/{id}") { Content = JsonContent.Create(TelehealthBody(b => b["volume"] = 600)) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var lost = await owner.SendAsync(stale);
        using var garbled = new HttpRequestMessage(HttpMethod.Put, $"/api/specifications/{id}") { Content = JsonContent.Create(TelehealthBody(b => b["volume"] = 700)) };
        garbled.Headers.TryAddWithoutValidation("If-Match", "\"not-an-etag\"");
        var typo = await owner.SendAsync(garbled);
        var history = await owner.GetFromJsonAsync<JsonElement>($"/api/specifications/{id}/history");

        await ProblemAssert.IsProblemAsync(otherRead, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(blind, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await ProblemAssert.IsProblemAsync(lost, HttpStatusCode.PreconditionFailed, "stale-etag");
        await ProblemAssert.IsProblemAsync(typo, HttpStatusCode.PreconditionFailed, "stale-etag");
        Assert.Equal(500, (await owner.GetFromJsonAsync<JsonElement>($"/api/specifications/{id}")).GetProperty("volume").GetInt32());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["create", "update"], events.Select(e => e.GetProperty("action").GetString()));
        Assert.Contains("volume 400 → 500", events[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(events, e => Assert.Equal(Commissioner, e.GetProperty("actorOrganisationId").GetString()));
    }

    [Fact]
    public async Task A_locked_shortlist_keeps_its_results_and_hash_when_suppliers_change_their_listings_and_attestations()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!, maxResults: 3);
        var id = draft.GetProperty("id").GetString()!;

        var (locked, lockedETag) = await LockAsync(commissioner, id, etag);
        var relock = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/lock", lockedETag);
        var hash = locked.GetProperty("lock").GetProperty("sha256").GetString()!;

        // The top supplier renames its offering and its DCB0129 is revoked after the lock.
        var top = Entries(locked).First();
        var tables = App.Services.GetRequiredService<CatalogueTables>();
        var offering = (await tables.Offerings.FindAsync(top.GetProperty("offeringId").GetString()!, CancellationToken.None))!.Document;
        await tables.Offerings.WriteAsync(offering.Id, offering with { Name = "Renamed after the lock", Price = offering.Price with { AmountGbp = offering.Price.AmountGbp * 3 } }, CancellationToken.None);
        await foreach (var attestation in tables.Attestations.ListAsync($"SupplierId eq '{offering.SupplierId}'", CancellationToken.None))
        {
            await tables.Attestations.WriteAsync(attestation.Id, attestation with { Status = "revoked", Reason = "test" }, CancellationToken.None);
        }
        var later = await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}");
        var verified = await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}/verify");

        Assert.Equal(3, Entries(locked).Count());
        Assert.Matches("^[0-9a-f]{64}$", hash);
        await ProblemAssert.IsProblemAsync(relock, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(Entries(locked).Select(e => e.GetRawText()), Entries(later).Select(e => e.GetRawText()));
        Assert.Equal(top.GetProperty("offeringName").GetString(), Entries(later).First().GetProperty("offeringName").GetString());
        Assert.True(verified.GetProperty("reproduced").GetBoolean());
        Assert.Equal(hash, verified.GetProperty("rescoredSha256").GetString());
        Assert.Equal(hash, later.GetProperty("lock").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task An_empty_shortlist_cannot_be_locked()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        // No telehealth offering lists the telecoaching lot.
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody(b => b["lotId"] = "ttc-2026-lot-5"));
        var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!);

        var refused = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{draft.GetProperty("id").GetString()}/lock", etag);

        Assert.Empty(Entries(draft));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "conflict");
        Assert.Equal("shortlist-empty", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_outcome_is_recorded_once_only_from_a_locked_shortlist_and_a_direct_award_only_to_rank_1_after_the_award_checks()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!, maxResults: 2);
        var id = draft.GetProperty("id").GetString()!;
        var first = Entries(draft).First();
        var second = Entries(draft).ElementAt(1);
        object Award(string offering, string method = "direct-award") => new Dictionary<string, object?>
        {
            ["result"] = "awarded", ["offeringId"] = offering, ["valueGbp"] = 182400, ["startDate"] = "2027-04-01", ["endDate"] = "2030-03-31", ["method"] = method,
        };

        var fromDraft = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", etag, Award(first.GetProperty("offeringId").GetString()!));
        var (_, lockedETag) = await LockAsync(commissioner, id, etag);
        var notListed = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", lockedETag, Award("off-000228"));
        var secondRanked = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", lockedETag, Award(second.GetProperty("offeringId").GetString()!));
        var competedByForm = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", lockedETag, Award(first.GetProperty("offeringId").GetString()!, "further-competition"));
        var withoutChecks = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", lockedETag, Award(first.GetProperty("offeringId").GetString()!));
        var checks = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/award-checks", lockedETag, AwardChecksBody());
        var awarded = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", checks.Headers.ETag!.ToString(), Award(first.GetProperty("offeringId").GetString()!));
        var awardedBody = await awarded.Content.ReadFromJsonAsync<JsonElement>();
        var twice = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", awarded.Headers.ETag!.ToString(),
            new { result = "cancelled", reason = "Changed our mind." });
        var history = await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}/history");
        var mine = await commissioner.GetFromJsonAsync<JsonElement>($"/api/commissioners/{Commissioner}/shortlists");

        Assert.Equal("shortlist-not-locked", (await ProblemAssert.IsProblemAsync(fromDraft, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        Assert.True((await ProblemAssert.IsProblemAsync(notListed, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("offeringId", out _));
        var rank2 = (await ProblemAssert.IsProblemAsync(secondRanked, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").GetProperty("offeringId")[0].GetString();
        Assert.Contains("ranked 2", rank2, StringComparison.Ordinal);
        Assert.True((await ProblemAssert.IsProblemAsync(competedByForm, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("method", out _));
        Assert.Equal("award-checks-missing", (await ProblemAssert.IsProblemAsync(withoutChecks, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, checks.StatusCode);
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        var outcome = awardedBody.GetProperty("outcome");
        Assert.Equal(("awarded", 1, first.GetProperty("supplierId").GetString(), "direct-award", "procurement-act-framework"),
            (outcome.GetProperty("result").GetString(), outcome.GetProperty("rank").GetInt32(), outcome.GetProperty("supplierId").GetString(),
             outcome.GetProperty("process").GetString(), outcome.GetProperty("regime").GetString()));
        Assert.Equal("outcome-already-recorded", (await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        Assert.Equal(["create", "lock", "award-checks", "outcome"], history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var summary = mine.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        Assert.Equal(("locked", "awarded"), (summary.GetProperty("status").GetString(), summary.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task No_call_off_is_awarded_under_an_expired_framework_or_to_a_supplier_no_longer_admitted_to_the_lot()
    {
        await using var app = await MarketplaceApp.StartAsync();
        await app.Services.GetRequiredService<CatalogueImport>().RunAsync(Marketplace.Testing.RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        var tables = app.Services.GetRequiredService<CatalogueTables>();
        var renewed = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        await foreach (var attestation in tables.Attestations.ListAsync("Status eq 'verified'", CancellationToken.None))
        {
            await tables.Attestations.WriteAsync(attestation.Id, attestation with { ExpiresOn = renewed }, CancellationToken.None);
        }
        await app.RecordsEditedAsync();
        using var commissioner = await app.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        async Task<(string Id, string ETag, string Offering, string Supplier)> LockedAsync()
        {
            var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
            var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!, maxResults: 1);
            var (locked, lockedETag) = await LockAsync(commissioner, draft.GetProperty("id").GetString()!, etag);
            var top = Entries(locked).Single();
            return (locked.GetProperty("id").GetString()!, lockedETag, top.GetProperty("offeringId").GetString()!, top.GetProperty("supplierId").GetString()!);
        }
        var award = (string offering) => new { result = "awarded", offeringId = offering, valueGbp = 99000, startDate = "2027-01-01", endDate = "2028-12-31", method = "direct-award" };
        var a = await LockedAsync();
        var b = await LockedAsync();
        var framework = (await tables.Frameworks.FindAsync("ttc-2026", CancellationToken.None))!.Document;

        await tables.Frameworks.WriteAsync(framework.Id, framework with
        {
            Lots = [.. framework.Lots.Select(l => l with { Suppliers = [.. l.Suppliers.Where(s => s != a.Supplier)] })],
        }, CancellationToken.None);
        var notAdmitted = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{a.Id}/outcome", a.ETag, award(a.Offering));
        await tables.Frameworks.WriteAsync(framework.Id, framework with { Status = "expired", Dates = framework.Dates with { Expires = new DateOnly(2026, 3, 31) } }, CancellationToken.None);
        var expired = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{b.Id}/outcome", b.ETag, award(b.Offering));
        var noneSuitable = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{b.Id}/outcome", b.ETag, new { result = "none-suitable", reason = "The framework expired before award." });

        Assert.Equal("supplier-not-admitted", (await ProblemAssert.IsProblemAsync(notAdmitted, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        Assert.Equal("framework-not-live", (await ProblemAssert.IsProblemAsync(expired, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, noneSuitable.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_is_rfc_4180_with_a_points_column_per_criterion_and_the_exclusions_with_reasons()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (draft, _) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!);

        var response = await commissioner.GetAsync($"/api/shortlists/{draft.GetProperty("id").GetString()}/export?format=csv");
        var text = await response.Content.ReadAsStringAsync();
        var bad = await commissioner.GetAsync($"/api/shortlists/{draft.GetProperty("id").GetString()}/export?format=xlsx");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"shortlist-{draft.GetProperty("id").GetString()}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = Rfc4180.Parse(text);
        var header = rows[0];
        Assert.Equal(["status", "rank", "offering_id", "offering", "supplier_id", "supplier", "total", "whole_life_cost_gbp", "within_budget"], header.Take(9));
        Assert.Equal(9 + 12 + 1, header.Count);
        // Criteria are headed by their text, never their id alone.
        var texts = await RequirementTextsAsync(commissioner);
        Assert.Contains($"{texts["price"]} (weight 30)", header);
        Assert.Equal(TemplateCriteria.Select(c => texts[c]), header.Skip(9).SkipLast(1).Select(h => h[..h.LastIndexOf(" (weight ", StringComparison.Ordinal)]));
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        var listed = rows.Skip(1).Where(r => r[0] == "listed").ToList();
        var excluded = rows.Skip(1).Where(r => r[0] == "excluded").ToList();
        Assert.Equal(Entries(draft).Count(), listed.Count);
        Assert.Equal(Exclusions(draft).Count(), excluded.Count);
        var first = Entries(draft).First();
        Assert.Equal(first.GetProperty("total").GetDouble(), double.Parse(listed[0][6], System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.All(excluded, r => Assert.False(string.IsNullOrEmpty(r[^1])));
        Assert.Contains(excluded, r => r[4] == "gower-virtual-care" && r[^1].Contains("region", StringComparison.Ordinal));
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task The_ocds_export_validates_against_the_ocds_1_1_release_package_schema_with_the_award_and_configured_ocid_prefix()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (draft, etag) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!, maxResults: 4);
        var id = draft.GetProperty("id").GetString()!;
        var (locked, lockedETag) = await LockAsync(commissioner, id, etag);
        var top = Entries(locked).First();
        var checks = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/award-checks", lockedETag, AwardChecksBody());
        var awarded = await PostWithIfMatchAsync(commissioner, $"/api/shortlists/{id}/outcome", checks.Headers.ETag!.ToString(),
            new { result = "awarded", offeringId = top.GetProperty("offeringId").GetString(), valueGbp = 150000.50, startDate = "2027-04-01", endDate = "2030-03-31", method = "direct-award" });
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);

        var package = JsonNode.Parse(await commissioner.GetStringAsync($"/api/shortlists/{id}/export?format=ocds"))!;
        var schema = await OcdsSchema.LoadAsync();

        Assert.Empty(schema.Validate(package.ToJsonString()));
        Assert.Empty(Marketplace.Functions.Tests.CallOffs.OcdsReader.Problems(package));
        var release = package["releases"]![0]!;
        Assert.Equal($"{ShortlistingApp.OcidPrefix}-{id}", release["ocid"]!.GetValue<string>());
        Assert.Equal("award", release["tag"]![0]!.GetValue<string>());
        // A direct award is made without competition; telehealth products are goods, classified by CPV.
        Assert.Equal(("limited", "goods"), (release["tender"]!["procurementMethod"]!.GetValue<string>(), release["tender"]!["mainProcurementCategory"]!.GetValue<string>()));
        // The award criteria read as the buyer published them, in words, never the template's ids.
        var criteriaDetails = release["tender"]!["awardCriteriaDetails"]!.GetValue<string>();
        var texts = await RequirementTextsAsync(commissioner);
        Assert.Contains($"{texts["dashboard-and-alerts"]} (weight 18)", criteriaDetails);
        Assert.Contains(texts["mhra"], criteriaDetails);
        Assert.DoesNotContain("dashboard-and-alerts", criteriaDetails);
        Assert.All(release["tender"]!["items"]!.AsArray(), i => Assert.Equal("CPV", i!["classification"]!["scheme"]!.GetValue<string>()));
        Assert.Contains(release["parties"]!.AsArray(), p => p!["identifier"]?["scheme"]?.GetValue<string>() == "GB-COH");
        Assert.Equal(top.GetProperty("supplierId").GetString(), release["awards"]![0]!["suppliers"]![0]!["id"]!.GetValue<string>());
        // Ranked catalogue listings were never tendered: no bids, no tenderers; the parties are the buyer and the winner.
        Assert.Null(release["bids"]);
        Assert.Null(release["tender"]!["tenderers"]);
        Assert.Equal([(Commissioner, "buyer"), (top.GetProperty("supplierId").GetString()!, "supplier")],
            release["parties"]!.AsArray().Select(p => (p!["id"]!.GetValue<string>(), p["roles"]![0]!.GetValue<string>())));
        Assert.Equal("framework", release["relatedProcesses"]![0]!["relationship"]![0]!.GetValue<string>());
        Assert.Contains(release["parties"]!.AsArray(), p => p!["id"]!.GetValue<string>() == Commissioner && p["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "buyer"));

        // The same package without its ocid is not a valid release package.
        release.AsObject().Remove("ocid");
        var errors = schema.Validate(package.ToJsonString());
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.ToString().Contains("ocid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_NHS_commissioner_gives_social_value_at_least_10_percent_of_the_weight_and_a_council_need_not()
    {
        using var icb = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var council = await App.ClientForAsync(MarketplaceRole.Commissioner, "calderbrook-metropolitan-borough-council");
        // The template's defaults sum to 100: social value 5 of 95 is 5.26 %.
        var low = TelehealthBody(b => b["weights"] = new Dictionary<string, int> { ["price"] = 30, ["social-value"] = 5 });
        var before = await icb.GetFromJsonAsync<JsonElement>($"/api/commissioners/{Commissioner}/specifications");

        var refused = await icb.PostAsJsonAsync("/api/specifications", low);
        var accepted = await council.PostAsJsonAsync("/api/specifications", low);
        var atTen = await icb.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["weights"] = new Dictionary<string, int> { ["price"] = 30, ["social-value"] = 10 }));
        var after = await icb.GetFromJsonAsync<JsonElement>($"/api/commissioners/{Commissioner}/specifications");

        var errors = (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.Equal(["weights.social-value"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("10 % or more of the total weight; it is 5.26 %", errors.GetProperty("weights.social-value")[0].GetString(), StringComparison.Ordinal);
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        Assert.True(atTen.StatusCode == HttpStatusCode.Created, await atTen.Content.ReadAsStringAsync());
        Assert.Equal(before.GetArrayLength() + 1, after.GetArrayLength());
    }

    [Fact]
    public async Task A_price_weight_above_the_templates_largest_share_or_a_category_outside_the_template_is_refused_by_field()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (created, etag) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var id = created.GetProperty("id").GetString()!;

        // Price 80 of 160 is 50 %; the template allows at most 40 %.
        var dear = await commissioner.PostAsJsonAsync("/api/specifications", TelehealthBody(b => b["weights"] = new Dictionary<string, int> { ["price"] = 80, ["social-value"] = 20 }));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/specifications/{id}")
        {
            Content = JsonContent.Create(TelehealthBody(b => b["values"] = new Dictionary<string, object> { ["category"] = new[] { "remote-monitoring-platform", "video-consultation" } })),
        };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var widened = await commissioner.SendAsync(put);

        var price = (await ProblemAssert.IsProblemAsync(dear, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.Equal(["weights.price"], price.EnumerateObject().Select(e => e.Name));
        Assert.Equal("price may be at most 40 % of the total weight; it is 50 %", price.GetProperty("weights.price")[0].GetString());
        var category = (await ProblemAssert.IsProblemAsync(widened, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.Equal(["values.category"], category.EnumerateObject().Select(e => e.Name));
        Assert.Equal(created.GetProperty("updatedAt").GetString(), (await commissioner.GetFromJsonAsync<JsonElement>($"/api/specifications/{id}")).GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task A_specification_stored_on_a_template_version_with_a_retired_rule_is_told_which_version_to_move_to_never_a_500()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        // A template whose version 1 was published before free-text matching was retired, and whose version 2 is today's
        // telecare template; and a specification stored on version 1 then. Neither could be written through the API now.
        var templates = App.Services.GetRequiredService<ITemplates>();
        var current = (await templates.VersionsOfAsync("telecare-products", CancellationToken.None))[^1];
        var hosting = new Requirement { Id = "hosting", Text = "Hosted in UK data centres.", Kind = RequirementKind.Criterion, Rule = new FeaturePresentRule("UK data centres"), DefaultWeight = 1 };
        Assert.True(await templates.AddAsync(current with { Id = "legacy-telecare", Version = 1, Sections = [new TemplateSection { Id = "all", Title = "All", Requirements = [hosting] }] },
            CancellationToken.None));
        Assert.True(await templates.AddAsync(current with { Id = "legacy-telecare", Version = 2 }, CancellationToken.None));
        var stored = new SpecificationDocument
        {
            Id = "spec-legacy-0001", CommissionerId = Commissioner, Title = "Telecare before the switchover", TemplateId = "legacy-telecare", TemplateVersion = 1,
            LotId = "ttc-2026-lot-1", Region = "north-west", Volume = 500, ContractMonths = 36,
        };
        await App.Services.GetRequiredService<ICommissionerRecords<SpecificationDocument>>().AddAsync(stored,
            new Marketplace.Core.Audit.AuditEvent
            {
                Id = "evt-legacy-0001", SubjectKind = ShortlistSubjects.Specification, SubjectId = stored.Id, Action = "create", To = "draft", At = DateTimeOffset.UtcNow,
                ActorUserId = "legacy-import", ActorRole = nameof(MarketplaceRole.Commissioner),
            },
            CancellationToken.None);

        var response = await commissioner.PostAsync($"/api/specifications/{stored.Id}/shortlist", null);

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.Equal(["templateVersion"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("version 1 of template 'legacy-telecare' can no longer be filled in or scored (retired: free text never scores; use capability-declared): " +
            "move this specification to version 2", errors.GetProperty("templateVersion")[0].GetString());
    }
}
