using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Outcomes;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

/// <summary>Certification bodies' queues, associations' endorsements and the migration of records from the association workflow.</summary>
public sealed class CertifierAndEndorsementUseCaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Attestation Declared => Draft(A2dReady) with { Status = AttestationStatus.Declared, SubmittedAt = Now.AddDays(-1) };

    [Fact]
    public async Task A_certifiers_queue_holds_only_submissions_naming_it_and_only_its_people_and_admins_read_it()
    {
        var world = new World();
        world.Put(SubmittedQsf);
        world.Put(SubmittedQsf with { Id = "att-other", CertifierId = Brackenford.Id });
        world.Put(SubmittedQsf with { Id = "att-draft", Status = AttestationStatus.Draft });

        var own = await world.Queue().RunAsync(CertifierUser(), TecQuality.Id, Ct);
        var admin = await world.Queue().RunAsync(With(MarketplaceRole.Admin, null), TecQuality.Id, Ct);
        var other = await world.Queue().RunAsync(CertifierUser(Brackenford.Id), TecQuality.Id, Ct);
        var association = await world.Queue().RunAsync(Validator(Tsa.Id), TecQuality.Id, Ct);
        var notACertifier = await world.Queue().RunAsync(With(MarketplaceRole.Admin, null), Tsa.Id, Ct);

        Assert.Equal(["att-1"], own.Value!.Attestations.Select(q => q.Attestation.Id));
        Assert.Equal("Downs Careline Systems Ltd", own.Value.Attestations[0].SupplierName);
        Assert.True(admin.Succeeded);
        Assert.Equal(FailureKind.Forbidden, other.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, association.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, notACertifier.Failure!.Kind);
    }

    [Fact]
    public async Task A_member_association_endorses_a_declaration_once_audited_and_again_changes_nothing()
    {
        var world = new World();
        var etag = world.Put(Declared);

        var endorsed = await world.Endorse().RunAsync(Validator(Tsa.Id), "att-1", etag, Ct);
        var again = await world.Endorse().RunAsync(Validator(Tsa.Id), "att-1", endorsed.Value!.ETag, Ct);

        Assert.Equal([(Tsa.Id, Now)], endorsed.Value.Document.Endorsements.Select(e => (e.AssociationId, e.EndorsedAt)));
        Assert.Equal(AttestationStatus.Declared, endorsed.Value.Document.Status);
        Assert.Equal(endorsed.Value.ETag, again.Value!.ETag);
        var audited = Assert.Single(world.Audit);
        Assert.Equal(("endorse", "Association", Tsa.Id), (audited.Action, audited.ActorRole, audited.ActorOrganisationId));
    }

    [Fact]
    public async Task Endorsing_is_for_member_associations_with_the_current_version_and_only_of_declarations()
    {
        var world = new World();
        var etag = world.Put(Declared);

        var outsider = await world.Endorse().RunAsync(Validator(TechUk.Id), "att-1", etag, Ct);
        var certifier = await world.Endorse().RunAsync(CertifierUser(), "att-1", etag, Ct);
        var noIfMatch = await world.Endorse().RunAsync(Validator(Tsa.Id), "att-1", null, Ct);
        var stale = await world.Endorse().RunAsync(Validator(Tsa.Id), "att-1", "W/\"old\"", Ct);
        var submittedEtag = world.Put(SubmittedQsf with { Id = "att-qsf" });
        var notDeclared = await world.Endorse().RunAsync(Validator(Tsa.Id), "att-qsf", submittedEtag, Ct);

        Assert.Equal(FailureKind.Forbidden, outsider.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, certifier.Failure!.Kind);
        Assert.Equal(FailureKind.PreconditionRequired, noIfMatch.Failure!.Kind);
        Assert.Equal(FailureKind.Stale, stale.Failure!.Kind);
        Assert.Equal((FailureKind.Conflict, AttestationStatus.Submitted), (notDeclared.Failure!.Kind, notDeclared.Failure.Extensions["currentStatus"]));
        Assert.Empty(world.Audit);
    }

    [Fact]
    public async Task Creating_a_certified_claim_records_the_certifier_and_a_declaration_is_declared_on_submit()
    {
        var world = new World();

        var qsf = await world.Create().RunAsync(SupplierUser(), new AttestationRequest("TSA-QSF", null, "QSF-1", Today.AddDays(-3), null, TecQuality.Id), Ct);
        var unaccredited = await world.Create().RunAsync(SupplierUser(), new AttestationRequest("TSA-QSF", null, "QSF-1", Today.AddDays(-3), null, Brackenford.Id), Ct);
        var a2d = await world.Create().RunAsync(SupplierUser(), new AttestationRequest("A2D-READY", "off-000009", "A2D-1", Today.AddDays(-3), null), Ct);
        world.Put(a2d.Value!.Document with { Evidence = Draft(A2dReady).Evidence });
        var declared = await world.ChangeStatus().RunAsync(SupplierUser(), a2d.Value.Document.Id, AttestationAction.Submit, null, world.Attestations[a2d.Value.Document.Id].ETag, Ct);

        Assert.Equal(TecQuality.Id, qsf.Value!.Document.CertifierId);
        Assert.True(unaccredited.Failure!.Errors.ContainsKey("certifierId"));
        Assert.Equal(AttestationStatus.Declared, declared.Value!.Document.Status);
    }

    [Fact]
    public async Task The_migration_renames_validated_to_verified_with_an_audit_event_and_a_second_run_does_nothing()
    {
        var world = new World();
        world.Put(Draft(A2dReady) with { Status = MigrateLegacyAttestations.LegacyValidated, DecidedBy = Tsa.Id, DecidedAt = Now.AddDays(-30) });
        world.Put(SubmittedQsf with { Id = "att-untouched" });
        var job = new Actor("seed", null, new HashSet<MarketplaceRole>());

        var first = await world.Migrate().RunAsync(job, Ct);
        var second = await world.Migrate().RunAsync(job, Ct);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal((AttestationStatus.Verified, Tsa.Id), (world.Attestations["att-1"].Document.Status, world.Attestations["att-1"].Document.DecidedBy));
        var audited = Assert.Single(world.Audit);
        Assert.Equal(("migrate", "validated", "verified", Actor.SystemRole), (audited.Action, audited.From, audited.To, audited.ActorRole));
        Assert.Contains("validated", audited.Reason!, StringComparison.Ordinal);
        Assert.Equal(AttestationStatus.Submitted, world.Attestations["att-untouched"].Document.Status);
    }
}
