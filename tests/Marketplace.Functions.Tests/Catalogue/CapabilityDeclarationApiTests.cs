using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Tests.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Catalogue;

/// <summary>
/// Capability declarations over HTTP on offerings each test lists itself: the listing API's rules by field, the dates
/// and evidence the marketplace keeps, versions and audit, evidence files (with the blob container listed to prove
/// nothing half-written stays), read links per role, and suggestions.
/// </summary>
public sealed class CapabilityDeclarationApiTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Supplier = "downs-careline-systems";
    private const string OtherSupplier = "pennine-careline-services";
    private static readonly DateOnly LastYear = new(2025, 3, 14);

    private MarketplaceApp App => seeded.App;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static JsonObject Listing(params object[] capabilities) => JsonSerializer.SerializeToNode(new
    {
        kind = "product",
        name = "Downs Vitals Platform",
        summary = "Remote monitoring platform for heart failure and COPD.",
        description = "Readings reach a web dashboard for the community team, with a morning questionnaire.",
        category = "remote-monitoring-platform",
        conditions = new[] { "heart-failure", "copd" },
        features = new[] { "trend charts" },
        interoperability = Array.Empty<string>(),
        connectivity = "digital",
        regions = new[] { "north-west" },
        price = new { model = "per-patient-per-month", amountGbp = 38.5m },
        leadTimeDays = 21,
        lots = Array.Empty<string>(),
        outcomeEvidence = Array.Empty<object>(),
        accessibilityStatement = "WCAG 2.2 AA audited in 2026.",
        capabilities,
    })!.AsObject();

    private static object Dashboard(string statement = "Web dashboard with trend charts, used by 40 community teams.") =>
        new { capability = "clinician-dashboard", statement };

    private static object ReviewTime(int minutes) =>
        new { capability = "alert-review-time", statement = "Red alerts are reviewed by a band 6 nurse.", value = minutes };

    private Task<HttpClient> SupplierAsync(string organisation = Supplier) => App.ClientForAsync(MarketplaceRole.Supplier, organisation);

    private async Task<(Offering Offering, string ETag)> CreateAsync(JsonObject listing)
    {
        using var supplier = await SupplierAsync();
        var created = await supplier.PostAsJsonAsync("/api/offerings", listing);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web))!, created.Headers.ETag!.ToString());
    }

    private static HttpRequestMessage Put(string id, JsonNode body, string? etag) => WithIfMatch(new(HttpMethod.Put, $"/api/offerings/{id}") { Content = JsonContent.Create(body) }, etag);

    private static HttpRequestMessage Upload(string id, string capability, byte[] bytes, string? etag) =>
        WithIfMatch(new(HttpMethod.Put, $"/api/offerings/{id}/capabilities/{capability}/evidence") { Content = new ByteArrayContent(bytes) }, etag);

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, string? etag)
    {
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return request;
    }

    private async Task<JsonNode> ReadAsync(string id) => JsonNode.Parse(await App.CreateClient().GetStringAsync($"/api/offerings/{id}"))!;

    private Task<IReadOnlyList<AuditEvent>> AuditOfAsync(string id) => App.Services.GetRequiredService<IAuditLog>().ReadAsync(Offering.SubjectKind, id, CancellationToken.None);

    private async Task<List<string>> BlobsOfAsync(string offeringId)
    {
        var container = App.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(App.Names.EvidenceContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{Supplier}/{offeringId}/" }))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    [Fact]
    public async Task A_listing_declares_capabilities_dated_by_the_marketplace_and_its_GET_body_goes_back_unchanged()
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard(), ReviewTime(30)));

        Assert.Equal([("clinician-dashboard", null, Today), ("alert-review-time", 30, Today)],
            offering.Capabilities.Select(d => (d.Capability, d.Value, d.DeclaredOn!.Value)));
        using var supplier = await SupplierAsync();
        var sentBack = await supplier.SendAsync(Put(offering.Id, await ReadAsync(offering.Id), etag));
        Assert.True(sentBack.StatusCode == HttpStatusCode.OK, await sentBack.Content.ReadAsStringAsync());
        var audit = await AuditOfAsync(offering.Id);
        Assert.Equal([("create", "Capabilities added: clinician-dashboard, alert-review-time."), ("replace", null)], audit.Select(e => (e.Action, e.Detail)));
    }

    [Fact]
    public async Task A_change_is_a_new_version_dating_only_what_changed_and_its_audit_names_the_capabilities_added_changed_and_withdrawn()
    {
        var (offering, _) = await CreateAsync(Listing(Dashboard(), ReviewTime(30), new { capability = "symptom-questions", statement = "Five configurable questions each morning." }));
        // As if declared last year: an unchanged declaration keeps that date.
        var tables = App.Services.GetRequiredService<CatalogueTables>();
        var aged = await tables.Offerings.WriteAsync(offering.Id, offering with { Capabilities = [.. offering.Capabilities.Select(d => d with { DeclaredOn = LastYear })] });
        var body = await ReadAsync(offering.Id);
        var capabilities = body["capabilities"]!.AsArray();
        capabilities[1]!["value"] = 15;
        capabilities.RemoveAt(2);
        capabilities.Add(JsonSerializer.SerializeToNode(new { capability = "missed-reading-reminders", statement = "Texts the patient at 11am when no reading is in." }));
        using var supplier = await SupplierAsync();

        var changed = await supplier.SendAsync(Put(offering.Id, body, aged.ETag));

        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var stored = (await changed.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web))!;
        Assert.Equal([("clinician-dashboard", LastYear), ("alert-review-time", Today), ("missed-reading-reminders", Today)],
            stored.Capabilities.Select(d => (d.Capability, d.DeclaredOn!.Value)));
        var history = await tables.Offerings.HistoryAsync(offering.Id, CancellationToken.None);
        Assert.Equal(["symptom-questions"], history[^1].Capabilities.Select(d => d.Capability).Except(stored.Capabilities.Select(d => d.Capability)));
        var audited = (await AuditOfAsync(offering.Id))[^1];
        Assert.Equal(("replace", Supplier, "Capabilities added: missed-reading-reminders; changed: alert-review-time; withdrawn: symptom-questions."),
            (audited.Action, audited.ActorOrganisationId, audited.Detail));
    }

    [Fact]
    public async Task Each_declaration_rule_is_a_400_naming_its_field_and_nothing_changes()
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard()));
        using var supplier = await SupplierAsync();

        async Task<JsonElement> RefusedAsync(JsonNode body)
        {
            var problem = await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Put(offering.Id, body, etag)), HttpStatusCode.BadRequest, "validation-failed");
            return problem.GetProperty("errors");
        }

        var twice = await RefusedAsync(Listing(Dashboard(), ReviewTime(30), Dashboard("Another statement about the dashboard.")));
        Assert.Equal(["capabilities[2].capability"], twice.EnumerateObject().Select(p => p.Name));
        var figures = await RefusedAsync(Listing(new { capability = "alert-review-time", statement = "Red alerts are reviewed by a nurse." },
            new { capability = "clinician-dashboard", statement = "Web dashboard with trend charts.", value = 1 }));
        Assert.Equal(["capabilities[0].value", "capabilities[1].value"], figures.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Clinician dashboard is a yes/no capability: it takes no figure.", figures.GetProperty("capabilities[1].value")[0].GetString());
        var redated = await ReadAsync(offering.Id);
        redated["capabilities"]![0]!["declaredOn"] = "2020-01-01";
        redated["capabilities"]![0]!["evidence"] = JsonSerializer.SerializeToNode(new { fileName = "forged.pdf", contentType = "application/pdf", sizeBytes = 10, sha256 = new string('0', 64) });
        Assert.Equal(["capabilities[0].declaredOn", "capabilities[0].evidence"], (await RefusedAsync(redated)).EnumerateObject().Select(p => p.Name));
        // The schema checks the shape before the rules: a capability outside the vocabulary, a statement too short or a figure out of range.
        var shape = await RefusedAsync(Listing(new { capability = "teleportation", statement = "Beams the patient to A&E." },
            new { capability = "video-sessions", statement = "Video." }, ReviewTime(10_001)));
        Assert.Equal(["$.capabilities[0].capability", "$.capabilities[1].statement", "$.capabilities[2].value"], shape.EnumerateObject().Select(p => p.Name).Order());

        var after = await App.CreateClient().GetAsync($"/api/offerings/{offering.Id}");
        Assert.Equal(etag, after.Headers.ETag!.ToString());
        Assert.Empty(await App.Services.GetRequiredService<CatalogueTables>().Offerings.HistoryAsync(offering.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Evidence_is_stored_privately_with_its_hash_as_a_new_version_and_read_through_a_short_link()
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard(), ReviewTime(30)));
        using var supplier = await SupplierAsync();

        var uploaded = await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Pdf, etag));
        var again = await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Pdf, uploaded.Headers.ETag!.ToString()));

        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var sha = Convert.ToHexStringLower(SHA256.HashData(AttestationCalls.Pdf));
        var file = new EvidenceFile($"clinician-dashboard-{sha[..16]}.pdf", "application/pdf", AttestationCalls.Pdf.Length, sha);
        var stored = (await uploaded.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web))!;
        Assert.Equal([file, null], stored.Capabilities.Select(d => d.Evidence));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(uploaded.Headers.ETag, again.Headers.ETag);
        Assert.Equal([$"{Supplier}/{offering.Id}/{file.FileName}"], await BlobsOfAsync(offering.Id));
        Assert.Single(await App.Services.GetRequiredService<CatalogueTables>().Offerings.HistoryAsync(offering.Id, CancellationToken.None));
        var audited = (await AuditOfAsync(offering.Id))[^1];
        Assert.Equal(("upload-capability-evidence", sha), (audited.Action, audited.EvidenceSha256.Single()));

        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb");
        var before = DateTimeOffset.UtcNow;
        var link = JsonDocument.Parse(await commissioner.GetStringAsync($"/api/offerings/{offering.Id}/capabilities/clinician-dashboard/evidence")).RootElement;
        Assert.InRange(link.GetProperty("expiresOn").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddMinutes(15));
        using var http = new HttpClient();
        Assert.Equal(AttestationCalls.Pdf, await http.GetByteArrayAsync(link.GetProperty("url").GetString()));
        await ProblemAssert.IsProblemAsync(await commissioner.GetAsync($"/api/offerings/{offering.Id}/capabilities/alert-review-time/evidence"),
            HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Evidence_needs_the_offerings_version_a_length_a_declared_capability_and_a_real_file_and_a_refusal_leaves_nothing()
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard()));
        using var supplier = await SupplierAsync();
        var big = new byte[EvidenceRules.MaxBytes + 1];
        AttestationCalls.Pdf.CopyTo(big, 0);
        var chunked = Upload(offering.Id, "clinician-dashboard", [], etag);
        chunked.Content = new UnknownLengthContent(AttestationCalls.Pdf);
        chunked.Headers.TransferEncodingChunked = true;

        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Pdf, null)),
            HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Pdf, "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"")),
            HttpStatusCode.PreconditionFailed, "stale-etag");
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(chunked), HttpStatusCode.LengthRequired, "length-required");
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Upload(offering.Id, "video-sessions", AttestationCalls.Pdf, etag)), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", big, etag)), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", "PK\u0003\u0004word/document.xml"u8.ToArray(), etag)),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", [], etag)), HttpStatusCode.BadRequest, "validation-failed");

        Assert.Empty(await BlobsOfAsync(offering.Id));
        Assert.Equal(etag, (await App.CreateClient().GetAsync($"/api/offerings/{offering.Id}")).Headers.ETag!.ToString());
        Assert.DoesNotContain(await AuditOfAsync(offering.Id), e => e.Action == "upload-capability-evidence");
    }

    [Fact]
    public async Task An_upload_that_loses_a_race_for_the_version_leaves_no_file()
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard(), ReviewTime(30)));
        using var supplier = await SupplierAsync();

        var answers = await Task.WhenAll(
            supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Pdf, etag)),
            supplier.SendAsync(Upload(offering.Id, "alert-review-time", AttestationCalls.Png, etag)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var stored = JsonSerializer.Deserialize<Offering>((await ReadAsync(offering.Id)).ToJsonString(), JsonSerializerOptions.Web)!;
        Assert.Equal(stored.Capabilities.Where(d => d.Evidence is not null).Select(d => $"{Supplier}/{offering.Id}/{d.Evidence!.FileName}"), await BlobsOfAsync(offering.Id));
    }

    [Fact]
    public async Task Search_keeps_the_offerings_declaring_every_capability_asked_for_and_follows_a_withdrawal_at_once()
    {
        var word = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var both = Listing(Dashboard(), ReviewTime(30));
        both["name"] = $"{word} platform";
        var dashboardOnly = Listing(Dashboard());
        dashboardOnly["name"] = $"{word} hub";
        var (first, etag) = await CreateAsync(both);
        var (second, _) = await CreateAsync(dashboardOnly);
        using var anonymous = App.CreateClient();
        async Task<(List<string> Ids, Dictionary<string, long> Capabilities)> SearchAsync(string capabilities)
        {
            var body = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/catalogue/search?q={word}&capability={capabilities}")).RootElement;
            return ([.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)],
                body.GetProperty("facets").GetProperty("capability").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt64()));
        }

        var dashboard = await SearchAsync("clinician-dashboard");
        var dashboardAndReview = await SearchAsync("clinician-dashboard,alert-review-time");
        using (var supplier = await SupplierAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(Put(first.Id, Listing(Dashboard()), etag))).StatusCode);
        }
        var afterWithdrawal = await SearchAsync("clinician-dashboard,alert-review-time");

        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), dashboard.Ids);
        Assert.Equal([first.Id], dashboardAndReview.Ids);
        Assert.Equal(new Dictionary<string, long> { ["clinician-dashboard"] = 1, ["alert-review-time"] = 1 }, dashboardAndReview.Capabilities);
        Assert.Empty(afterWithdrawal.Ids);
        var refused = await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/catalogue/search?capability=clinician-dashboard,"), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(refused.GetProperty("errors").TryGetProperty("capability", out _));
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData(MarketplaceRole.Supplier, Supplier, HttpStatusCode.OK)]
    [InlineData(MarketplaceRole.Supplier, OtherSupplier, HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Association, "northern-health-technology-network", HttpStatusCode.OK)]
    [InlineData(MarketplaceRole.Association, "abhi", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Certifier, "tec-quality", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb", HttpStatusCode.OK)]
    [InlineData(MarketplaceRole.Admin, null, HttpStatusCode.OK)]
    public async Task A_declarations_evidence_is_read_by_its_supplier_its_associations_commissioners_and_admins(MarketplaceRole? role, string? organisation, HttpStatusCode expected)
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard()));
        using (var supplier = await SupplierAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Png, etag))).StatusCode);
        }
        using var caller = role is { } r ? await App.ClientForAsync(r, organisation) : App.CreateClient();

        var response = await caller.GetAsync($"/api/offerings/{offering.Id}/capabilities/clinician-dashboard/evidence");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData(MarketplaceRole.Supplier, Supplier, HttpStatusCode.OK)]
    [InlineData(MarketplaceRole.Supplier, OtherSupplier, HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Association, "northern-health-technology-network", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Certifier, "tec-quality", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Admin, null, HttpStatusCode.Forbidden)]
    public async Task Only_the_owning_supplier_attaches_evidence(MarketplaceRole? role, string? organisation, HttpStatusCode expected)
    {
        var (offering, etag) = await CreateAsync(Listing(Dashboard()));
        using var caller = role is { } r ? await App.ClientForAsync(r, organisation) : App.CreateClient();

        var response = await caller.SendAsync(Upload(offering.Id, "clinician-dashboard", AttestationCalls.Pdf, etag));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, (await BlobsOfAsync(offering.Id)).Count);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData(MarketplaceRole.Supplier, Supplier, HttpStatusCode.OK)]
    [InlineData(MarketplaceRole.Supplier, OtherSupplier, HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Association, "northern-health-technology-network", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Certifier, "tec-quality", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb", HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Admin, null, HttpStatusCode.OK)]
    public async Task Suggestions_are_for_the_owning_supplier_and_admins(MarketplaceRole? role, string? organisation, HttpStatusCode expected)
    {
        var (offering, _) = await CreateAsync(Listing(ReviewTime(30)));
        using var caller = role is { } r ? await App.ClientForAsync(r, organisation) : App.CreateClient();

        var response = await caller.GetAsync($"/api/offerings/{offering.Id}/capability-suggestions");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var suggestions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                .Select(s => (s.GetProperty("capability").GetString(), s.GetProperty("hint").GetString(), s.GetProperty("foundIn").GetString())).ToList();
            Assert.Contains(("clinician-dashboard", "dashboard", "description"), suggestions);
            Assert.Contains(("symptom-questions", "questionnaire", "description"), suggestions);
            Assert.DoesNotContain(suggestions, s => s.Item1 == "alert-review-time");
            // A suggestion is never a declaration.
            Assert.Equal(["alert-review-time"], (await ReadAsync(offering.Id))["capabilities"]!.AsArray().Select(d => (string)d!["capability"]!));
        }
    }
}
