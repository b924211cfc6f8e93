namespace Marketplace.Bench.Catalogue;

/// <summary>Percentiles of a set of timings, in milliseconds.</summary>
public sealed record Latency(double P50, double P95, int Count)
{
    public static Latency Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"{P50:0.0} / {P95:0.0} ms";
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
}
