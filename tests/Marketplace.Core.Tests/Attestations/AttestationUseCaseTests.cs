using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Outcomes;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

/// <summary>
/// The use cases decide in one order for every route: found (404) → the caller's organisation may (403) → If-Match
/// present (428) and still the stored version (412) → the rules (400/409) → written only if still current (412).
/// </summary>
public sealed class AttestationUseCaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly byte[] Pdf = "%PDF-1.7\n% evidence\n"u8.ToArray();

    [Fact]
    public async Task An_action_on_no_attestation_is_not_found_whoever_asks()
    {
        var world = new World();

        var outcome = await world.ChangeStatus().RunAsync(SupplierUser("pennine-careline-services"), "att-nothere", AttestationAction.Submit, null, null, Ct);

        Assert.Equal(FailureKind.NotFound, outcome.Failure!.Kind);
    }

    [Fact]
    public async Task Another_organisation_is_refused_before_it_learns_anything_from_the_precondition_or_the_state()
    {
        var world = new World();
        world.Put(SubmittedQsf with { Status = AttestationStatus.Verified });

        var supplier = await world.ChangeStatus().RunAsync(SupplierUser("pennine-careline-services"), "att-1", AttestationAction.Submit, null, null, Ct);
        var association = await world.ChangeStatus().RunAsync(Validator(Tsa.Id), "att-1", AttestationAction.Revoke, "why", null, Ct);
        var certifier = await world.ChangeStatus().RunAsync(CertifierUser(Brackenford.Id), "att-1", AttestationAction.Revoke, "why", null, Ct);

        Assert.Equal(FailureKind.Forbidden, supplier.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, association.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, certifier.Failure!.Kind);
    }

    [Fact]
    public async Task The_precondition_and_the_version_come_before_the_workflow()
    {
        var world = new World();
        var stale = world.Put(Draft(A2dReady));
        var current = world.Put(Draft(A2dReady) with { Status = AttestationStatus.Verified });

        var missing = await world.ChangeStatus().RunAsync(SupplierUser(), "att-1", AttestationAction.Submit, null, null, Ct);
        var moved = await world.ChangeStatus().RunAsync(SupplierUser(), "att-1", AttestationAction.Submit, null, stale, Ct);
        var invalid = await world.ChangeStatus().RunAsync(SupplierUser(), "att-1", AttestationAction.Submit, null, current, Ct);

        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure!.Kind);
        Assert.Equal((FailureKind.Conflict, Problems.InvalidTransition), (invalid.Failure!.Kind, invalid.Failure.Code));
        Assert.Equal(AttestationStatus.Verified, invalid.Failure.Extensions["currentStatus"]);
        Assert.Equal(["revoke"], (IEnumerable<string>)invalid.Failure.Extensions["allowedActions"]!);
        Assert.Equal(FailureKind.Stale, moved.Failure!.Kind);
        Assert.Empty(world.Audit);
    }

    [Fact]
    public async Task A_verification_is_written_with_its_audit_event_and_search_follows_the_offering()
    {
        var world = new World();
        var etag = world.Put(SubmittedQsf with { OfferingId = "off-000009" });

        var outcome = await world.ChangeStatus().RunAsync(CertifierUser(), "att-1", AttestationAction.Verify, null, etag, Ct);

        Assert.True(outcome.Succeeded);
        Assert.Equal((AttestationStatus.Verified, TecQuality.Id, Now), (outcome.Value.Document.Status, outcome.Value.Document.DecidedBy, outcome.Value.Document.DecidedAt));
        Assert.NotEqual(etag, outcome.Value.ETag);
        var audited = Assert.Single(world.Audit);
        Assert.Equal(("verify", "submitted", "verified", "Certifier", TecQuality.Id), (audited.Action, audited.From, audited.To, audited.ActorRole, audited.ActorOrganisationId));
        Assert.Equal(["off-000009"], world.Reindexed);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_names_the_field()
    {
        var world = new World();
        var etag = world.Put(SubmittedQsf);

        var outcome = await world.ChangeStatus().RunAsync(CertifierUser(), "att-1", AttestationAction.Reject, "  ", etag, Ct);

        Assert.Equal(FailureKind.Invalid, outcome.Failure!.Kind);
        Assert.True(outcome.Failure.Errors.ContainsKey("reason"));
    }

    [Fact]
    public async Task An_upload_checks_the_owner_then_the_status_then_the_length_then_the_bytes()
    {
        var world = new World();
        world.Put(Draft(A2dReady, evidence: 0));
        world.Put(Draft(A2dReady, evidence: 0) with { Id = "att-2", Status = AttestationStatus.Submitted });
        var upload = world.Upload();

        var stranger = await upload.RunAsync(SupplierUser("pennine-careline-services"), "att-1", "x.pdf", null, Stream.Null, Ct);
        var late = await upload.RunAsync(SupplierUser(), "att-2", "x.pdf", null, Stream.Null, Ct);
        var unknownLength = await upload.RunAsync(SupplierUser(), "att-1", "x.pdf", null, Stream.Null, Ct);
        var tooLarge = await upload.RunAsync(SupplierUser(), "att-1", "x.pdf", EvidenceRules.MaxBytes + 1, Stream.Null, Ct);
        var empty = await upload.RunAsync(SupplierUser(), "att-1", "x.pdf", 0, Stream.Null, Ct);
        var zip = "PK\u0003\u0004word/document.xml"u8.ToArray();
        var notEvidence = await upload.RunAsync(SupplierUser(), "att-1", "x.pdf", zip.Length, new MemoryStream(zip), Ct);
        var shortBody = await upload.RunAsync(SupplierUser(), "att-1", "x.pdf", Pdf.Length + 1, new MemoryStream(Pdf), Ct);

        Assert.Equal(FailureKind.Forbidden, stranger.Failure!.Kind);
        Assert.Equal((FailureKind.Conflict, Problems.InvalidTransition), (late.Failure!.Kind, late.Failure.Code));
        Assert.Equal(FailureKind.LengthRequired, unknownLength.Failure!.Kind);
        Assert.Equal(FailureKind.TooLarge, tooLarge.Failure!.Kind);
        Assert.Equal(EvidenceRules.MaxBytes, tooLarge.Failure.Extensions["maxBytes"]);
        Assert.True(empty.Failure!.Errors.ContainsKey("body"));
        Assert.Equal(FailureKind.UnsupportedMediaType, notEvidence.Failure!.Kind);
        Assert.True(shortBody.Failure!.Errors.ContainsKey("body"));
        Assert.Empty(world.Files);
        Assert.Empty(world.Audit);
    }

    [Fact]
    public async Task An_upload_is_stored_then_recorded_and_the_same_bytes_again_change_nothing()
    {
        var world = new World();
        world.Put(Draft(A2dReady, evidence: 0));
        var upload = world.Upload();

        var first = await upload.RunAsync(SupplierUser(), "att-1", "Test report (2026).pdf", Pdf.Length, new MemoryStream(Pdf), Ct);
        var again = await upload.RunAsync(SupplierUser(), "att-1", "Test report (2026).pdf", Pdf.Length, new MemoryStream(Pdf), Ct);

        Assert.True(first.Value!.Added);
        Assert.Equal("Test-report-2026.pdf", first.Value.File.FileName);
        Assert.False(again.Value!.Added);
        Assert.Equal(first.Value.ETag, again.Value.ETag);
        Assert.Equal(Pdf, world.Files["downs-careline-systems/att-1/Test-report-2026.pdf"]);
        Assert.Equal([first.Value.File], world.Attestations["att-1"].Document.Evidence);
        Assert.Equal("upload-evidence", Assert.Single(world.Audit).Action);
    }

    [Fact]
    public async Task Starting_an_attestation_asks_who_the_caller_is_before_the_request_is_checked()
    {
        var world = new World();
        var create = world.Create();
        var incomplete = new AttestationRequest(null, null, null, null, null);

        var unknown = await create.RunAsync(SupplierUser("org-nowhere"), incomplete, Ct);
        var association = await create.RunAsync(With(MarketplaceRole.Supplier, Tsa.Id), incomplete, Ct);
        var othersOffering = await create.RunAsync(SupplierUser(), incomplete with { OfferingId = "off-000014" }, Ct);
        var missing = await create.RunAsync(SupplierUser(), incomplete, Ct);

        Assert.Equal(FailureKind.NotFound, unknown.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, association.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, othersOffering.Failure!.Kind);
        Assert.Equal(["certificateNumber", "issuedOn", "standardCode"], missing.Failure!.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(world.Attestations);
    }

    [Fact]
    public async Task A_new_draft_is_stored_with_its_creation_event_and_its_offering_hears_of_it()
    {
        var world = new World();

        var outcome = await world.Create().RunAsync(SupplierUser(), new AttestationRequest("A2D-READY", "off-000009", "A2D-7", Today.AddDays(-3), null), Ct);

        Assert.True(outcome.Succeeded);
        Assert.Equal((AttestationStatus.Draft, Today.AddDays(-3).AddMonths(12)), (outcome.Value.Document.Status, outcome.Value.Document.ExpiresOn));
        Assert.Equal(outcome.Value, world.Attestations[outcome.Value.Document.Id]);
        Assert.Equal(("create", null, "draft"), (world.Audit.Single().Action, world.Audit.Single().From, world.Audit.Single().To));
        // Shortlists explain a draft ("not yet submitted"), so the offering's candidate rows are brought up to date.
        Assert.Equal(["off-000009"], world.Reindexed);
    }

    [Fact]
    public async Task The_expiry_marks_lapsed_validations_as_the_system_and_updates_each_affected_offering_once()
    {
        var world = new World();
        world.Put(Draft(Cqc, offeringId: null) with { Id = "att-org", Status = AttestationStatus.Verified, ExpiresOn = Today.AddDays(-1) });
        world.Put(Draft(A2dReady) with { Id = "att-off", Status = AttestationStatus.Verified, ExpiresOn = Today.AddDays(-2) });
        world.Put(Draft(A2dReady) with { Id = "att-today", Status = AttestationStatus.Verified, ExpiresOn = Today });

        var run = await world.Expire().RunAsync(new Actor("ExpireAttestations", null, new HashSet<MarketplaceRole>()), Ct);

        Assert.Equal(new ExpiryRun(2, 2), run);
        Assert.Equal(AttestationStatus.Expired, world.Attestations["att-org"].Document.Status);
        Assert.Equal(AttestationStatus.Verified, world.Attestations["att-today"].Document.Status);
        Assert.All(world.Audit, e => Assert.Equal(("expire", Actor.SystemRole, "ExpireAttestations"), (e.Action, e.ActorRole, e.ActorUserId)));
        Assert.Equal(["off-000009", "off-000010"], world.Reindexed);
    }

    [Theory]
    [InlineData("read", MarketplaceRole.Commissioner, "nhs-kent-icb", true)]
    [InlineData("read", MarketplaceRole.Association, "techuk", false)]
    [InlineData("upload", MarketplaceRole.Supplier, "downs-careline-systems", true)]
    [InlineData("upload", MarketplaceRole.Admin, null, false)]
    [InlineData("Verify", MarketplaceRole.Certifier, "tec-quality", true)]
    [InlineData("Verify", MarketplaceRole.Certifier, "brackenford-cyber-assurance", false)]
    [InlineData("Verify", MarketplaceRole.Association, "tec-services-association", false)]
    [InlineData("endorse", MarketplaceRole.Association, "tec-services-association", true)]
    [InlineData("endorse", MarketplaceRole.Association, "techuk", false)]
    [InlineData("read", MarketplaceRole.Certifier, "tec-quality", true)]
    [InlineData("read", MarketplaceRole.Certifier, "brackenford-cyber-assurance", false)]
    [InlineData("Withdraw", MarketplaceRole.Association, "tec-services-association", false)]
    [InlineData("Expire", MarketplaceRole.Admin, null, false)]
    public void One_scope_decision_answers_every_operation(string name, MarketplaceRole role, string? organisation, bool allowed)
    {
        var operation = name switch
        {
            "read" => AttestationOperation.Read,
            "upload" => AttestationOperation.UploadEvidence,
            "endorse" => AttestationOperation.Endorse,
            _ => AttestationOperation.Of(Enum.Parse<AttestationAction>(name)),
        };
        var actorOrganisation = new[] { Tsa, Regional, TechUk, Supplier, TecQuality, Brackenford }.FirstOrDefault(o => o.Id == organisation);

        var refused = AttestationAccess.Refuse(With(role, organisation), operation, SubmittedQsf, new AttestationContext(Qsf, Supplier, actorOrganisation));

        Assert.Equal(allowed, refused is null);
        Assert.True(refused is null or { Kind: FailureKind.Forbidden, Code: Problems.Forbidden });
    }

    [Fact]
    public async Task Starting_offers_the_register_and_only_the_suppliers_own_active_offerings()
    {
        var world = new World();

        var choices = await new PrepareAttestation(world.Scope(), world, world, world).RunAsync(SupplierUser(), Ct);

        // DTAC is the buyer's to assess, so it is not offered; the certification bodies are, to name.
        Assert.Equal(["A2D-READY", "CQC", "DCB0129", "DSPT", "TSA-QSF"], choices.Value!.Standards.Select(s => s.Code));
        Assert.Equal(["Brackenford Cyber Assurance", "TEC Quality"], choices.Value.Certifiers.Select(c => c.Name));
        Assert.Equal(["off-000009", "off-000010"], choices.Value.Offerings.Select(o => o.Id));
    }
}
