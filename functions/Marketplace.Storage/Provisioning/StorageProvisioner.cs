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
        foreach (var table in names.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(table, ct);
        }
        foreach (var container in names.Containers)
        {
            // Evidence is private: read only through short-lived SAS.
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: ct);
        }
        foreach (var queue in names.Queues)
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: ct);
        }
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
