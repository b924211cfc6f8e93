using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Marketplace.Core.Registers;

namespace Marketplace.Storage.Registers;

/// <summary>
/// Register imports in the <c>registerimports</c> table (partition = register, row = snapshot date), each the
/// checkpoint of its run; queueing one also sends its message to the <c>register-imports</c> queue.
/// </summary>
public sealed class TableRegisterImports(TableServiceClient tables, QueueServiceClient queues, StorageNames names) : IRegisterImports
{
    private const string DocumentColumn = "Document";

    private TableClient Table => tables.GetTableClient(names.RegisterImportsTable);

    public async Task<StoredDocument<RegisterImport>?> FindAsync(string register, DateOnly date, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(register, RowOf(date), cancellationToken: ct);
        return row.HasValue ? new StoredDocument<RegisterImport>(Read(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<RegisterImport>> ListAsync(CancellationToken ct)
    {
        var all = new List<RegisterImport>();
        await foreach (var row in Table.QueryAsync<TableEntity>(select: [DocumentColumn], cancellationToken: ct))
        {
            all.Add(Read(row));
        }
        return [.. all.OrderByDescending(i => i.SnapshotDate).ThenBy(i => i.Register, StringComparer.Ordinal)];
    }

    public async Task<RegisterImport> QueueAsync(RegisterImport import, CancellationToken ct)
    {
        await Table.UpsertEntityAsync(ToEntity(import), TableUpdateMode.Replace, ct);
        await queues.GetQueueClient(names.RegisterImportsQueue).SendMessageAsync(
            JsonSerializer.Serialize(new RegisterImportRequest(import.Register, import.SnapshotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), DocumentJson.Options), ct);
        return import;
    }

    public async Task<StoredDocument<RegisterImport>?> SaveAsync(RegisterImport next, string ifMatch, CancellationToken ct)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(next), new ETag(ifMatch), TableUpdateMode.Replace, ct);
            return new StoredDocument<RegisterImport>(next, response.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    private static string RowOf(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(RegisterImport import) => new(import.Register, RowOf(import.SnapshotDate))
    {
        [DocumentColumn] = JsonSerializer.Serialize(import, DocumentJson.Options),
        ["Status"] = import.Status,
    };

    private static RegisterImport Read(TableEntity row) =>
        JsonSerializer.Deserialize<RegisterImport>(row.GetString(DocumentColumn) ?? "null", DocumentJson.Options)
            ?? throw new InvalidDataException($"Register import row {row.PartitionKey}/{row.RowKey} holds no document.");
}
