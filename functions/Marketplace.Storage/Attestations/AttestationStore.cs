using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Storage.Audit;
using Marketplace.Storage.Catalogue;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Attestations;

/// <summary>
/// Attestation records and their audit trail. Every write carries its audit event: the event is written on the
/// attestation's own row in the same conditional operation (an outbox column), then appended to the audit table.
/// Tables cannot write two tables atomically, so if the append fails (outage, crash) the event is still on the row
/// and reading the history appends it; a change is never left without its audit event.
/// </summary>
public sealed class AttestationStore(CatalogueTables tables, IAuditLog audit, ILogger<AttestationStore> logger) : IAttestationRecords
{
    public const string SubjectKind = Attestation.SubjectKind;
    public const string OutboxColumn = AuditedDocuments<Attestation>.OutboxColumn;

    private readonly AuditedDocuments<Attestation> documents = new(tables.Attestations, SubjectKind, audit, logger);

    public Task<StoredDocument<Attestation>?> FindAsync(string id, CancellationToken ct) => documents.FindAsync(id, ct);

    /// <summary>Adds a new attestation with its creation event; null when the id is taken.</summary>
    public Task<StoredDocument<Attestation>?> AddAsync(Attestation attestation, AuditEvent created, CancellationToken ct) =>
        documents.AddAsync(attestation, created, ct);

    /// <summary>
    /// Replaces the attestation if it is still at <paramref name="ifMatch"/>, keeping the old version as a history row,
    /// and records <paramref name="change"/>. Null when stale: then nothing was written and no event recorded.
    /// </summary>
    public Task<StoredDocument<Attestation>?> ReplaceAsync(Attestation next, Attestation current, string ifMatch, AuditEvent change, CancellationToken ct) =>
        documents.ReplaceAsync(next, current, ifMatch, change, ct);

    /// <summary>The attestation's audit events, oldest first, including one still waiting on its row.</summary>
    public Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct) => documents.HistoryAsync(id, ct);

    /// <summary>A supplier's attestations (history rows excluded), page by page.</summary>
    public IAsyncEnumerable<Attestation> ListBySupplierAsync(string supplierId, CancellationToken ct) =>
        tables.Attestations.ListAsync(TableFilter.Equal("SupplierId", supplierId), ct);

    /// <summary>Attestations in one status, page by page.</summary>
    public IAsyncEnumerable<Attestation> ListByStatusAsync(string status, CancellationToken ct) =>
        tables.Attestations.ListAsync(TableFilter.Equal("Status", status), ct);
}
