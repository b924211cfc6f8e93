using System.Runtime.CompilerServices;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
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
public sealed class AttestationStore(CatalogueTables tables, IAuditLog audit, ILogger<AttestationStore> logger)
{
    public const string SubjectKind = "attestation";
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

    /// <summary>
    /// The offerings whose search documents show this attestation: its offering, or for an organisation-level one
    /// every active offering of the supplier.
    /// </summary>
    public async IAsyncEnumerable<string> AffectedOfferingsAsync(Attestation attestation, [EnumeratorCancellation] CancellationToken ct)
    {
        if (attestation.OfferingId is { } offeringId)
        {
            yield return offeringId;
            yield break;
        }
        await foreach (var offering in tables.Offerings.ListAsync(
            $"{TableFilter.Equal("SupplierId", attestation.SupplierId)} and {TableFilter.Equal("Status", OfferingStatus.Active)}", ct))
        {
            yield return offering.Id;
        }
    }
}
