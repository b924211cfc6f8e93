using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>
/// A workflow action on an attestation (submit, withdraw, verify, reject, revoke): found (404) → the caller may (403)
/// → If-Match present (428) → the workflow's rules (409 naming the current status and allowed actions, 400 for the
/// reason) → written only if still at If-Match (412), with its audit event → search updated for every affected offering.
/// </summary>
public sealed class ChangeAttestationStatus(AttestationScope scope, IAttestationRecords records, SearchFollowsAttestations search, TimeProvider clock)
{
    /// <summary>The attestation as it became, with its new ETag, or why not.</summary>
    public async Task<Outcome<StoredDocument<Attestation>>> RunAsync(Actor actor, string id, AttestationAction action, string? reason, string? ifMatch, CancellationToken ct)
    {
        var scoped = await scope.OpenToChangeAsync(actor, id, AttestationOperation.Of(action), ifMatch, ct);
        if (!scoped.Succeeded)
        {
            return scoped.Failure;
        }
        var current = scoped.Value.Attestation;
        var now = clock.GetUtcNow();
        var decision = AttestationDecisions.Decide(current, action, actor, scoped.Value.Context, reason, now);
        if (decision.Next is not { } next)
        {
            return decision.ToFailure();
        }
        var role = action is AttestationAction.Submit or AttestationAction.Withdraw ? MarketplaceRole.Supplier : MarketplaceRole.Certifier;
        var change = AuditEvent.By(actor, role, Attestation.SubjectKind, id, AttestationWorkflow.NameOf(action), current.Status, next.Status, now)
            with { Reason = action is AttestationAction.Reject or AttestationAction.Revoke ? next.Reason : null, EvidenceSha256 = [.. next.Evidence.Select(e => e.Sha256)] };
        // Conditional on the version the caller read: of two concurrent decisions exactly one is written.
        if (await records.ReplaceAsync(next, current, scoped.Value.Stored.ETag, change, ct) is not { } stored)
        {
            return Failure.Stale();
        }
        // The change is committed, so search follows it even if the caller has gone.
        await search.AttestationsChangedAsync([next], CancellationToken.None);
        return stored;
    }
}
