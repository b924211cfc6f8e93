using Marketplace.Core.Access;
using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: every night at 00:30 UTC marks verified attestations whose expiry date has passed as expired
/// (each write conditional on the ETag just read, each with its audit event), then updates the search document of
/// every affected offering — the attestation's offering, or all the supplier's active offerings for an
/// organisation-level one. Standalone, it also runs at start-up.
/// </summary>
public static partial class ExpireAttestations
{
    public const string Name = "ExpireAttestations";
    public const string Schedule = "0 30 0 * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
        // The app acts for itself: the job's name is recorded as the user, with the System role.
        var run = await services.GetRequiredService<ExpireLapsedAttestations>().RunAsync(new Actor(Name, null, new HashSet<MarketplaceRole>()), ct);
        LogExpired(logger, run.Expired, run.OfferingsUpdated);
        return InvocationResponse.Done($"Expired {run.Expired} attestations; updated {run.OfferingsUpdated} offerings in search");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} attestations and updated {Offerings} offerings in search")]
    private static partial void LogExpired(ILogger logger, int count, int offerings);
}
