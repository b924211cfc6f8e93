using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>
/// An association vouches for a member's declaration ("vouched for by …"): found (404) → an association the supplier
/// belongs to (403) → If-Match (428) → a declaration, currently declared (409) → written with its audit event (412 when
/// stale). Endorsing twice changes nothing. Shown to buyers only: no eligibility or score reads endorsements.
/// </summary>
public sealed class EndorseAttestation(AttestationScope scope, IAttestationRecords records, TimeProvider clock)
{
    /// <summary>The attestation with the caller's association among its endorsements, and its ETag.</summary>
    public async Task<Outcome<StoredDocument<Attestation>>> RunAsync(Actor actor, string id, string? ifMatch, CancellationToken ct)
    {
        var scoped = await scope.OpenToChangeAsync(actor, id, AttestationOperation.Endorse, ifMatch, ct);
        if (!scoped.Succeeded)
        {
            return scoped.Failure;
        }
        var current = scoped.Value.Attestation;
        var association = actor.OrganisationId!;
        if (current.Status != AttestationStatus.Declared)
        {
            return Failure.Conflict("Only declarations are endorsed.",
                $"Associations vouch for a supplier's current declaration; this attestation is {current.Status}.", Problems.InvalidTransition,
                new Dictionary<string, object?> { ["currentStatus"] = current.Status, ["allowedActions"] = AttestationWorkflow.UserActionsFrom(current.Status).Select(AttestationWorkflow.NameOf).ToArray() });
        }
        if (current.Endorsements.Any(e => e.AssociationId == association))
        {
            return scoped.Value.Stored;
        }
        var now = clock.GetUtcNow();
        var next = current with { Endorsements = [.. current.Endorsements, new Endorsement(association, now)] };
        var change = AuditEvent.By(actor, MarketplaceRole.Association, Attestation.SubjectKind, id, "endorse", current.Status, next.Status, now)
            with { Detail = $"Vouched for by {association}." };
        return await records.ReplaceAsync(next, current, scoped.Value.Stored.ETag, change, ct) is { } stored ? stored : Failure.Stale();
    }
}
