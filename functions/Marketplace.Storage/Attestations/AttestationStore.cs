using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Catalogue;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Attestations;

/// <summary>
/// Attestation records and their audit trail. Every write carries its audit event: the event is written on the
/// attestation's own row in the same conditional operation (an outbox column), then appended to the audit table.
/// Tables cannot write two tables atomically, so if the append fails (outage, crash) the event is still on the row
/// and reading the history appends it; a change is never left without its audit event.
/// </summary>
public sealed partial class AttestationStore(CatalogueTables tables, IAuditLog audit, ILogger<AttestationStore> logger)
{
    public const string SubjectKind = "attestation";
    public const string OutboxColumn = "LastAuditEvent";

    public Task<StoredDocument<Attestation>?> FindAsync(string id, CancellationToken ct) => tables.Attestations.FindAsync(id, ct);

    /// <summary>Adds a new attestation with its creation event; null when the id is taken.</summary>
    public async Task<StoredDocument<Attestation>?> AddAsync(Attestation attestation, AuditEvent created, CancellationToken ct)
    {
        var stored = await tables.Attestations.AddAsync(attestation, Outbox(created), ct);
        if (stored is not null)
        {
            await AppendAfterCommitAsync(created);
        }
        return stored;
    }

    /// <summary>
    /// Replaces the attestation if it is still at <paramref name="ifMatch"/>, keeping the old version as a history row,
    /// and records <paramref name="change"/>. Null when stale: then nothing was written and no event recorded.
    /// </summary>
    public async Task<StoredDocument<Attestation>?> ReplaceAsync(Attestation next, Attestation current, string ifMatch, AuditEvent change, CancellationToken ct)
    {
        var stored = await tables.Attestations.ReplaceKeepingHistoryAsync(next, current, ifMatch, change.ActorUserId, change.At, Outbox(change), ct);
        if (stored is not null)
        {
            await AppendAfterCommitAsync(change);
        }
        return stored;
    }

    /// <summary>The attestation's audit events, oldest first, including one still waiting on its row.</summary>
    public async Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct)
    {
        var events = await audit.ReadAsync(SubjectKind, id, ct);
        var row = await tables.Attestations.Client.GetEntityIfExistsAsync<TableEntity>(DocumentTable<Attestation>.BucketOf(id), id, [OutboxColumn], ct);
        if (row.HasValue && row.Value!.GetString(OutboxColumn) is { } json
            && JsonSerializer.Deserialize<AuditEvent>(json, DocumentJson.Options) is { } waiting
            && !events.Any(e => e.Id == waiting.Id))
        {
            await audit.AppendAsync(waiting, ct);
            events = [.. events.Append(waiting).OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
        }
        return events;
    }

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

    private static Dictionary<string, object?> Outbox(AuditEvent auditEvent) =>
        new() { [OutboxColumn] = JsonSerializer.Serialize(auditEvent, DocumentJson.Options) };

    // The change is committed: finish its audit even if the caller has gone, and if the audit table is down leave the
    // event on the row for HistoryAsync rather than failing a request whose change already happened.
    private async Task AppendAfterCommitAsync(AuditEvent auditEvent)
    {
        try
        {
            await audit.AppendAsync(auditEvent, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or >= 500)
        {
            LogDeferred(ex, auditEvent.SubjectId, auditEvent.Action);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit event for {SubjectId} ({Action}) kept on the record; it is appended when the history is next read")]
    private partial void LogDeferred(Exception exception, string subjectId, string action);
}
