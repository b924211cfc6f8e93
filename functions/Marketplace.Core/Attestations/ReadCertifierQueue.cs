using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>The submitted attestations awaiting one certification body, oldest submission first.</summary>
public sealed record CertifierQueue(string CertifierId, IReadOnlyList<QueuedAttestation> Attestations);

/// <summary>One submission in a queue, with the names a certifier reads it by.</summary>
public sealed record QueuedAttestation(Attestation Attestation, string SupplierName, string StandardName);

/// <summary>A certification body's queue: submissions naming it, for schemes it is accredited for.</summary>
public sealed class ReadCertifierQueue(IAttestationRecords records, IOrganisations organisations, IStandards standards)
{
    /// <summary>The queue; 404 when <paramref name="certifierId"/> is no certification body, 403 for anyone but its people and admins.</summary>
    public async Task<Outcome<CertifierQueue>> RunAsync(Actor actor, string certifierId, CancellationToken ct)
    {
        if (!Ids.IsId(certifierId) || await organisations.FindAsync(certifierId, ct) is not { Kind: OrganisationKind.Certifier } certifier)
        {
            return Failure.NotFound("certifier", certifierId);
        }
        if (AttestationAccess.RefuseQueue(actor, certifier) is { } refused)
        {
            return refused;
        }
        var register = (await standards.ListAsync(ct)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var queued = new List<QueuedAttestation>();
        await foreach (var attestation in records.ListByStatusAsync(AttestationStatus.Submitted, ct))
        {
            if (register.GetValueOrDefault(attestation.StandardCode) is not { } standard || !AttestationAccess.AwaitsDecisionBy(attestation, standard, certifier))
            {
                continue;
            }
            if (!names.TryGetValue(attestation.SupplierId, out var supplierName))
            {
                supplierName = names[attestation.SupplierId] = (await organisations.FindAsync(attestation.SupplierId, ct))?.Name ?? attestation.SupplierId;
            }
            queued.Add(new QueuedAttestation(attestation, supplierName, standard.Name));
        }
        // Submissions from before submittedAt was recorded (the seed) count as the oldest.
        return new CertifierQueue(certifierId,
            [.. queued.OrderBy(q => q.Attestation.SubmittedAt ?? DateTimeOffset.MinValue).ThenBy(q => q.Attestation.Id, StringComparer.Ordinal)]);
    }
}
