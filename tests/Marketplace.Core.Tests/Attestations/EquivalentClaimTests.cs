using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

/// <summary>A claimed equivalent is started and submitted like any attestation, but nobody outside a shortlist decides it.</summary>
public sealed class EquivalentClaimTests
{
    private static readonly EquivalentClaimRequest CareInspectorate =
        new("Care Inspectorate registration CS2019000123", "Care Inspectorate", "CQC does not register services in Scotland; the Care Inspectorate does.");

    private static AttestationDecision Create(EquivalentClaimRequest? claim) =>
        AttestationRules.Create(new AttestationRequest("CQC", null, "CS2019000123", new DateOnly(2026, 1, 5), null, Equivalent: claim), Supplier.Id, Cqc, null, null, "att-new", Today);

    private static Attestation SubmittedClaim => Create(CareInspectorate).Next! with
    {
        Status = AttestationStatus.Submitted,
        Evidence = [new EvidenceFile("registration.pdf", "application/pdf", 100, new string('b', 64))],
    };

    [Fact]
    public void A_claim_keeps_what_is_held_instead_who_issued_it_and_why_trimmed()
    {
        var draft = Create(CareInspectorate with { Name = "  Care Inspectorate registration CS2019000123 " }).Next!;

        Assert.Equal(new EquivalentClaim("Care Inspectorate registration CS2019000123", "Care Inspectorate", CareInspectorate.Reason!), draft.Equivalent);
        Assert.Equal(("CQC", AttestationStatus.Draft), (draft.StandardCode, draft.Status));
        // Without a claim it is an ordinary CQC attestation, which needs its register reference.
        Assert.Equal("registerReference", Create(null).Refusal!.Field);
    }

    [Fact]
    public void Every_missing_or_overlong_part_of_a_claim_is_named_by_field()
    {
        var decision = Create(new EquivalentClaimRequest(" ", new string('x', 201), null));

        Assert.Equal(["equivalent.issuedBy", "equivalent.name", "equivalent.reason"], decision.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal("equivalent.reason", Assert.Single(Create(CareInspectorate with { Reason = new string('x', 1001) }).Errors).Field);
    }

    [Fact]
    public void A_claim_is_submitted_with_evidence_and_then_never_verified_or_rejected_by_a_certifier()
    {
        var draft = Create(CareInspectorate).Next!;
        var context = new AttestationContext(Cqc, Supplier, Supplier);
        Assert.Equal(RefusalKind.EvidenceRequired, AttestationDecisions.Decide(draft, AttestationAction.Submit, SupplierUser(), context, null, Now).Refusal!.Kind);

        // A claim names no certification body, so no certifier (nor an association) may decide it; a claim that somehow
        // named one is still refused: only buyers decide claims, on their shortlists.
        foreach (var action in new[] { AttestationAction.Verify, AttestationAction.Reject })
        {
            var reason = action == AttestationAction.Reject ? "no" : null;
            Assert.Equal(RefusalKind.Forbidden, AttestationDecisions.Decide(SubmittedClaim, action, CertifierUser(), new AttestationContext(Cqc, Supplier, TecQuality), reason, Now).Refusal!.Kind);
            Assert.Equal(RefusalKind.Forbidden, AttestationDecisions.Decide(SubmittedClaim, action, Validator(Tsa.Id), new AttestationContext(Cqc, Supplier, Tsa), reason, Now).Refusal!.Kind);
            var named = SubmittedClaim with { CertifierId = TecQuality.Id };
            var refusal = AttestationDecisions.Decide(named, action, CertifierUser(), new AttestationContext(Cqc with { Route = "certifier" }, Supplier, TecQuality with { AccreditedFor = ["CQC"] }), reason, Now).Refusal!;
            Assert.Equal(RefusalKind.Conflict, refusal.Kind);
            Assert.Contains("claimed equivalent of CQC", refusal.Message, StringComparison.Ordinal);
        }
        Assert.Null(AttestationDecisions.Decide(SubmittedClaim, AttestationAction.Withdraw, SupplierUser(), context, null, Now).Refusal);
    }

    [Fact]
    public void A_claim_against_a_declaration_route_standard_is_submitted_for_buyers_not_declared()
    {
        var platform = new Offering
        {
            Id = "off-000009", SupplierId = Supplier.Id, Kind = "product", Name = "Downs platform", Category = "remote-monitoring-platform",
            Price = new OfferingPrice("per-patient-per-month", 12m),
        };
        var request = new AttestationRequest("DCB0129", platform.Id, "IEC62304-FILE-7", new DateOnly(2026, 1, 5), null,
            Equivalent: new("IEC 62304 software lifecycle file with ISO 14971 risk management", "Notified body", "Covers the same hazards."));
        var claim = AttestationRules.Create(request, Supplier.Id, Dcb0129, platform, null, "att-new", Today).Next! with
        {
            Evidence = [new EvidenceFile("iec62304.pdf", "application/pdf", 100, new string('c', 64))],
        };

        var submitted = AttestationDecisions.Decide(claim, AttestationAction.Submit, SupplierUser(), new AttestationContext(Dcb0129, Supplier, Supplier), null, Now);

        Assert.Equal(AttestationStatus.Submitted, submitted.Next!.Status);
    }
}
