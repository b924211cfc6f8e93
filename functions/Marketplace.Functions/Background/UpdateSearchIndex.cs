using Marketplace.Core.Catalogue;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;

namespace Marketplace.Functions.Background;

/// <summary>
/// Queue function: brings one offering's search document and its candidate projection rows in line with the tables
/// (upsert, or delete when the offering is gone or retired). Idempotent, so the host's at-least-once delivery is harmless.
/// </summary>
public static partial class UpdateSearchIndex
{
    public const string Name = "UpdateSearchIndex";
    public const string BindingName = "message";

    public static BackgroundFunction Define(StorageNames names) =>
        new(Name, new QueueTriggerBinding(BindingName, names.SearchIndexUpdatesQueue), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var update = request.ReadQueueMessage<SearchIndexUpdate>(BindingName);
        if (string.IsNullOrWhiteSpace(update.OfferingId))
        {
            throw new InvalidInvocationException("offeringId is required.");
        }
        var source = services.GetRequiredService<IOfferingSearchSource>();
        var index = services.GetRequiredService<ICatalogueIndex>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
        await services.GetRequiredService<CandidateProjection>().ApplyAsync(update.OfferingId, ct);
        if (await SearchIndexUpdates.IndexAsync(source, index, update.OfferingId, ct))
        {
            LogIndexed(logger, update.OfferingId);
            return InvocationResponse.Done($"Indexed {update.OfferingId}");
        }
        LogRemoved(logger, update.OfferingId);
        return InvocationResponse.Done($"Removed {update.OfferingId} from the index");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed offering {OfferingId}")]
    private static partial void LogIndexed(ILogger logger, string offeringId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed offering {OfferingId} from the index")]
    private static partial void LogRemoved(ILogger logger, string offeringId);
}
