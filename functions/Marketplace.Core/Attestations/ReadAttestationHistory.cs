using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>An attestation's audit trail: who did what, when, from which status to which, why, and evidence hashes.</summary>
public sealed record AttestationHistory(string AttestationId, IReadOnlyList<AuditEvent> Events);

/// <summary>Every audit event of an attestation, oldest first, for those allowed to see it.</summary>
public sealed class ReadAttestationHistory(AttestationScope scope, IAttestationRecords records)
{
    /// <summary>The history, 404 when there is no such attestation, 403 when the caller may not see it.</summary>
    public async Task<Outcome<AttestationHistory>> RunAsync(Actor actor, string id, CancellationToken ct)
    {
        var scoped = await scope.OpenAsync(actor, id, AttestationOperation.Read, ct);
        return scoped.Succeeded ? new AttestationHistory(id, await records.HistoryAsync(id, ct)) : scoped.Failure;
    }
}
