using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Attestations;

/// <summary>The attestation workflow over HTTP on the seeded catalogue: draft, evidence, submit, decide, search, history.</summary>
public sealed class AttestationWorkflowTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    // Seed facts: Downs Careline Systems belongs to the TEC Services Association and the Northern Health Technology
    // Network; A2D-READY (product/service, evidence required) is in the TSA's remit only; CQC (organisation) in every
    // association's. Downs holds neither on off-000001, nor CQC at all.
    private const string Supplier = "downs-careline-systems";
    private const string OtherSupplier = "pennine-careline-services";
    private const string Tsa = "tec-services-association";
    private const string Regional = "northern-health-technology-network";
    private const string TechUk = "techuk";

    private MarketplaceApp App => seeded.App;
    private AttestationCalls Calls => new(App);
    private ICatalogueSearch Search => App.Services.GetRequiredService<ICatalogueSearch>();

    [Fact]
    public async Task A_supplier_attests_its_association_validates_search_shows_it_revocation_removes_it_and_history_has_every_step()
    {
        var (draft, _) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000001");
        var uploaded = await Calls.UploadAsync(Supplier, draft.Id, "switchover-test-report.pdf", AttestationCalls.Pdf);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        using var supplier = await Calls.SupplierAsync(Supplier);
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", uploaded.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        using var validator = await Calls.ValidatorAsync(Tsa);
        var queue = JsonDocument.Parse(await validator.GetStringAsync($"/api/associations/{Tsa}/queue")).RootElement.GetProperty("attestations");
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("attestation").GetProperty("id").GetString() == draft.Id);
        var (seen, etag) = await Calls.GetAsync(validator, draft.Id);
        Assert.Equal(AttestationStatus.Submitted, seen.Status);
        Assert.DoesNotContain("A2D-READY", (await Search.FindAsync("off-000001"))!.VerifiedStandards);

        var verified = await validator.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag));

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var decided = await AttestationCalls.ReadAsync(verified);
        Assert.Equal(Tsa, decided.DecidedBy);
        Assert.NotNull(decided.DecidedAt);
        Assert.Contains("A2D-READY", (await Search.FindAsync("off-000001"))!.VerifiedStandards);
        Assert.DoesNotContain("A2D-READY", (await Search.FindAsync("off-000003"))?.VerifiedStandards ?? []);

        var revoked = await validator.SendAsync(AttestationCalls.Act(draft.Id, "revoke", verified.Headers.ETag!.ToString(), "The test house withdrew its report."));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.DoesNotContain("A2D-READY", (await Search.FindAsync("off-000001"))!.VerifiedStandards);
        var history = (await Calls.HistoryAsync(draft.Id)).EnumerateArray().ToList();
        Assert.Equal(["create", "upload-evidence", "submit", "verify", "revoke"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([null, "draft", "draft", "submitted", "verified"], history.Select(e => e.TryGetProperty("from", out var f) ? f.GetString() : null));
        Assert.Equal(["draft", "draft", "submitted", "verified", "revoked"], history.Select(e => e.GetProperty("to").GetString()));
        Assert.Equal(["Supplier", "Supplier", "Supplier", "Association", "Association"], history.Select(e => e.GetProperty("actorRole").GetString()));
        Assert.Equal([Supplier, Supplier, Supplier, Tsa, Tsa], history.Select(e => e.GetProperty("actorOrganisationId").GetString()));
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actorUserId").GetString())));
        Assert.Equal("The test house withdrew its report.", history[4].GetProperty("reason").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(AttestationCalls.Pdf)), history[1].GetProperty("evidenceSha256")[0].GetString());
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() <= p.Second.GetProperty("at").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Of_a_concurrent_validate_and_reject_exactly_one_wins_and_the_audit_shows_one_decision()
    {
        var (draft, _) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000002");
        var uploaded = await Calls.UploadAsync(Supplier, draft.Id, "report.pdf", AttestationCalls.Pdf);
        using var supplier = await Calls.SupplierAsync(Supplier);
        Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", uploaded.Headers.ETag!.ToString()))).StatusCode);
        using var first = await Calls.ValidatorAsync(Tsa);
        using var second = await Calls.ValidatorAsync(Tsa);
        var etag = await Calls.ETagAsync(draft.Id);

        var answers = await Task.WhenAll(
            first.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag)),
            second.SendAsync(AttestationCalls.Act(draft.Id, "reject", etag, "Certificate names another company.")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        await ProblemAssert.IsProblemAsync(answers.Single(a => a.StatusCode == HttpStatusCode.PreconditionFailed), HttpStatusCode.PreconditionFailed, "stale-etag");
        var winner = await AttestationCalls.ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        var history = (await Calls.HistoryAsync(draft.Id)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Single(history, a => a is "verify" or "reject");
        Assert.Equal(winner.Status == AttestationStatus.Verified ? "verify" : "reject", history[^1]);
    }

    [Fact]
    public async Task An_organisation_level_validation_reaches_every_active_offering_of_the_supplier_at_once()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "CQC", null);
        using var supplier = await Calls.SupplierAsync(Supplier);
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var regional = await Calls.ValidatorAsync(Regional);

        var verified = await regional.SendAsync(AttestationCalls.Act(draft.Id, "verify", submitted.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var offerings = Enumerable.Range(1, 13).Select(i => $"off-{i:D6}").ToList();
        Assert.All(await Search.FindEachAsync(offerings), found => Assert.Contains("CQC", found!.VerifiedStandards));
        Assert.DoesNotContain("CQC", (await Search.FindAsync("off-000014"))?.VerifiedStandards ?? []);
    }

    [Fact]
    public async Task An_action_the_status_does_not_allow_is_a_409_naming_the_status_and_the_allowed_actions()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000004");
        using var validator = await Calls.ValidatorAsync(Tsa);

        var response = await validator.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal("draft", problem.GetProperty("currentStatus").GetString());
        Assert.Equal(["submit"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Submitting_needs_evidence_when_the_standard_requires_it()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000005");
        using var supplier = await Calls.SupplierAsync(Supplier);

        var response = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "evidence-required");
        Assert.Equal("draft", (await Calls.GetAsync(supplier, draft.Id)).Attestation.Status);
    }

    [Fact]
    public async Task Actions_need_the_current_etag_and_rejections_a_reason()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "CQC", null, "CQC-1-000000001");
        using var supplier = await Calls.SupplierAsync(Supplier);
        using var validator = await Calls.ValidatorAsync(Tsa);

        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", null)), HttpStatusCode.PreconditionRequired, "precondition-required");
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(AttestationCalls.Act(draft.Id, "withdraw", etag)), HttpStatusCode.PreconditionFailed, "stale-etag");
        var noReason = await ProblemAssert.IsProblemAsync(
            await validator.SendAsync(AttestationCalls.Act(draft.Id, "reject", submitted.Headers.ETag!.ToString())), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var withdrawn = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "withdraw", submitted.Headers.ETag!.ToString()));
        Assert.Equal(AttestationStatus.Withdrawn, (await AttestationCalls.ReadAsync(withdrawn)).Status);
    }

    [Fact]
    public async Task Another_supplier_can_neither_read_nor_change_an_attestation()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "CQC", null, "CQC-1-000000002");
        using var other = await Calls.SupplierAsync(OtherSupplier);

        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/attestations/{draft.Id}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/attestations/{draft.Id}/history"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/suppliers/{Supplier}/attestations"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await other.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag)), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(AttestationStatus.Draft, (await Calls.GetAsync(await Calls.SupplierAsync(Supplier), draft.Id)).Attestation.Status);
    }

    [Fact]
    public async Task Only_a_validator_of_a_member_association_with_the_standard_in_its_remit_decides()
    {
        var (draft, _) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000007");
        var uploaded = await Calls.UploadAsync(Supplier, draft.Id, "report.pdf", AttestationCalls.Pdf);
        using var supplier = await Calls.SupplierAsync(Supplier);
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", uploaded.Headers.ETag!.ToString()));
        var etag = submitted.Headers.ETag!.ToString();
        using var techUk = await Calls.ValidatorAsync(TechUk);
        using var regional = await Calls.ValidatorAsync(Regional);

        await ProblemAssert.IsProblemAsync(await techUk.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await techUk.GetAsync($"/api/attestations/{draft.Id}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await regional.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag)), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await regional.GetAsync($"/api/attestations/{draft.Id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag)), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(AttestationStatus.Submitted, (await Calls.GetAsync(supplier, draft.Id)).Attestation.Status);
    }

    [Fact]
    public async Task A_queue_lists_only_members_submissions_in_remit_oldest_first_and_only_to_its_own_validators()
    {
        using var tsa = await Calls.ValidatorAsync(Tsa);
        using var techUk = await Calls.ValidatorAsync(TechUk);
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);
        using var supplier = await Calls.SupplierAsync(Supplier);
        var pair = new[] { await Calls.CreateAsync(Supplier, "CQC", null, "CQC-A"), await Calls.CreateAsync(Supplier, "CQC", null, "CQC-B") };
        // Submit the later id first, so submission order and id order disagree.
        var (earlier, later) = string.CompareOrdinal(pair[0].Attestation.Id, pair[1].Attestation.Id) > 0 ? (pair[0], pair[1]) : (pair[1], pair[0]);
        Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(AttestationCalls.Act(earlier.Attestation.Id, "submit", earlier.ETag))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(AttestationCalls.Act(later.Attestation.Id, "submit", later.ETag))).StatusCode);

        var queue = JsonDocument.Parse(await tsa.GetStringAsync($"/api/associations/{Tsa}/queue")).RootElement.GetProperty("attestations").EnumerateArray().ToList();

        // Seed: TSA members' submitted TSA-QSF, A2D-READY and EN50134 attestations (att-000032, 033, 035, 045, 094, 103) are all queued there.
        Assert.Superset(new HashSet<string?> { "att-000032", "att-000033", "att-000035", "att-000045", "att-000094", "att-000103" },
            queue.Select(q => q.GetProperty("attestation").GetProperty("id").GetString()).ToHashSet());
        Assert.All(queue, q => Assert.Equal("submitted", q.GetProperty("attestation").GetProperty("status").GetString()));
        Assert.All(queue, q => Assert.Contains(q.GetProperty("attestation").GetProperty("standardCode").GetString(),
            new[] { "TSA-QSF", "BS8521-1", "BS8521-2", "EN50134", "SCAIP", "EN50518", "A2D-READY", "CQC" }));
        // A TSA member's ICO-REG submission is techUK's to decide; a non-member's WCAG21-AA is nobody's at the TSA.
        Assert.DoesNotContain(queue, q => q.GetProperty("attestation").GetProperty("id").GetString() is "att-000088" or "att-000061");
        var submittedAt = queue.Select(q => q.GetProperty("attestation").GetProperty("submittedAt") is { ValueKind: JsonValueKind.String } at
            ? at.GetDateTimeOffset() : DateTimeOffset.MinValue).ToList();
        Assert.Equal(submittedAt.Order(), submittedAt);
        var ids = queue.Select(q => q.GetProperty("attestation").GetProperty("id").GetString()).ToList();
        Assert.True(ids.IndexOf(earlier.Attestation.Id) < ids.IndexOf(later.Attestation.Id), "The earlier submission is not first.");
        Assert.True(ids.IndexOf("att-000032") < ids.IndexOf(earlier.Attestation.Id), "Seed submissions (no submittedAt) are not the oldest.");
        await ProblemAssert.IsProblemAsync(await techUk.GetAsync($"/api/associations/{Tsa}/queue"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/associations/{Tsa}/queue")).StatusCode);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/associations/{Supplier}/queue"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_suppliers_attestations_filter_by_status_and_coming_expiry()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb");

        var drafts = JsonDocument.Parse(await commissioner.GetStringAsync($"/api/suppliers/{OtherSupplier}/attestations?status=draft,rejected")).RootElement;
        var expiring = JsonDocument.Parse(await commissioner.GetStringAsync($"/api/suppliers/{OtherSupplier}/attestations?expiringWithinDays=365")).RootElement;
        var bad = await commissioner.GetAsync($"/api/suppliers/{OtherSupplier}/attestations?status=archived&expiringWithinDays=-1");

        // Seed: Pennine has a DSPT draft (expires 2027-07-09), two rejections, and TSA-QSF verified to 2028.
        Assert.Equal(["att-000006", "att-000008", "att-000010"], drafts.GetProperty("attestations").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Contains("att-000006", expiring.GetProperty("attestations").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.DoesNotContain("att-000007", expiring.GetProperty("attestations").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var problem = await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("expiringWithinDays", out _));
    }

    [Fact]
    public async Task A_new_attestation_is_checked_against_the_register_and_the_catalogue()
    {
        using var supplier = await Calls.SupplierAsync(Supplier);

        async Task<JsonElement> Refused(object body, HttpStatusCode status, string code) =>
            await ProblemAssert.IsProblemAsync(await supplier.PostAsJsonAsync("/api/attestations", body), status, code);

        var unknown = await Refused(new { standardCode = "ISO9001", certificateNumber = "X", issuedOn = "2026-10-01" }, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("standardCode", out _));
        var wrongScope = await Refused(new { standardCode = "A2D-READY", certificateNumber = "X", issuedOn = "2026-10-01" }, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(wrongScope.GetProperty("errors").TryGetProperty("offeringId", out _));
        await Refused(new { standardCode = "A2D-READY", offeringId = "off-000014", certificateNumber = "X", issuedOn = "2026-10-01" }, HttpStatusCode.Forbidden, "forbidden");
        var dates = await Refused(new { standardCode = "CQC", certificateNumber = "X", issuedOn = "2026-10-01", expiresOn = "2026-09-01" }, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(dates.GetProperty("errors").TryGetProperty("expiresOn", out _));
        await Refused(new { standardCode = "CQC", certificateNumber = "X", issuedOn = "not-a-date" }, HttpStatusCode.BadRequest, "validation-failed");
        var missing = await Refused(new { }, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(3, missing.GetProperty("errors").EnumerateObject().Count());

        var (draft, _) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000008");
        Assert.Equal(new DateOnly(2027, 10, 1), draft.ExpiresOn);
        Assert.Equal(AttestationStatus.Draft, draft.Status);
        Assert.Empty(draft.Evidence);
    }

    [Theory]
    [InlineData(MarketplaceRole.Association, "tec-services-association")]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb")]
    [InlineData(MarketplaceRole.Supplier, "tec-services-association")]
    public async Task Only_suppliers_start_attestations(MarketplaceRole role, string organisation)
    {
        using var client = await App.ClientForAsync(role, organisation);

        var response = await client.PostAsJsonAsync("/api/attestations", new { standardCode = "CQC", certificateNumber = "X", issuedOn = "2026-10-01" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_are_404s_never_500s()
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);

        foreach (var path in new[] { "/api/attestations/att-nothere", "/api/attestations/%01bad", "/api/attestations/Bad'Id/history",
            "/api/suppliers/%E2%80%AE/attestations", "/api/associations/%7F/queue", "/api/attestations/att-nothere/evidence/x.pdf" })
        {
            await ProblemAssert.IsProblemAsync(await admin.GetAsync(path), HttpStatusCode.NotFound, "not-found");
        }
        using var validator = await Calls.ValidatorAsync(Tsa);
        await ProblemAssert.IsProblemAsync(await validator.SendAsync(AttestationCalls.Act("%01x", "verify", "\"x\"")), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_standards_register_is_public_and_names_the_validating_associations()
    {
        using var anonymous = App.CreateClient();

        var register = JsonDocument.Parse(await anonymous.GetStringAsync("/api/standards")).RootElement.GetProperty("standards").EnumerateArray().ToList();

        Assert.Equal(19, register.Count);
        var qsf = register.Single(s => s.GetProperty("code").GetString() == "TSA-QSF");
        Assert.Equal(36, qsf.GetProperty("validityMonths").GetInt32());
        Assert.True(qsf.GetProperty("evidenceRequired").GetBoolean());
        Assert.Equal(["organisation", "service"], qsf.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("TEC Services Association", qsf.GetProperty("validatingAssociations")[0].GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(qsf.GetProperty("issuingBody").GetString()));
        Assert.False(string.IsNullOrEmpty(qsf.GetProperty("evidenceKind").GetString()));
        var cqc = register.Single(s => s.GetProperty("code").GetString() == "CQC");
        Assert.Equal(JsonValueKind.Null, cqc.GetProperty("validityMonths").ValueKind);
        Assert.Equal(5, cqc.GetProperty("validatingAssociations").GetArrayLength());
        Assert.Equal(register.Select(s => s.GetProperty("code").GetString()).Order(StringComparer.Ordinal), register.Select(s => s.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_standards_register_says_how_each_standard_is_confirmed_how_long_it_lasts_and_where_it_applies()
    {
        using var anonymous = App.CreateClient();

        var register = JsonDocument.Parse(await anonymous.GetStringAsync("/api/standards")).RootElement.GetProperty("standards").EnumerateArray()
            .ToDictionary(s => s.GetProperty("code").GetString()!);

        var cqc = register["CQC"];
        Assert.Equal("register", cqc.GetProperty("route").GetString());
        Assert.Contains("register", cqc.GetProperty("confirmedBy").GetString()!, StringComparison.Ordinal);
        Assert.Equal("while-registered", cqc.GetProperty("validity").GetProperty("kind").GetString());
        Assert.Equal(["england"], cqc.GetProperty("jurisdictions").EnumerateArray().Select(n => n.GetString()));
        var devolved = cqc.GetProperty("devolvedEquivalents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("nation").GetString()!, d => string.Join("; ", d.GetProperty("bodies").EnumerateArray().Select(b => b.GetString())));
        Assert.Equal("Care Inspectorate; Healthcare Improvement Scotland", devolved["scotland"]);
        Assert.Contains("CIW", devolved["wales"], StringComparison.Ordinal);
        Assert.Contains("HIW", devolved["wales"], StringComparison.Ordinal);
        Assert.Contains("RQIA", devolved["northern-ireland"], StringComparison.Ordinal);
        var dcb0129 = register["DCB0129"];
        Assert.Equal("declaration", dcb0129.GetProperty("route").GetString());
        Assert.Equal("per-release", dcb0129.GetProperty("validity").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, dcb0129.GetProperty("validityMonths").ValueKind);
        Assert.Equal(JsonValueKind.Null, dcb0129.GetProperty("validity").GetProperty("months").ValueKind);
        var qsf = register["TSA-QSF"];
        Assert.Equal(("certifier", "months", 36), (qsf.GetProperty("route").GetString(), qsf.GetProperty("validity").GetProperty("kind").GetString(),
            qsf.GetProperty("validity").GetProperty("months").GetInt32()));
        Assert.Contains("TEC Quality", qsf.GetProperty("confirmedBy").GetString()!, StringComparison.Ordinal);
        Assert.Equal("buyer-assessed", register["DTAC"].GetProperty("route").GetString());
        Assert.Empty(register["DSPT"].GetProperty("jurisdictions").EnumerateArray());
    }
}
