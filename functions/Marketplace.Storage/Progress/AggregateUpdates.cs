using System.Text.Json;
using Azure.Storage.Queues;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Progress;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Storage.Progress;

/// <summary>Queues an <see cref="AggregateUpdate"/> for the UpdateAggregates function.</summary>
public sealed class AggregateUpdateQueue(QueueServiceClient queues, StorageNames names)
{
    public async Task SendAsync(AggregateUpdate update, CancellationToken ct) =>
        await queues.GetQueueClient(names.AggregateUpdatesQueue).SendMessageAsync(JsonSerializer.Serialize(update, DocumentJson.Options), ct);
}

/// <summary>
/// Every search-index update is also a counters update: listings and the attestation decisions that show on them
/// already announce each affected offering there, so the counters hear of exactly the same changes.
/// </summary>
public sealed class AggregatesFollowOfferings(ISearchIndexUpdates search, AggregateUpdateQueue queue) : ISearchIndexUpdates
{
    public async Task OfferingChangedAsync(string offeringId, CancellationToken ct)
    {
        await queue.SendAsync(new AggregateUpdate(OfferingId: offeringId), ct);
        await search.OfferingChangedAsync(offeringId, ct);
    }
}

/// <summary>Shortlists as stored, announcing each saved change of outcome (an award) to the counters.</summary>
public sealed class AggregatesFollowAwards(ICommissionerRecords<ShortlistDocument> shortlists, AggregateUpdateQueue queue) : ICommissionerRecords<ShortlistDocument>
{
    public Task<StoredDocument<ShortlistDocument>?> FindAsync(string id, CancellationToken ct) => shortlists.FindAsync(id, ct);

    public Task<StoredDocument<ShortlistDocument>?> AddAsync(ShortlistDocument record, AuditEvent created, CancellationToken ct) => shortlists.AddAsync(record, created, ct);

    public async Task<StoredDocument<ShortlistDocument>?> ReplaceAsync(ShortlistDocument next, ShortlistDocument current, string ifMatch, AuditEvent change, CancellationToken ct)
    {
        var saved = await shortlists.ReplaceAsync(next, current, ifMatch, change, ct);
        if (saved is not null && next.Outcome != current.Outcome)
        {
            await queue.SendAsync(new AggregateUpdate(ShortlistId: next.Id), ct);
        }
        return saved;
    }

    public Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct) => shortlists.HistoryAsync(id, ct);

    public Task<IReadOnlyList<ShortlistDocument>> OfCommissionerAsync(string commissionerId, CancellationToken ct) => shortlists.OfCommissionerAsync(commissionerId, ct);
}
