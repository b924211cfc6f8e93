using System.Collections.Concurrent;

namespace Marketplace.Functions.Background;

/// <summary>What the standalone runner has done: per function, how many invocations finished and how the last one went.</summary>
public sealed class BackgroundActivity
{
    private readonly ConcurrentDictionary<string, FunctionActivity> functions = new(StringComparer.Ordinal);

    private readonly TaskCompletionSource startUpWork = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every timer function that runs at start-up has run once and the heap was compacted after them.</summary>
    public Task StartUpWork => startUpWork.Task;

    internal void StartUpWorkFinished() => startUpWork.SetResult();

    public FunctionActivity Of(string functionName) => functions.GetValueOrDefault(functionName) ?? new FunctionActivity(0, 0, null);

    internal void Record(string functionName, bool succeeded, DateTimeOffset at) =>
        functions.AddOrUpdate(functionName,
            _ => new FunctionActivity(1, succeeded ? 0 : 1, at),
            (_, a) => new FunctionActivity(a.Invocations + 1, a.Failures + (succeeded ? 0 : 1), at));
}

/// <summary>Invocations finished, how many failed, and when the last one finished.</summary>
public sealed record FunctionActivity(int Invocations, int Failures, DateTimeOffset? LastFinished);
