using System.Text.Json;
using Azure.Storage.Queues;
using Marketplace.Core.Catalogue;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// After a write: queues a durable search-index update (the UpdateSearchIndex function applies it, retrying), then
/// applies it at once so the writer's next search already shows the change. If the direct update fails, the queued
/// message still repairs the index.
/// </summary>
public sealed partial class SearchIndexUpdates(
    QueueServiceClient queues,
    StorageNames names,
    IOfferingSearchSource source,
    ICatalogueIndex index,
    ILogger<SearchIndexUpdates> logger) : ISearchIndexUpdates
{
    public async Task OfferingChangedAsync(string offeringId, CancellationToken ct)
    {
        await queues.GetQueueClient(names.SearchIndexUpdatesQueue)
            .SendMessageAsync(JsonSerializer.Serialize(new SearchIndexUpdate(offeringId), DocumentJson.Options), ct);
        try
        {
            if (await source.FindAsync(offeringId, ct) is { } document)
            {
                await index.UpsertAsync(document, ct);
            }
            else
            {
                await index.DeleteAsync(offeringId, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeferred(ex, offeringId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index update for {OfferingId} deferred to the queue")]
    private partial void LogDeferred(Exception exception, string offeringId);
}
