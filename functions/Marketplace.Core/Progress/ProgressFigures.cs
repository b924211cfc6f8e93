namespace Marketplace.Core.Progress;

/// <summary>The published counters, read as they are kept (never recomputed for a view).</summary>
public sealed class ProgressFigures(IReadOnlyList<Counter> counters)
{
    /// <summary>The programme's goal: three million people (3millionlives, 2012).</summary>
    public const long Goal = 3_000_000;

    private readonly Dictionary<string, Dictionary<string, long>> byMeasure = counters
        .GroupBy(c => c.Measure, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Every counter, in measure and key order (the open-data CSV).</summary>
    public IReadOnlyList<Counter> All { get; } = [.. counters.OrderBy(c => c.Measure, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>One figure; 0 when nothing was ever counted there.</summary>
    public long Of(string measure, string key) => byMeasure.GetValueOrDefault(measure)?.GetValueOrDefault(key) ?? 0;

    /// <summary>A measure's figures by key.</summary>
    public IReadOnlyDictionary<string, long> Of(string measure) => byMeasure.GetValueOrDefault(measure) ?? [];

    /// <summary>People covered by every awarded call-off (the sum over regions: each award has exactly one region).</summary>
    public long PeopleCovered => Of(Measures.PeopleByRegion).Values.Sum();
}

/// <summary>Reads the published counters; public (they are open data).</summary>
public sealed class ReadProgress(IAggregateStore store)
{
    /// <summary>The counters as they stand.</summary>
    public async Task<ProgressFigures> RunAsync(CancellationToken ct) => new(await store.CountersAsync(ct));
}
