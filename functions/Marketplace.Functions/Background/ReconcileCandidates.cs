using Marketplace.Storage.Shortlisting;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: every night at 02:30 UTC rebuilds the candidate projection from the records, logs what drifted and
/// corrects it. Standalone, it also runs at start-up (the tables may have been seeded or edited while the app was down).
/// </summary>
public static partial class ReconcileCandidates
{
    public const string Name = "ReconcileCandidates";
    public const string Schedule = "0 30 2 * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var drift = await services.GetRequiredService<CandidateProjection>().ReconcileAsync(ct);
        LogReconciled(services.GetRequiredService<ILoggerFactory>().CreateLogger(Name), drift.Rows, drift.Missing, drift.Changed, drift.Stale, drift.CountExpected);
        return InvocationResponse.Done(
            $"Checked {drift.Rows} candidate rows: {drift.Missing} missing, {drift.Changed} changed, {drift.Stale} stale; {drift.CountExpected} active offerings (kept count was {drift.CountStored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"})");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Rows} candidate rows: {Missing} missing, {Changed} changed, {Stale} stale; {Active} active offerings")]
    private static partial void LogReconciled(ILogger logger, int rows, int missing, int changed, int stale, long active);
}
