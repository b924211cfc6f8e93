using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Bench.Catalogue;

/// <summary>Percentiles of a set of timings, in milliseconds.</summary>
/// <remarks>
/// <see cref="CpuMsPerQuery"/> is the processor time the answering process spent per query (all its threads, the
/// garbage collector's included): unlike the percentiles, it hardly moves with what else runs on a shared machine.
/// </remarks>
public sealed record Latency(double P50, double P95, int Count, double? CpuMsPerQuery = null)
{
    public static Latency Of(IReadOnlyList<double> milliseconds, TimeSpan? cpu = null)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length, cpu?.TotalMilliseconds / sorted.Length);
    }

    /// <summary>This process's processor time so far.</summary>
    public static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"{P50:0.0} / {P95:0.0} ms" + (CpuMsPerQuery is { } cpu ? $" (CPU {cpu:0.00} ms/query)" : "");
}

/// <summary>The query mix: what commissioners type and tick, as query strings of GET /api/catalogue/search.</summary>
public static class QueryMix
{
    public static readonly string[] QueryStrings =
    [
        "q=fall+detector",
        "q=pendant+alarm&region=london",
        "q=blood+pressure&category=blood-pressure-monitor",
        "q=copd",
        "q=%22fall+detector%22+-analogue",
        "q=hub+%7C+gateway&connectivity=digital,both",
        "category=fall-detector&standard=TSA-QSF",
        "standard=DSPT,DTAC&region=north-west&sort=price",
        "q=remote+monitoring&condition=heart-failure,copd&sort=relevance&page=2",
        "maxPrice=50&sort=name",
        "",
        "q=coaching&lot=ttc-2026-lot-5",
    ];

    /// <summary>
    /// The load benchmark's query set: the mix, then variants of it (another page, order, region, category, price
    /// ceiling or word) so that a result cache meets searches it has not seen. Deterministic, about 5,000 strings;
    /// bench/load.mjs draws from it with a skew towards the front, as real searches repeat the common ones.
    /// </summary>
    public static IReadOnlyList<string> LoadSet()
    {
        string[] words = ["", "q=alarm", "q=pendant", "q=monitor", "q=sensor", "q=digital", "q=falls", "q=telehealth", "q=hub", "q=gps", "q=dementia", "q=epilepsy"];
        string[] categories = ["", "category=fall-detector", "category=pendant-alarm", "category=blood-pressure-monitor", "category=home-alarm-hub", "category=gps-locator"];
        string[] regions = ["", "region=london", "region=north-west", "region=midlands", "region=south-west"];
        string[] orders = ["", "sort=price", "sort=name"];
        string[] pages = ["", "page=2", "page=3"];
        string[] ceilings = ["", "maxPrice=100"];
        var set = new List<string>(QueryStrings);
        var seen = new HashSet<string>(QueryStrings, StringComparer.Ordinal);
        foreach (var word in words)
        {
            foreach (var category in categories)
            {
                foreach (var region in regions)
                {
                    foreach (var order in orders)
                    {
                        foreach (var page in pages)
                        {
                            foreach (var ceiling in ceilings)
                            {
                                var query = string.Join('&', new[] { word, category, region, order, page, ceiling }.Where(p => p.Length > 0));
                                if (seen.Add(query))
                                {
                                    set.Add(query);
                                }
                            }
                        }
                    }
                }
            }
        }
        // Interleaved so the front of the list (drawn most) mixes kinds rather than holding only the first word.
        return [.. set.Take(QueryStrings.Length), .. set.Skip(QueryStrings.Length).OrderBy(q => FairOrdering.KeyOf(q))];
    }
}
