using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>
/// An attestation as its page shows it: the record and its ETag, the standard and parties, the names its history and
/// decision mention, its history, and what the viewer may do now.
/// </summary>
public sealed record AttestationReview(
    StoredDocument<Attestation> Stored,
    AttestationContext Context,
    string? OfferingName,
    IReadOnlyList<AuditEvent> History,
    IReadOnlyDictionary<string, string> OrganisationNames,
    bool IsOwner,
    IReadOnlyList<AttestationAction> Actions,
    bool ExpiresSoon,
    bool CanEndorse,
    IReadOnlyDictionary<string, EvidenceScan> EvidenceScans);

/// <summary>Everything an attestation's page shows, for those allowed to see the attestation.</summary>
public sealed class ReviewAttestation(AttestationScope scope, IAttestationRecords records, IOrganisations organisations, IAttestedOfferings offerings,
    IEvidenceFiles files, TimeProvider clock)
{
    /// <summary>How far ahead a verified certificate's expiry is called out.</summary>
    public const int ExpiryWarningDays = 60;

    /// <summary>The review; 404 when there is no such attestation, 403 when the viewer may not see it.</summary>
    public async Task<Outcome<AttestationReview>> RunAsync(Actor actor, string id, CancellationToken ct)
    {
        var scoped = await scope.OpenAsync(actor, id, AttestationOperation.Read, ct);
        if (!scoped.Succeeded)
        {
            return scoped.Failure;
        }
        var (stored, context) = scoped.Value;
        var attestation = stored.Document;
        var history = await records.HistoryAsync(id, ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organisationId in history.Select(e => e.ActorOrganisationId).Append(attestation.DecidedBy).Append(attestation.CertifierId)
            .Concat(attestation.Endorsements.Select(e => e.AssociationId)).OfType<string>().Distinct())
        {
            names[organisationId] = (await organisations.FindAsync(organisationId, ct))?.Name ?? organisationId;
        }
        // The same decision the actions themselves ask, so the page offers nothing it would refuse for who is asking.
        var actions = AttestationWorkflow.UserActionsFrom(attestation.Status)
            .Where(a => AttestationAccess.WhyNot(actor, AttestationOperation.Of(a), attestation, context) is null && !AttestationDecisions.BuyerDecides(attestation, a))
            .OrderBy(a => a is AttestationAction.Verify or AttestationAction.Submit ? 0 : 1)
            .ToList();
        var offeringName = attestation.OfferingId is { } offeringId ? (await offerings.FindAsync(offeringId, ct))?.Name ?? offeringId : null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var expiresSoon = attestation.Status is AttestationStatus.Verified or AttestationStatus.Declared && attestation.ExpiresOn is { } e && e >= today && e <= today.AddDays(ExpiryWarningDays);
        // An association endorses a declaration once; the button goes once it has.
        var canEndorse = attestation.Status == AttestationStatus.Declared
            && AttestationAccess.WhyNot(actor, AttestationOperation.Endorse, attestation, context) is null
            && !attestation.Endorsements.Any(e => e.AssociationId == actor.OrganisationId);
        // Each file's malware scan, so the page links only cleared files and tells the supplier which were blocked.
        var scans = new Dictionary<string, EvidenceScan>(StringComparer.Ordinal);
        foreach (var file in attestation.Evidence)
        {
            scans[file.FileName] = await files.ScanAsync(new EvidenceLocation(attestation.SupplierId, attestation.Id, file.FileName), ct);
        }
        return new AttestationReview(stored, context, offeringName, history, names, AttestationAccess.IsOwner(actor, attestation.SupplierId), actions, expiresSoon, canEndorse,
            scans);
    }
}
