using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Core.Organisations;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Attestations;

/// <summary>The attestation workflow over HTTP on the seeded catalogue: draft, evidence, submit, decide, search, history.</summary>
public sealed class AttestationWorkflowTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    // Seed facts: Downs Careline Systems belongs to the TEC Services Association and the Northern Health Technology
    // Network, not to techUK; its offerings off-000001 to off-000013 are all active products. TEC Quality is the only
    // certification body accredited for TSA-QSF; Brackenford and Kestrel Point are accredited for Cyber Essentials.
    // A2D-READY and DCB0129 are declarations; CQC a register check; DTAC the buyer's to assess.
    private const string Supplier = "downs-careline-systems";
    private const string OtherSupplier = "pennine-careline-services";
    private const string Tsa = "tec-services-association";
    private const string TechUk = "techuk";
    private const string TecQuality = "tec-quality";
    private const string Brackenford = "brackenford-cyber-assurance";
    private const string Kestrel = "kestrel-point-certification";

    private MarketplaceApp App => seeded.App;
    private AttestationCalls Calls => new(App);
    private ICatalogueSearch Search => App.Services.GetRequiredService<ICatalogueSearch>();

    /// <summary>A supplier that belongs to no association at all (membership is never a condition of taking part).</summary>
    private async Task<string> IndependentSupplierAsync()
    {
        var id = "independent-" + Guid.NewGuid().ToString("N")[..8];
        await App.Services.GetRequiredService<CatalogueTables>().Organisations.WriteAsync(id, new Organisation
        {
            Id = id, Kind = OrganisationKind.Supplier, Name = "Independent Careline " + id[^8..], Memberships = [],
        });
        return id;
    }

    private async Task<(Attestation Attestation, string ETag)> SubmittedAsync(string supplier, string standardCode, string? offeringId, string? certifierId, string certificate = "CERT-2026-001")
    {
        var (draft, etag) = await Calls.CreateAsync(supplier, standardCode, offeringId, certificate, certifierId);
        var uploaded = await Calls.UploadAsync(supplier, draft.Id, "certificate.pdf", AttestationCalls.Pdf);
        using var client = await Calls.SupplierAsync(supplier);
        var submitted = await client.SendAsync(AttestationCalls.Act(draft.Id, "submit", uploaded.Headers.ETag?.ToString() ?? etag));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return (await AttestationCalls.ReadAsync(submitted), submitted.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_supplier_in_no_association_gets_its_QSF_verified_by_TEC_Quality_and_revocation_and_history_follow()
    {
        var supplier = await IndependentSupplierAsync();
        var (submitted, etag) = await SubmittedAsync(supplier, "TSA-QSF", null, TecQuality, "QSF-2026-0417");
        Assert.Equal((AttestationStatus.Submitted, TecQuality), (submitted.Status, submitted.CertifierId));

        using var tecQuality = await Calls.CertifierAsync(TecQuality);
        var queue = JsonDocument.Parse(await tecQuality.GetStringAsync($"/api/certifiers/{TecQuality}/queue")).RootElement.GetProperty("attestations");
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("attestation").GetProperty("id").GetString() == submitted.Id);
        Assert.Equal(HttpStatusCode.OK, (await tecQuality.GetAsync($"/api/attestations/{submitted.Id}")).StatusCode);

        var verified = await tecQuality.SendAsync(AttestationCalls.Act(submitted.Id, "verify", etag));

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var decided = await AttestationCalls.ReadAsync(verified);
        Assert.Equal((AttestationStatus.Verified, TecQuality), (decided.Status, decided.DecidedBy));
        Assert.NotNull(decided.DecidedAt);

        var revoked = await tecQuality.SendAsync(AttestationCalls.Act(submitted.Id, "revoke", verified.Headers.ETag!.ToString(), "Certification withdrawn after the surveillance audit."));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var history = (await Calls.HistoryAsync(submitted.Id)).EnumerateArray().ToList();
        Assert.Equal(["create", "upload-evidence", "submit", "verify", "revoke"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([null, "draft", "draft", "submitted", "verified"], history.Select(e => e.TryGetProperty("from", out var f) ? f.GetString() : null));
        Assert.Equal(["draft", "draft", "submitted", "verified", "revoked"], history.Select(e => e.GetProperty("to").GetString()));
        Assert.Equal(["Supplier", "Supplier", "Supplier", "Certifier", "Certifier"], history.Select(e => e.GetProperty("actorRole").GetString()));
        Assert.Equal([supplier, supplier, supplier, TecQuality, TecQuality], history.Select(e => e.GetProperty("actorOrganisationId").GetString()));
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actorUserId").GetString())));
        Assert.Equal("Certification withdrawn after the surveillance audit.", history[4].GetProperty("reason").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(AttestationCalls.Pdf)), history[1].GetProperty("evidenceSha256")[0].GetString());
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() <= p.Second.GetProperty("at").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Only_the_named_certifier_accredited_for_the_scheme_decides_and_associations_only_read()
    {
        var (submitted, etag) = await SubmittedAsync(Supplier, "CYBER-ESSENTIALS", null, Brackenford, "IASME-CE-100200");
        using var kestrel = await Calls.CertifierAsync(Kestrel);       // accredited for Cyber Essentials, but not named
        using var tecQuality = await Calls.CertifierAsync(TecQuality); // neither named nor accredited
        using var tsa = await Calls.AssociationAsync(Tsa);             // the supplier's own association
        using var techUk = await Calls.AssociationAsync(TechUk);       // not the supplier's association
        using var supplier = await Calls.SupplierAsync(Supplier);

        foreach (var client in new[] { kestrel, tecQuality, tsa, techUk, supplier })
        {
            await ProblemAssert.IsProblemAsync(await client.SendAsync(AttestationCalls.Act(submitted.Id, "verify", etag)), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsProblemAsync(await client.SendAsync(AttestationCalls.Act(submitted.Id, "reject", etag, "no")), HttpStatusCode.Forbidden, "forbidden");
        }
        await ProblemAssert.IsProblemAsync(await kestrel.GetAsync($"/api/attestations/{submitted.Id}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await techUk.GetAsync($"/api/attestations/{submitted.Id}"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await tsa.GetAsync($"/api/attestations/{submitted.Id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await kestrel.GetAsync($"/api/suppliers/{Supplier}/attestations"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(AttestationStatus.Submitted, (await Calls.GetAsync(supplier, submitted.Id)).Attestation.Status);
    }

    [Fact]
    public async Task Of_a_concurrent_verify_and_reject_exactly_one_wins_and_the_audit_shows_one_decision()
    {
        var (submitted, etag) = await SubmittedAsync(Supplier, "CYBER-ESSENTIALS", null, Brackenford, "IASME-CE-100201");
        using var first = await Calls.CertifierAsync(Brackenford);
        using var second = await Calls.CertifierAsync(Brackenford);

        var answers = await Task.WhenAll(
            first.SendAsync(AttestationCalls.Act(submitted.Id, "verify", etag)),
            second.SendAsync(AttestationCalls.Act(submitted.Id, "reject", etag, "Certificate names another company.")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        await ProblemAssert.IsProblemAsync(answers.Single(a => a.StatusCode == HttpStatusCode.PreconditionFailed), HttpStatusCode.PreconditionFailed, "stale-etag");
        var winner = await AttestationCalls.ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        var history = (await Calls.HistoryAsync(submitted.Id)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Single(history, a => a is "verify" or "reject");
        Assert.Equal(winner.Status == AttestationStatus.Verified ? "verify" : "reject", history[^1]);
    }

    [Fact]
    public async Task An_organisation_level_verification_reaches_every_active_offering_of_the_supplier_at_once()
    {
        var (submitted, etag) = await SubmittedAsync(Supplier, "CYBER-ESSENTIALS-PLUS", null, Kestrel, "IASME-CEP-100300");
        Assert.DoesNotContain("CYBER-ESSENTIALS-PLUS", (await Search.FindAsync("off-000001"))!.VerifiedStandards);
        using var kestrel = await Calls.CertifierAsync(Kestrel);

        var verified = await kestrel.SendAsync(AttestationCalls.Act(submitted.Id, "verify", etag));

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var offerings = Enumerable.Range(1, 13).Select(i => $"off-{i:D6}").ToList();
        Assert.All(await Search.FindEachAsync(offerings), found => Assert.Contains("CYBER-ESSENTIALS-PLUS", found!.VerifiedStandards));
        Assert.DoesNotContain("CYBER-ESSENTIALS-PLUS", (await Search.FindAsync("off-000014"))?.VerifiedStandards ?? []);
    }

    [Fact]
    public async Task An_action_the_status_does_not_allow_is_a_409_naming_the_status_and_the_allowed_actions()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "CYBER-ESSENTIALS", null, "IASME-CE-100400", Brackenford);
        using var brackenford = await Calls.CertifierAsync(Brackenford);

        var response = await brackenford.SendAsync(AttestationCalls.Act(draft.Id, "verify", etag));

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
        var (draft, etag) = await Calls.CreateAsync(Supplier, "CYBER-ESSENTIALS", null, "IASME-CE-100500", Brackenford);
        using var supplier = await Calls.SupplierAsync(Supplier);
        using var brackenford = await Calls.CertifierAsync(Brackenford);

        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", null)), HttpStatusCode.PreconditionRequired, "precondition-required");
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(AttestationCalls.Act(draft.Id, "withdraw", etag)), HttpStatusCode.PreconditionFailed, "stale-etag");
        var noReason = await ProblemAssert.IsProblemAsync(
            await brackenford.SendAsync(AttestationCalls.Act(draft.Id, "reject", submitted.Headers.ETag!.ToString())), HttpStatusCode.BadRequest, "validation-failed");
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
    public async Task A_clinical_safety_declaration_needs_its_officer_and_release_and_is_declared_on_submit()
    {
        using var supplier = await Calls.SupplierAsync(Supplier);
        var bare = await ProblemAssert.IsProblemAsync(await supplier.PostAsJsonAsync("/api/attestations",
            new { standardCode = "DCB0129", offeringId = "off-000006", certificateNumber = "CSCR-DOWNS-001", issuedOn = "2026-10-01" }), HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["clinicalSafetyOfficer", "productRelease"], bare.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var (draft, _) = await Calls.CreateAsync(Supplier, "DCB0129", "off-000006", "CSCR-DOWNS-002", productRelease: "5.1.0", clinicalSafetyOfficer: "Dr Aisha Rahman");
        var uploaded = await Calls.UploadAsync(Supplier, draft.Id, "clinical-safety-case-report.pdf", AttestationCalls.Pdf);
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", uploaded.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var declared = await AttestationCalls.ReadAsync(submitted);
        Assert.Equal((AttestationStatus.Declared, "5.1.0", "Dr Aisha Rahman"), (declared.Status, declared.ProductRelease, declared.ClinicalSafetyOfficer));
        Assert.Null(declared.DecidedBy);
        Assert.Null(declared.ExpiresOn);
        using var brackenford = await Calls.CertifierAsync(Brackenford);
        await ProblemAssert.IsProblemAsync(await brackenford.SendAsync(AttestationCalls.Act(draft.Id, "verify", submitted.Headers.ETag!.ToString())), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_member_association_vouches_for_a_declaration_the_page_shows_it_and_a_non_member_association_is_refused()
    {
        var (draft, _) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000007", "A2D-2026-0077", testedBy: "Selbourne Interoperability Lab");
        var uploaded = await Calls.UploadAsync(Supplier, draft.Id, "switchover-test-report.pdf", AttestationCalls.Pdf);
        using var supplier = await Calls.SupplierAsync(Supplier);
        var declared = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", uploaded.Headers.ETag!.ToString()));
        var etag = declared.Headers.ETag!.ToString();
        using var tsa = await Calls.AssociationAsync(Tsa);
        using var techUk = await Calls.AssociationAsync(TechUk);

        await ProblemAssert.IsProblemAsync(await techUk.SendAsync(AttestationCalls.Act(draft.Id, "endorse", etag)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await tsa.SendAsync(AttestationCalls.Act(draft.Id, "endorse", null)), HttpStatusCode.PreconditionRequired, "precondition-required");
        var endorsed = await tsa.SendAsync(AttestationCalls.Act(draft.Id, "endorse", etag));
        var again = await tsa.SendAsync(AttestationCalls.Act(draft.Id, "endorse", endorsed.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, endorsed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var vouched = await AttestationCalls.ReadAsync(again);
        Assert.Equal(AttestationStatus.Declared, vouched.Status);
        Assert.Equal([Tsa], vouched.Endorsements.Select(e => e.AssociationId));
        Assert.Single((await Calls.HistoryAsync(draft.Id)).EnumerateArray(), e => e.GetProperty("action").GetString() == "endorse");
        var page = await (await App.ClientForAsync(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb")).GetStringAsync($"/attestations/{draft.Id}");
        Assert.Contains("Declared by the supplier, tested by Selbourne Interoperability Lab. Vouched for by TEC Services Association.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certifiers_queue_lists_only_submissions_naming_it_oldest_first_and_only_to_its_own_people()
    {
        using var tecQuality = await Calls.CertifierAsync(TecQuality);
        using var brackenford = await Calls.CertifierAsync(Brackenford);
        using var tsa = await Calls.AssociationAsync(Tsa);
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);
        var supplier = await IndependentSupplierAsync();
        var first = await SubmittedAsync(supplier, "TSA-QSF", null, TecQuality, "QSF-A");
        var second = await SubmittedAsync(supplier, "TSA-QSF", null, TecQuality, "QSF-B");

        var queue = JsonDocument.Parse(await tecQuality.GetStringAsync($"/api/certifiers/{TecQuality}/queue")).RootElement.GetProperty("attestations").EnumerateArray().ToList();

        var ids = queue.Select(q => q.GetProperty("attestation").GetProperty("id").GetString()).ToList();
        // Seed: att-000032 and att-000094 are submitted TSA-QSF attestations naming TEC Quality; att-000092 names Brackenford.
        Assert.Superset(new HashSet<string?> { "att-000032", "att-000094", first.Attestation.Id, second.Attestation.Id }, ids.ToHashSet());
        Assert.DoesNotContain("att-000092", ids);
        Assert.All(queue, q => Assert.Equal((TecQuality, "submitted"),
            (q.GetProperty("attestation").GetProperty("certifierId").GetString(), q.GetProperty("attestation").GetProperty("status").GetString())));
        var submittedAt = queue.Select(q => q.GetProperty("attestation").GetProperty("submittedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(submittedAt.Order(), submittedAt);
        Assert.True(ids.IndexOf(first.Attestation.Id) < ids.IndexOf(second.Attestation.Id), "The earlier submission is not first.");
        await ProblemAssert.IsProblemAsync(await brackenford.GetAsync($"/api/certifiers/{TecQuality}/queue"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await tsa.GetAsync($"/api/certifiers/{TecQuality}/queue"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/certifiers/{TecQuality}/queue")).StatusCode);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/certifiers/{Tsa}/queue"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/associations/{Tsa}/queue")).StatusCode);
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

        foreach (var certifier in new string?[] { null, "no-such-body", Tsa, Brackenford })
        {
            var refused = await Refused(new { standardCode = "TSA-QSF", certifierId = certifier, certificateNumber = "QSF-1", issuedOn = "2026-10-01" }, HttpStatusCode.BadRequest, "validation-failed");
            Assert.Equal(["certifierId"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        var namedOnARegister = await Refused(new { standardCode = "CQC", certifierId = TecQuality, certificateNumber = "1-1", issuedOn = "2026-10-01" }, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(namedOnARegister.GetProperty("errors").TryGetProperty("certifierId", out _));
        var dtac = await Refused(new { standardCode = "DTAC", offeringId = "off-000008", certificateNumber = "DTAC-1", issuedOn = "2026-10-01" }, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("buyer", dtac.GetProperty("errors").GetProperty("standardCode")[0].GetString()!, StringComparison.Ordinal);

        var (draft, _) = await Calls.CreateAsync(Supplier, "A2D-READY", "off-000008");
        Assert.Equal(new DateOnly(2027, 10, 1), draft.ExpiresOn);
        Assert.Equal(AttestationStatus.Draft, draft.Status);
        Assert.Empty(draft.Evidence);
    }

    [Theory]
    [InlineData(MarketplaceRole.Association, "tec-services-association")]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb")]
    [InlineData(MarketplaceRole.Supplier, "tec-services-association")]
    [InlineData(MarketplaceRole.Certifier, "tec-quality")]
    [InlineData(MarketplaceRole.Supplier, "tec-quality")]
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
            "/api/suppliers/%E2%80%AE/attestations", "/api/certifiers/%7F/queue", "/api/attestations/att-nothere/evidence/x.pdf" })
        {
            await ProblemAssert.IsProblemAsync(await admin.GetAsync(path), HttpStatusCode.NotFound, "not-found");
        }
        using var certifier = await Calls.CertifierAsync(TecQuality);
        await ProblemAssert.IsProblemAsync(await certifier.SendAsync(AttestationCalls.Act("%01x", "verify", "\"x\"")), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_standards_register_is_public_and_names_the_certification_bodies_accredited_for_each_scheme()
    {
        using var anonymous = App.CreateClient();

        var register = JsonDocument.Parse(await anonymous.GetStringAsync("/api/standards")).RootElement.GetProperty("standards").EnumerateArray().ToList();

        Assert.Equal(19, register.Count);
        var qsf = register.Single(s => s.GetProperty("code").GetString() == "TSA-QSF");
        Assert.Equal(36, qsf.GetProperty("validityMonths").GetInt32());
        Assert.True(qsf.GetProperty("evidenceRequired").GetBoolean());
        Assert.Equal(["organisation", "service"], qsf.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["TEC Quality"], qsf.GetProperty("certifiers").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(qsf.GetProperty("issuingBody").GetString()));
        Assert.False(string.IsNullOrEmpty(qsf.GetProperty("evidenceKind").GetString()));
        var cqc = register.Single(s => s.GetProperty("code").GetString() == "CQC");
        Assert.Equal(JsonValueKind.Null, cqc.GetProperty("validityMonths").ValueKind);
        Assert.Equal(0, cqc.GetProperty("certifiers").GetArrayLength());
        Assert.False(cqc.TryGetProperty("validatingAssociations", out _));
        Assert.Equal(2, register.Single(s => s.GetProperty("code").GetString() == "CYBER-ESSENTIALS").GetProperty("certifiers").GetArrayLength());
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
