using Marketplace.Core.Progress;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: every night at 03:00 UTC recomputes every published figure from the records, logs each one that
/// drifted (measure, key, stored and expected values, as structured fields) and corrects it. Standalone, it also runs
/// at start-up, so a laptop's progress page counts the seeded catalogue.
/// </summary>
public static partial class ReconcileAggregatesFunction
{
    public const string Name = "ReconcileAggregates";
    public const string Schedule = "0 0 3 * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
        var run = await services.GetRequiredService<ReconcileAggregates>().RunAsync(ct);
        var logs = new List<string>();
        foreach (var drift in run.Drifts)
        {
            LogDrift(logger, drift.Measure, drift.Key, drift.Stored, drift.Expected);
            logs.Add($"Drift {drift.Measure} {drift.Key}: stored {drift.Stored}, expected {drift.Expected}; corrected");
        }
        LogReconciled(logger, run.Counters, run.Drifts.Count, run.SourcesRewritten);
        logs.Add($"Checked {run.Counters} figures; {run.Drifts.Count} drifted; {run.SourcesRewritten} records' contributions rewritten");
        return InvocationResponse.Done([.. logs]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate drift: {Measure} {Key} was {Stored}, the records give {Expected}; corrected")]
    private static partial void LogDrift(ILogger logger, string measure, string key, long stored, long expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Counters} figures: {Drifts} drifted, {Sources} contributions rewritten")]
    private static partial void LogReconciled(ILogger logger, int counters, int drifts, int sources);
}
