using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>A supplier starts an attestation (a draft) for itself or one of its offerings.</summary>
public sealed class CreateAttestation(AttestationScope scope, IAttestationRecords records, IStandards standards, IAttestedOfferings offerings, IOrganisations organisations,
    SearchFollowsAttestations search, TimeProvider clock)
{
    /// <summary>
    /// The new draft and its ETag; 404 when the caller's organisation is unknown, 403 when it is not a supplier or the
    /// offering is not theirs, 400 naming every field at fault.
    /// </summary>
    public async Task<Outcome<StoredDocument<Attestation>>> RunAsync(Actor actor, AttestationRequest request, CancellationToken ct)
    {
        var own = await scope.OpenOwnSupplierAsync(actor, ct);
        if (!own.Succeeded)
        {
            return own.Failure;
        }
        var offering = Ids.IsId(request.OfferingId) ? await offerings.FindAsync(request.OfferingId, ct) : null;
        if (AttestationAccess.RefuseStart(actor, own.Value, offering) is { } refused)
        {
            return refused;
        }
        var supplierId = own.Value.Id;
        var standard = Ids.IsStandardCode(request.StandardCode) ? await standards.FindAsync(request.StandardCode, ct) : null;
        var certifier = Ids.IsId(request.CertifierId) ? await organisations.FindAsync(request.CertifierId, ct) : null;
        var now = clock.GetUtcNow();
        // Random ids make a clash vanishingly rare; retrying once covers it without a read-before-write.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var decision = AttestationRules.Create(request, supplierId, standard, offering, certifier, AttestationRules.NewAttestationId(Guid.NewGuid()), DateOnly.FromDateTime(now.UtcDateTime));
            if (decision.Next is not { } draft)
            {
                return decision.ToFailure();
            }
            var created = AuditEvent.By(actor, MarketplaceRole.Supplier, Attestation.SubjectKind, draft.Id, "create", null, draft.Status, now)
                with { Detail = $"{draft.StandardCode} {(draft.OfferingId is null ? "for the organisation" : "for " + draft.OfferingId)}, certificate {draft.CertificateNumber}"
                    + (draft.CertifierId is null ? "" : $", certification body {draft.CertifierId}") };
            if (await records.AddAsync(draft, created, ct) is { } stored)
            {
                // A draft shows in shortlists' explanations ("a draft, not yet submitted"), so what they read hears of it.
                await search.AttestationsChangedAsync([draft], CancellationToken.None);
                return stored;
            }
        }
        return Failure.Conflict("Could not allocate an attestation id.", "Please try again.");
    }
}
