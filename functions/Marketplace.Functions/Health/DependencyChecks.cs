using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Core.Catalogue;
using Marketplace.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Functions.Health;

// Each check only has to reach its dependency: a throw (or the registration's timeout) is what makes it unhealthy,
// and GetHealth turns the exception into words safe to show a caller.

/// <summary>The Table service answers a listing of at most one table.</summary>
internal sealed class TablesCheck(TableServiceClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1))
        {
            break;
        }
        return HealthCheckResult.Healthy();
    }
}

/// <summary>The Blob service answers for the evidence container.</summary>
internal sealed class BlobsCheck(BlobServiceClient client, StorageNames names) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        // Container-level read works with the app's Blob Data Contributor role; account properties would need more.
        await client.GetBlobContainerClient(names.EvidenceContainer).ExistsAsync(ct);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>The Queue service answers for the search-update queue.</summary>
internal sealed class QueuesCheck(QueueServiceClient client, StorageNames names) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        await client.GetQueueClient(names.SearchIndexUpdatesQueue).ExistsAsync(ct);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>The search index (Lucene or Azure AI Search) can count its documents.</summary>
internal sealed class SearchCheck(ICatalogueIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        await index.CountAsync(ct);
        return HealthCheckResult.Healthy();
    }
}
