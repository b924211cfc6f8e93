using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>
/// Attestation records with their audit trail: every write carries its audit event, and a change is never stored
/// without it.
/// </summary>
public interface IAttestationRecords
{
    /// <summary>The attestation and its ETag, or null (callers pass only well-formed ids).</summary>
    Task<StoredDocument<Attestation>?> FindAsync(string id, CancellationToken ct);

    /// <summary>Adds a new attestation with its creation event; null when the id is taken.</summary>
    Task<StoredDocument<Attestation>?> AddAsync(Attestation attestation, AuditEvent created, CancellationToken ct);

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="next"/> if the record is still at <paramref name="ifMatch"/>,
    /// recording <paramref name="change"/>. Null when the stored version moved on: then nothing was written.
    /// </summary>
    Task<StoredDocument<Attestation>?> ReplaceAsync(Attestation next, Attestation current, string ifMatch, AuditEvent change, CancellationToken ct);

    /// <summary>The attestation's audit events, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct);

    /// <summary>A supplier's attestations in every status.</summary>
    IAsyncEnumerable<Attestation> ListBySupplierAsync(string supplierId, CancellationToken ct);

    /// <summary>Attestations in one status.</summary>
    IAsyncEnumerable<Attestation> ListByStatusAsync(string status, CancellationToken ct);
}
