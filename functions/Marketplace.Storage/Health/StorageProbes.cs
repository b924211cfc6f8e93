using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Core.Health;

namespace Marketplace.Storage.Health;

/// <summary>Probes the Table service by listing at most one table.</summary>
public sealed class TableServiceProbe(TableServiceClient client) : IDependencyProbe
{
    public string Name => "tables";

    public Task<DependencyStatus> ProbeAsync(CancellationToken ct) => Probe.RunAsync(Name, async token =>
    {
        await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }, ct);
}

/// <summary>Probes the Blob service through the evidence container's properties.</summary>
public sealed class BlobServiceProbe(BlobServiceClient client, StorageNames names) : IDependencyProbe
{
    public string Name => "blobs";

    public Task<DependencyStatus> ProbeAsync(CancellationToken ct) => Probe.RunAsync(Name, async token =>
    {
        // Container-level read works with the app's Blob Data Contributor role; account properties would need more.
        await client.GetBlobContainerClient(names.EvidenceContainer).ExistsAsync(token);
    }, ct);
}

/// <summary>Probes the Queue service through the search-update queue.</summary>
public sealed class QueueServiceProbe(QueueServiceClient client, StorageNames names) : IDependencyProbe
{
    public string Name => "queues";

    public Task<DependencyStatus> ProbeAsync(CancellationToken ct) => Probe.RunAsync(Name, async token =>
    {
        await client.GetQueueClient(names.SearchIndexUpdatesQueue).ExistsAsync(token);
    }, ct);
}

/// <summary>Turns a probe's failure into a status a caller may see: the kind of failure, never a stack trace.</summary>
public static class Probe
{
    public static async Task<DependencyStatus> RunAsync(string name, Func<CancellationToken, Task> check, CancellationToken ct)
    {
        try
        {
            await check(ct);
            return new DependencyStatus(name, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 0)
        {
            return new DependencyStatus(name, false, "unreachable");
        }
        catch (RequestFailedException ex)
        {
            return new DependencyStatus(name, false, $"answered {ex.Status} {ex.ErrorCode}".TrimEnd());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new DependencyStatus(name, false, "no answer in time");
        }
        catch (Exception ex) when (ex is HttpRequestException or AggregateException or IOException or TimeoutException or ObjectDisposedException)
        {
            return new DependencyStatus(name, false, "unreachable");
        }
    }
}
