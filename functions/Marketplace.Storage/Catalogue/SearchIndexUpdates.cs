using System.Text.Json;
using Azure.Storage.Queues;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Shortlisting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// After a write: queues a durable search-index update (the UpdateSearchIndex function applies it to the index and the
/// candidate projection, retrying), then applies it to both at once so the writer's next search and the next shortlist
/// already show the change. If a direct update fails, the queued message still repairs it.
/// </summary>
public sealed partial class SearchIndexUpdates(
    QueueServiceClient queues,
    StorageNames names,
    IOfferingSearchSource source,
    ICatalogueIndex index,
    CandidateProjection candidates,
    ILogger<SearchIndexUpdates> logger) : ISearchIndexUpdates
{
    public async Task OfferingChangedAsync(string offeringId, CancellationToken ct)
    {
        await queues.GetQueueClient(names.SearchIndexUpdatesQueue)
            .SendMessageAsync(JsonSerializer.Serialize(new SearchIndexUpdate(offeringId), DocumentJson.Options), ct);
        try
        {
            await IndexAsync(source, index, offeringId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeferred(ex, offeringId);
        }
        try
        {
            await candidates.ApplyAsync(offeringId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCandidatesDeferred(ex, offeringId);
        }
    }

    /// <summary>
    /// Brings one offering's search document in line with the tables, as the direct path and the queue function both
    /// do: upserted while the offering is searchable; deleted when it is gone or retired (then false).
    /// </summary>
    public static async Task<bool> IndexAsync(IOfferingSearchSource source, ICatalogueIndex index, string offeringId, CancellationToken ct)
    {
        if (await source.FindAsync(offeringId, ct) is { } document)
        {
            await index.UpsertAsync(document, ct);
            return true;
        }
        await index.DeleteAsync(offeringId, ct);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index update for {OfferingId} deferred to the queue")]
    private partial void LogDeferred(Exception exception, string offeringId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate projection update for {OfferingId} deferred to the queue")]
    private partial void LogCandidatesDeferred(Exception exception, string offeringId);
}
