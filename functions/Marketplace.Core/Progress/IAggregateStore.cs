namespace Marketplace.Core.Progress;

/// <summary>
/// Where the counters live, with every source's contribution to each slice kept by source id, so that applying a
/// record twice (at-least-once delivery) writes the same rows and the same counts.
/// </summary>
public interface IAggregateStore
{
    /// <summary>What the source contributes as last recorded; empty when never recorded.</summary>
    Task<IReadOnlyList<Contribution>> ContributionsOfAsync(string sourceId, CancellationToken ct);

    /// <summary>Every source's recorded contributions, one source at a time (the nightly reconciliation).</summary>
    IAsyncEnumerable<(string SourceId, IReadOnlyList<Contribution> Contributions)> ListContributionsAsync(CancellationToken ct);

    /// <summary>
    /// For each change, puts the source's row in each slice of its <see cref="SourceChange.Next"/> and takes it out of the
    /// slices of <see cref="SourceChange.Previous"/> it left; only then remembers each <see cref="SourceChange.Next"/> as
    /// its source's contributions, so a replay after a failure still knows the slices a source leaves. Each source at
    /// most once.
    /// </summary>
    async Task RecordAsync(IReadOnlyCollection<SourceChange> changes, CancellationToken ct)
    {
        await WriteSlicesAsync(changes, ct);
        // Remembered last: until then a replay still knows the slices each source is leaving.
        await RememberAsync(changes, ct);
    }

    /// <summary>The first half of <see cref="RecordAsync"/>: each source's slice rows, without remembering its contributions.</summary>
    Task WriteSlicesAsync(IReadOnlyCollection<SourceChange> changes, CancellationToken ct);

    /// <summary>The second half of <see cref="RecordAsync"/>: remembers each change's contributions as its source's.</summary>
    Task RememberAsync(IReadOnlyCollection<SourceChange> changes, CancellationToken ct);

    /// <summary>Every contribution to one slice.</summary>
    Task<IReadOnlyList<Contribution>> SliceAsync(string measure, string key, CancellationToken ct);

    /// <summary>Writes a counter's value (the read side reads only counters).</summary>
    Task WriteCounterAsync(Counter counter, CancellationToken ct);

    /// <summary>Every counter.</summary>
    Task<IReadOnlyList<Counter>> CountersAsync(CancellationToken ct);
}

/// <summary>Every shortlist with a call-off outcome recorded, read from the records (not from the counters).</summary>
public interface IAwardRecords
{
    /// <summary>Shortlists whose outcome is an award.</summary>
    IAsyncEnumerable<Shortlisting.ShortlistDocument> AwardedAsync(CancellationToken ct);
}
