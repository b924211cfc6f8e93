using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Audit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Audit;

/// <summary>
/// A document table whose every write carries its audit event: the event is written on the document's own row in the
/// same conditional operation (an outbox column), then appended to the audit table. If that append fails, the event
/// stays on the row and reading the history appends it; a change is never left without its audit event.
/// </summary>
public sealed partial class AuditedDocuments<T>(DocumentTable<T> table, string subjectKind, IAuditLog audit, ILogger logger) where T : class
{
    public const string OutboxColumn = "LastAuditEvent";

    public DocumentTable<T> Table => table;

    public string SubjectKind => subjectKind;

    public Task<StoredDocument<T>?> FindAsync(string id, CancellationToken ct) => table.FindAsync(id, ct);

    /// <summary>Adds a new document with its creation event; null when the id is taken.</summary>
    public async Task<StoredDocument<T>?> AddAsync(T document, AuditEvent created, CancellationToken ct)
    {
        var stored = await table.AddAsync(document, Outbox(created), ct);
        if (stored is not null)
        {
            await AppendAfterCommitAsync(created);
        }
        return stored;
    }

    /// <summary>
    /// Replaces the document if it is still at <paramref name="ifMatch"/>, keeping the old version as a history row,
    /// and records <paramref name="change"/>. Null when stale: then nothing was written and no event recorded.
    /// </summary>
    public async Task<StoredDocument<T>?> ReplaceAsync(T next, T current, string ifMatch, AuditEvent change, CancellationToken ct)
    {
        var stored = await table.ReplaceKeepingHistoryAsync(next, current, ifMatch, change.ActorUserId, change.At, Outbox(change), ct);
        if (stored is not null)
        {
            await AppendAfterCommitAsync(change);
        }
        return stored;
    }

    /// <summary>The document's audit events, oldest first, including one still waiting on its row.</summary>
    public async Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct)
    {
        var events = await audit.ReadAsync(subjectKind, id, ct);
        var row = await table.Client.GetEntityIfExistsAsync<TableEntity>(DocumentTable<T>.BucketOf(id), id, [OutboxColumn], ct);
        if (row.HasValue && row.Value!.GetString(OutboxColumn) is { } json
            && JsonSerializer.Deserialize<AuditEvent>(json, DocumentJson.Options) is { } waiting
            && !events.Any(e => e.Id == waiting.Id))
        {
            await audit.AppendAsync(waiting, ct);
            events = [.. events.Append(waiting).OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
        }
        return events;
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
            LogDeferred(logger, ex, auditEvent.SubjectId, auditEvent.Action);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit event for {SubjectId} ({Action}) kept on the record; it is appended when the history is next read")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string subjectId, string action);
}
