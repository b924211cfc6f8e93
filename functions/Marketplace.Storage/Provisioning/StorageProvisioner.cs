using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Provisioning;

/// <summary>
/// Creates the tables, containers and queues the app needs. Runs in the background at start-up and keeps
/// retrying, so the app starts (and answers health probes) even while storage is down.
/// </summary>
public sealed partial class StorageProvisioner(
    TableServiceClient tables,
    BlobServiceClient blobs,
    QueueServiceClient queues,
    StorageNames names,
    ILogger<StorageProvisioner> logger) : BackgroundService
{
    private readonly TaskCompletionSource provisioned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once everything exists; lets tests and the seeder wait for it.</summary>
    public Task Provisioned => provisioned.Task;

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        // What exists is asked first: after an app's first start everything does, and each CreateIfNotExists would be a
        // 409 the SDK throws and catches (26 of them), costly CPU while a cold instance answers its first request.
        var existingTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var filter = names.Prefix.Length == 0 ? null : $"TableName ge '{names.Prefix}' and TableName lt '{names.Prefix}~'";
        await foreach (var table in tables.QueryAsync(filter, cancellationToken: ct))
        {
            existingTables.Add(table.Name);
        }
        // Every start would otherwise ask once per container and queue (nine requests, tens of milliseconds of CPU on a
        // cold instance) for what the last complete provisioning already made.
        if (existingTables.Contains(names.ProvisionedMarkerTable))
        {
            provisioned.TrySetResult();
            return;
        }
        foreach (var table in names.Tables.Where(t => !existingTables.Contains(t)))
        {
            await tables.CreateTableIfNotExistsAsync(table, ct);
        }
        foreach (var container in names.Containers.Select(blobs.GetBlobContainerClient))
        {
            // Evidence is private: read only through short-lived SAS.
            if (!await container.ExistsAsync(ct))
            {
                await container.CreateIfNotExistsAsync(cancellationToken: ct);
            }
        }
        foreach (var queue in names.Queues.Select(queues.GetQueueClient))
        {
            if (!await queue.ExistsAsync(ct))
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            }
        }
        await tables.CreateTableIfNotExistsAsync(names.ProvisionedMarkerTable, ct);
        provisioned.TrySetResult();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureCreatedAsync(stoppingToken);
                LogProvisioned(names.Tables.Count, names.Containers.Count, names.Queues.Count);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                LogStorageUnavailable(ex.GetType().Name, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage provisioned: {Tables} tables, {Containers} containers, {Queues} queues")]
    private partial void LogProvisioned(int tables, int containers, int queues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable ({Error}); provisioning again in {Delay}")]
    private partial void LogStorageUnavailable(string error, TimeSpan delay);
}
