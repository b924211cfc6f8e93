using Marketplace.Core.Access;
using Marketplace.Core.CallOffs;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: every five minutes closes the response window of each further competition whose deadline has
/// passed and ends each standstill that has run its working days. Both are idempotent: a second run, or a run racing a
/// commissioner's own step, changes nothing twice (each write is conditional on the version just read).
/// </summary>
public static partial class AdvanceCallOffs
{
    public const string Name = "AdvanceCallOffs";
    public const string Schedule = "0 */5 * * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
        var (closed, ended) = await services.GetRequiredService<FurtherCompetitions>().AdvanceAsync(new Actor(Name, null, new HashSet<MarketplaceRole>()), ct);
        LogAdvanced(logger, closed, ended);
        return InvocationResponse.Done($"Closed {closed} competitions; ended {ended} standstills");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Closed} competitions and ended {Ended} standstills")]
    private static partial void LogAdvanced(ILogger logger, int closed, int ended);
}
