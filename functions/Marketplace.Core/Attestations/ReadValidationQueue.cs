using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>The submitted attestations awaiting one association, oldest submission first.</summary>
public sealed record AssociationQueue(string AssociationId, IReadOnlyList<QueuedAttestation> Attestations);

/// <summary>One submission in a queue, with the names a validator reads it by.</summary>
public sealed record QueuedAttestation(Attestation Attestation, string SupplierName, string StandardName);

/// <summary>An association's validation queue: its members' submissions for standards in its remit.</summary>
public sealed class ReadValidationQueue(IAttestationRecords records, IOrganisations organisations, IStandards standards)
{
    /// <summary>The queue; 404 when <paramref name="associationId"/> is no association, 403 for anyone but its validators and admins.</summary>
    public async Task<Outcome<AssociationQueue>> RunAsync(Actor actor, string associationId, CancellationToken ct)
    {
        if (!Ids.IsId(associationId) || await organisations.FindAsync(associationId, ct) is not { Kind: OrganisationKind.Association } association)
        {
            return Failure.NotFound("association", associationId);
        }
        if (AttestationAccess.RefuseQueue(actor, association) is { } refused)
        {
            return refused;
        }
        var register = (await standards.ListAsync(ct)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var suppliers = new Dictionary<string, Organisation?>(StringComparer.Ordinal);
        var queued = new List<QueuedAttestation>();
        await foreach (var attestation in records.ListByStatusAsync(AttestationStatus.Submitted, ct))
        {
            if (!suppliers.TryGetValue(attestation.SupplierId, out var supplier))
            {
                supplier = suppliers[attestation.SupplierId] = await organisations.FindAsync(attestation.SupplierId, ct);
            }
            // A claimed equivalent is decided by buyers on their shortlists, never in a queue.
            if (attestation.Equivalent is null && supplier is not null && register.GetValueOrDefault(attestation.StandardCode) is { } standard
                && AttestationAccess.AwaitsDecisionBy(attestation, supplier, standard, association))
            {
                queued.Add(new QueuedAttestation(attestation, supplier.Name, standard.Name));
            }
        }
        // Submissions from before submittedAt was recorded (the seed) count as the oldest.
        return new AssociationQueue(associationId,
            [.. queued.OrderBy(q => q.Attestation.SubmittedAt ?? DateTimeOffset.MinValue).ThenBy(q => q.Attestation.Id, StringComparer.Ordinal)]);
    }
}
