using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Audit;

namespace Marketplace.Storage.Audit;

/// <summary>
/// The audit table, append-only: rows are only ever added (<c>AddEntity</c>), never updated or deleted, and no API
/// edits them. Partition = <c>{subjectKind}|{subjectId}</c>, so one object's history is one partition query; row =
/// <c>{UTC ticks, 19 digits}|{event id}</c>, so rows sort in time order and an event written twice is stored once.
/// </summary>
public sealed class TableAuditLog(TableServiceClient service, StorageNames names) : IAuditLog
{
    public const string EventColumn = "Event";

    private TableClient Table => service.GetTableClient(names.AuditTable);

    public static string PartitionOf(string subjectKind, string subjectId) => $"{subjectKind}|{subjectId}";

    public static string RowOf(AuditEvent auditEvent) => $"{auditEvent.At.UtcTicks:D19}|{auditEvent.Id}";

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        var entity = new TableEntity(PartitionOf(auditEvent.SubjectKind, auditEvent.SubjectId), RowOf(auditEvent))
        {
            [EventColumn] = JsonSerializer.Serialize(auditEvent, DocumentJson.Options),
            ["Action"] = auditEvent.Action,
            ["ActorUserId"] = auditEvent.ActorUserId,
            ["ActorOrganisationId"] = auditEvent.ActorOrganisationId,
            ["At"] = auditEvent.At,
        };
        try
        {
            await Table.AddEntityAsync(entity, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same event (same time and id) is already there: appending is idempotent.
        }
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string subjectKind, string subjectId, CancellationToken ct)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableFilter.Equal("PartitionKey", PartitionOf(subjectKind, subjectId)), select: [EventColumn], cancellationToken: ct))
        {
            events.Add(Read(row.GetString(EventColumn)));
        }
        // The service returns a partition in row-key order already; sorting keeps that true for any other reader.
        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public static AuditEvent Read(string? json) =>
        JsonSerializer.Deserialize<AuditEvent>(json ?? "null", DocumentJson.Options) ?? throw new InvalidDataException("An audit row holds no event.");
}
