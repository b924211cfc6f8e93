using Marketplace.Storage.Shortlisting;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: every night at 02:30 UTC rebuilds the candidate projection from the records, logs what drifted and
/// corrects it. Standalone, it also runs at start-up (the tables may have been edited while the app was down), unless a
/// reconciliation finished within the hour before (a seed import reconciles as it ends): at 100,000 offerings it reads
/// every offering and attestation, which a start right after the import would do again beside the first requests.
/// </summary>
public static partial class ReconcileCandidates
{
    public const string Name = "ReconcileCandidates";
    public const string Schedule = "0 30 2 * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    /// <summary>How recent a reconciliation makes another unnecessary.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromHours(1);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var projection = services.GetRequiredService<CandidateProjection>();
        // Compared with the storage service's own timestamp, so real time, not the app's (possibly development) clock.
        if (await projection.LastReconciledAsync(ct) is { } last && TimeProvider.System.GetUtcNow() - last < Recent)
        {
            return InvocationResponse.Done($"Candidate projection reconciled at {last:O}; not again within {Recent.TotalMinutes:0} minutes");
        }
        var drift = await projection.ReconcileAsync(ct);
        LogReconciled(services.GetRequiredService<ILoggerFactory>().CreateLogger(Name), drift.Rows, drift.Missing, drift.Changed, drift.Stale, drift.CountExpected);
        return InvocationResponse.Done(
            $"Checked {drift.Rows} candidate rows: {drift.Missing} missing, {drift.Changed} changed, {drift.Stale} stale; {drift.CountExpected} active offerings (kept count was {drift.CountStored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"})");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Rows} candidate rows: {Missing} missing, {Changed} changed, {Stale} stale; {Active} active offerings")]
    private static partial void LogReconciled(ILogger logger, int rows, int missing, int changed, int stale, long active);
}
