using static Marketplace.Seed.Tests.CatalogueFiles;

namespace Marketplace.Seed.Tests;

/// <summary>
/// The Whole System Demonstrator as DOMAIN.md states it: quoted only where it was tested (telehealth monitoring and
/// telecare, never video consultation, coaching or other services), with the telehealth arm's own size and the caveats
/// a commissioner will know.
/// </summary>
public sealed class OutcomeEvidenceTests
{
    private static readonly string[] MonitoringCategories =
    [
        "vital-signs-hub", "blood-pressure-monitor", "pulse-oximeter", "weighing-scales", "glucose-meter",
        "remote-monitoring-platform", "clinical-triage-service", "managed-service",
    ];

    private static IEnumerable<(string Category, string Summary)> WsdQuotes() =>
        from o in Repository.SeedFiles.Offerings
        from e in o!["outcomeEvidence"]!.AsArray()
        let summary = Str(e!, "summary")
        where summary.Contains("Whole System Demonstrator", StringComparison.Ordinal) || Str(e!, "source").Contains("e3874", StringComparison.Ordinal)
        select (Str(o!, "category"), summary);

    [Fact]
    public void The_demonstrator_is_quoted_only_on_telehealth_monitoring_or_telecare_offerings()
    {
        var quotes = WsdQuotes().ToList();

        Assert.NotEmpty(quotes);
        Assert.DoesNotContain(quotes, q => q.Category == "video-consultation");
        Assert.All(quotes, q => Assert.True(MonitoringCategories.Contains(q.Category) || IsTelecareProduct(q.Category),
            $"WSD quoted on a {q.Category} offering"));
    }

    [Fact]
    public void Every_quote_gives_the_telehealth_arms_own_size_and_the_caveats()
    {
        Assert.All(WsdQuotes(), q =>
        {
            Assert.Contains("3,230", q.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("6,191 patients", q.Summary, StringComparison.Ordinal);
            Assert.Contains("in the control group", q.Summary, StringComparison.Ordinal);
        });
        Assert.Contains(WsdQuotes(), q => q.Summary.Contains("£92,000 per QALY", StringComparison.Ordinal) && q.Summary.Contains("no gain in quality of life", StringComparison.Ordinal));
    }

    // Telecare products per DOMAIN.md: the WSD telecare arm tested them (its null result is the honest quote).
    private static bool IsTelecareProduct(string category) => category is "home-alarm-hub" or "pendant-alarm" or "fall-detector"
        or "bed-chair-occupancy-sensor" or "movement-sensor" or "door-exit-sensor" or "epilepsy-seizure-sensor"
        or "smoke-heat-co-flood-detector" or "temperature-extremes-sensor" or "medication-dispenser" or "gps-mobile-alarm"
        or "activity-monitoring" or "big-button-phone";
}
