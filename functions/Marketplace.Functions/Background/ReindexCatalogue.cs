using Marketplace.Core.Catalogue;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: rebuilds the search index from the tables every night at 02:00 UTC, so the derived index can
/// never drift for long. Standalone, it also runs at start-up (the local Lucene index may be older than the tables).
/// </summary>
public static partial class ReindexCatalogue
{
    public const string Name = "ReindexCatalogue";
    public const string Schedule = "0 0 2 * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var source = services.GetRequiredService<IOfferingSearchSource>();
        var index = services.GetRequiredService<ICatalogueIndex>();
        var count = await index.RebuildAsync(source.ListActiveAsync(ct), ct);
        LogRebuilt(services.GetRequiredService<ILoggerFactory>().CreateLogger(Name), count);
        return InvocationResponse.Done($"Reindexed {count} offerings");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the search index with {Count} offerings")]
    private static partial void LogRebuilt(ILogger logger, int count);
}
