using Marketplace.Core.Progress;
using Marketplace.Storage;

namespace Marketplace.Functions.Background;

/// <summary>
/// Queue function: brings the counters in line with one offering or award, read as it is now. Idempotent (each record's
/// contribution is kept by its id and each touched figure recounted from those rows), so at-least-once delivery is harmless.
/// </summary>
public static partial class UpdateAggregatesFunction
{
    public const string Name = "UpdateAggregates";
    public const string BindingName = "message";

    public static BackgroundFunction Define(StorageNames names) =>
        new(Name, new QueueTriggerBinding(BindingName, names.AggregateUpdatesQueue), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var update = request.ReadQueueMessage<AggregateUpdate>(BindingName);
        var aggregates = services.GetRequiredService<UpdateAggregates>();
        var (kind, id, slices) = update switch
        {
            { OfferingId: { Length: > 0 } offering, ShortlistId: null } => ("offering", offering, await aggregates.OfferingChangedAsync(offering, ct)),
            { ShortlistId: { Length: > 0 } shortlist, OfferingId: null } => ("shortlist", shortlist, await aggregates.ShortlistChangedAsync(shortlist, ct)),
            _ => throw new InvalidInvocationException("Exactly one of offeringId and shortlistId is required."),
        };
        LogUpdated(services.GetRequiredService<ILoggerFactory>().CreateLogger(Name), kind, id, slices);
        return InvocationResponse.Done($"Recounted {slices} figures for {kind} {id}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recounted {Slices} figures for {Kind} {Id}")]
    private static partial void LogUpdated(ILogger logger, string kind, string id, int slices);
}
