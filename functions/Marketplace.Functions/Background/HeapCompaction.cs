using System.Diagnostics;

namespace Marketplace.Functions.Background;

/// <summary>
/// Gives the memory left by one-off work back to the system. Server GC keeps the memory it committed for a peak (the
/// start-up reindex and reconciliations at 100,000 offerings: ~450 MB above a ~310 MB live heap) and a plain full
/// collection does not decommit it; an aggressive compacting collection does. It blocks every thread for its pause,
/// so it runs only after the start-up work, on a thread of its own, never on a request's path.
/// </summary>
public sealed partial class HeapCompaction(ILogger<HeapCompaction> logger)
{
    private int compactions;

    /// <summary>How many compactions have run since the app started.</summary>
    public int Compactions => Volatile.Read(ref compactions);

    public Task CompactAfterAsync(string work) => Task.Run(() =>
    {
        var before = GC.GetGCMemoryInfo();
        var clock = Stopwatch.StartNew();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        clock.Stop();
        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Interlocked.Increment(ref compactions);
        LogCompacted(work, clock.ElapsedMilliseconds, after.PauseDurations[0].TotalMilliseconds,
            before.TotalCommittedBytes >> 20, after.TotalCommittedBytes >> 20, after.HeapSizeBytes >> 20);
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted the heap after {Work}: {ElapsedMs} ms ({PauseMs:0} ms paused); GC committed {CommittedBeforeMb} -> {CommittedAfterMb} MB, heap {HeapMb} MB")]
    private partial void LogCompacted(string work, long elapsedMs, double pauseMs, long committedBeforeMb, long committedAfterMb, long heapMb);
}
