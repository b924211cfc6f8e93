using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

public sealed class AttestationDecisionsTests
{
    private static AttestationDecision Decide(Attestation current, AttestationAction action, Actor actor, string? reason = null, Marketplace.Core.Standards.Standard? standard = null)
    {
        var organisation = new[] { Tsa, Regional, TechUk, Supplier, TecQuality, Brackenford }.FirstOrDefault(o => o.Id == actor.OrganisationId);
        return AttestationDecisions.Decide(current, action, actor, new AttestationContext(standard ?? Qsf, Supplier, organisation), reason, Now);
    }

    private static Attestation Submitted => SubmittedQsf;

    [Fact]
    public void The_owning_supplier_submits_a_draft_with_evidence_and_the_time_is_kept()
    {
        var decision = Decide(Draft(Qsf, null) with { CertifierId = TecQuality.Id }, AttestationAction.Submit, SupplierUser());

        Assert.Null(decision.Refusal);
        Assert.Equal(AttestationStatus.Submitted, decision.Next!.Status);
        Assert.Equal(Now, decision.Next.SubmittedAt);
        Assert.Null(decision.Next.DecidedBy);
    }

    [Fact]
    public void Submitting_a_declaration_declares_it_and_the_supplier_may_withdraw_it_but_nobody_verifies_it()
    {
        var declared = Decide(Draft(A2dReady), AttestationAction.Submit, SupplierUser(), standard: A2dReady).Next!;

        Assert.Equal(AttestationStatus.Declared, declared.Status);
        Assert.Equal(Now, declared.SubmittedAt);
        Assert.Equal(AttestationStatus.Withdrawn, Decide(declared, AttestationAction.Withdraw, SupplierUser(), standard: A2dReady).Next!.Status);
        Assert.Equal(RefusalKind.Forbidden, Decide(declared, AttestationAction.Verify, Validator(Tsa.Id), standard: A2dReady).Refusal!.Kind);
        Assert.Equal(RefusalKind.EvidenceRequired, Decide(Draft(A2dReady, evidence: 0), AttestationAction.Submit, SupplierUser(), standard: A2dReady).Refusal!.Kind);
    }

    [Fact]
    public void A_declaration_with_an_expiry_date_expires_like_a_verified_attestation()
    {
        var declared = Draft(A2dReady) with { Status = AttestationStatus.Declared, ExpiresOn = Today.AddDays(-1) };

        Assert.Equal(AttestationStatus.Expired, AttestationDecisions.Expire(declared, Today)!.Status);
        Assert.Null(AttestationDecisions.Expire(declared with { ExpiresOn = Today }, Today));
        Assert.Null(AttestationDecisions.Expire(declared with { ExpiresOn = null }, Today));
    }

    [Fact]
    public void Another_supplier_cannot_submit_or_withdraw()
    {
        Assert.Equal(RefusalKind.Forbidden, Decide(Draft(A2dReady), AttestationAction.Submit, SupplierUser("pennine-careline-services")).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, Decide(Submitted, AttestationAction.Withdraw, SupplierUser("pennine-careline-services")).Refusal!.Kind);
    }

    [Fact]
    public void A_user_of_the_supplier_acting_in_another_role_cannot_submit() =>
        Assert.Equal(RefusalKind.Forbidden, Decide(Draft(A2dReady), AttestationAction.Submit, With(MarketplaceRole.Commissioner, Supplier.Id)).Refusal!.Kind);

    [Fact]
    public void Submitting_without_evidence_is_refused_when_the_standard_requires_it_and_allowed_when_not()
    {
        Assert.Equal(RefusalKind.EvidenceRequired, Decide(Draft(A2dReady, evidence: 0), AttestationAction.Submit, SupplierUser()).Refusal!.Kind);
        Assert.Null(Decide(Draft(Dspt, null, evidence: 0), AttestationAction.Submit, SupplierUser(), standard: Dspt).Refusal);
    }

    [Fact]
    public void A_lapsed_certificate_is_neither_submitted_nor_verified()
    {
        var lapsed = Draft(A2dReady) with { ExpiresOn = Today.AddDays(-1) };

        Assert.Equal(RefusalKind.Conflict, Decide(lapsed, AttestationAction.Submit, SupplierUser()).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, Decide(lapsed with { Status = AttestationStatus.Submitted, CertifierId = TecQuality.Id }, AttestationAction.Verify, CertifierUser()).Refusal!.Kind);
        Assert.Null(Decide(lapsed with { ExpiresOn = Today }, AttestationAction.Submit, SupplierUser()).Refusal);
    }

    [Fact]
    public void The_named_certifier_accredited_for_the_standard_verifies_and_is_stamped()
    {
        var decision = Decide(Submitted, AttestationAction.Verify, CertifierUser());

        Assert.Equal(AttestationStatus.Verified, decision.Next!.Status);
        Assert.Equal(TecQuality.Id, decision.Next.DecidedBy);
        Assert.Equal(Now, decision.Next.DecidedAt);
        Assert.Null(decision.Next.Reason);
    }

    [Theory]
    [InlineData(MarketplaceRole.Certifier, "brackenford-cyber-assurance")] // a certification body, but not the one named nor accredited for TSA-QSF
    [InlineData(MarketplaceRole.Association, "tec-services-association")]   // the supplier's own association: associations decide nothing
    [InlineData(MarketplaceRole.Association, "northern-health-technology-network")]
    [InlineData(MarketplaceRole.Commissioner, "nhs-kent-icb")]
    public void Only_the_named_certifier_decides(MarketplaceRole role, string organisation)
    {
        foreach (var action in new[] { AttestationAction.Verify, AttestationAction.Reject })
        {
            Assert.Equal(RefusalKind.Forbidden, Decide(Submitted, action, With(role, organisation), "reason").Refusal!.Kind);
        }
        Assert.Equal(RefusalKind.Forbidden,
            Decide(Submitted with { Status = AttestationStatus.Verified }, AttestationAction.Revoke, With(role, organisation), "reason").Refusal!.Kind);
    }

    [Fact]
    public void A_certifier_named_but_not_accredited_for_the_standard_does_not_decide() =>
        Assert.Equal(RefusalKind.Forbidden, Decide(Submitted with { CertifierId = Brackenford.Id }, AttestationAction.Verify, CertifierUser(Brackenford.Id)).Refusal!.Kind);

    [Fact]
    public void A_supplier_cannot_decide_its_own_attestation() =>
        Assert.Equal(RefusalKind.Forbidden, Decide(Submitted, AttestationAction.Verify, SupplierUser()).Refusal!.Kind);

    [Theory]
    [InlineData(AttestationAction.Reject, null)]
    [InlineData(AttestationAction.Reject, "   ")]
    [InlineData(AttestationAction.Revoke, "")]
    public void Rejecting_and_revoking_need_a_reason(AttestationAction action, string? reason)
    {
        var current = action == AttestationAction.Revoke ? Submitted with { Status = AttestationStatus.Verified } : Submitted;

        var refusal = Decide(current, action, CertifierUser(), reason).Refusal!;

        Assert.Equal(RefusalKind.InvalidField, refusal.Kind);
        Assert.Equal("reason", refusal.Field);
    }

    [Fact]
    public void Rejecting_keeps_the_reason_trimmed_and_other_actions_take_none()
    {
        Assert.Equal("Certificate is for another company.", Decide(Submitted, AttestationAction.Reject, CertifierUser(), "  Certificate is for another company. ").Next!.Reason);
        Assert.Equal("reason", Decide(Submitted, AttestationAction.Verify, CertifierUser(), "looks fine").Refusal!.Field);
        Assert.Equal("reason", Decide(Submitted, AttestationAction.Reject, CertifierUser(), new string('x', 1001)).Refusal!.Field);
    }

    [Fact]
    public void An_illegal_transition_names_the_status_and_what_is_allowed()
    {
        var refusal = Decide(Submitted, AttestationAction.Revoke, CertifierUser(), "reason").Refusal!;

        Assert.Equal(RefusalKind.InvalidTransition, refusal.Kind);
        Assert.Equal(AttestationStatus.Submitted, refusal.CurrentStatus);
        Assert.Equal(["withdraw", "verify", "reject"], refusal.AllowedActions);
    }

    [Fact]
    public void Who_may_is_decided_before_the_state_machine()
    {
        var verified = Submitted with { Status = AttestationStatus.Verified };

        Assert.Equal(RefusalKind.Forbidden, Decide(verified, AttestationAction.Verify, Validator(TechUk.Id)).Refusal!.Kind);
        Assert.Equal(RefusalKind.InvalidTransition, Decide(verified, AttestationAction.Verify, CertifierUser()).Refusal!.Kind);
    }

    [Fact]
    public void Revoking_records_who_revoked_when_and_why()
    {
        var verified = Submitted with { Status = AttestationStatus.Verified, DecidedBy = Tsa.Id, DecidedAt = Now.AddDays(-30) };

        var revoked = Decide(verified, AttestationAction.Revoke, CertifierUser(), "Test report withdrawn by the lab.").Next!;

        Assert.Equal(AttestationStatus.Revoked, revoked.Status);
        Assert.Equal(Now, revoked.DecidedAt);
        Assert.Equal("Test report withdrawn by the lab.", revoked.Reason);
    }

    [Fact]
    public void Nobody_expires_an_attestation_by_hand() =>
        Assert.Equal(RefusalKind.Forbidden, Decide(Submitted with { Status = AttestationStatus.Verified }, AttestationAction.Expire, With(MarketplaceRole.Admin, null)).Refusal!.Kind);

    [Fact]
    public void Only_verified_attestations_past_their_expiry_date_expire_and_they_keep_their_decision()
    {
        var verified = Draft(A2dReady) with { Status = AttestationStatus.Verified, DecidedBy = Tsa.Id, DecidedAt = Now.AddYears(-1) };

        var expired = AttestationDecisions.Expire(verified with { ExpiresOn = Today.AddDays(-1) }, Today);

        Assert.Equal(AttestationStatus.Expired, expired!.Status);
        Assert.Equal(Tsa.Id, expired.DecidedBy);
        Assert.Null(AttestationDecisions.Expire(verified with { ExpiresOn = Today }, Today));
        Assert.Null(AttestationDecisions.Expire(verified with { ExpiresOn = null }, Today));
        Assert.Null(AttestationDecisions.Expire(verified with { Status = AttestationStatus.Submitted, ExpiresOn = Today.AddDays(-1) }, Today));
    }
}
