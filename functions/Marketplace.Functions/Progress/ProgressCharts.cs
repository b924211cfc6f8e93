using System.Globalization;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Progress;
using Marketplace.Functions.Pages;

namespace Marketplace.Functions.Progress;

/// <summary>The public progress page's charts, built from the published counters (never from the records).</summary>
public sealed class ProgressCharts(ProgressFigures figures, PageLabels labels, IReadOnlyList<FrameworkLot> lots)
{
    /// <summary>The charts' ids, as their CSV downloads are named (<c>/progress/{id}.csv</c>).</summary>
    public static readonly IReadOnlyList<string> Ids =
        ["people-by-region", "people-over-time", "people-by-condition", "switchover-readiness", "capacity-by-lot-and-region", "standards-by-lot", "supplier-size"];

    public ProgressFigures Figures => figures;

    public IReadOnlyList<FrameworkLot> Lots => lots;

    public IReadOnlyList<(string Value, string Title)> Regions { get; } = [.. labels.All("region").Select(r => (r.Value, Shorter(r.Title)))];

    /// <summary>A region's name for a chart: the vocabulary's title without "(NHS England region)", which every English one carries.</summary>
    public static string RegionName(PageLabels labels, string slug) => Shorter(labels.Region(slug));

    private static string Shorter(string title) => title.Replace(" (NHS England region)", "", StringComparison.Ordinal);

    public Chart? ById(string id, string? lotId) => id switch
    {
        "people-by-region" => PeopleByRegion(),
        "people-over-time" => PeopleOverTime(),
        "people-by-condition" => PeopleByCondition(),
        "switchover-readiness" => SwitchoverReadiness(),
        "capacity-by-lot-and-region" => Capacity(LotOrFirst(lotId)),
        "standards-by-lot" => StandardsIn(LotOrFirst(lotId)),
        "supplier-size" => SupplierSize(),
        _ => null,
    };

    public FrameworkLot? LotOrFirst(string? lotId) => lots.FirstOrDefault(l => l.Id == lotId) ?? lots.FirstOrDefault();

    public Chart PeopleByRegion()
    {
        var rows = Regions.Select(r => new ChartRow(r.Title, figures.Of(Measures.PeopleByRegion, r.Value))).ToList();
        var covered = figures.PeopleCovered;
        var best = rows.MaxBy(r => r.Value);
        var without = rows.Count(r => r.Value == 0);
        var summary = covered == 0
            ? "No call-off has been awarded yet, so no one is covered."
            : $"{Number(covered)} people are covered by awarded call-offs, {Percent(covered, ProgressFigures.Goal)} of the three million goal. " +
              $"{best!.Label} has the most ({Number(best.Value)}); {(without == 0 ? "every region has at least one award" : $"{without} of {rows.Count} regions and nations have none yet")}.";
        return new("people-by-region", "People covered by region", summary, "Region or nation", "People covered", rows, "/progress/people-by-region.csv");
    }

    public Chart PeopleOverTime()
    {
        long running = 0;
        var rows = figures.Of(Measures.PeopleByMonth).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ChartRow(MonthName(p.Key), running += p.Value, $"{Number(p.Value)} added")).ToList();
        var summary = rows.Count == 0
            ? "No call-off has been awarded yet."
            : $"Coverage grew from {Number(rows[0].Value)} people in {rows[0].Label} to {Number(rows[^1].Value)} in {rows[^1].Label}, " +
              $"{Percent(rows[^1].Value, ProgressFigures.Goal)} of the three million goal.";
        return new("people-over-time", "People covered over time (cumulative, by month of award)", summary, "Month", "People covered to date", rows, "/progress/people-over-time.csv");
    }

    public Chart PeopleByCondition()
    {
        var rows = figures.Of(Measures.PeopleByCondition).Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ChartRow(p.Key == Contributions.ConditionNotStated ? "Condition not stated" : labels.Condition(p.Key), p.Value)).ToList();
        var summary = rows.Count == 0
            ? "No call-off has been awarded yet."
            : $"{rows[0].Label} covers the most people ({Number(rows[0].Value)}). A cohort with several conditions counts under each, so these add up to more than the people covered.";
        return new("people-by-condition", "People covered by condition", summary, "Condition", "People covered", rows, "/progress/people-by-condition.csv");
    }

    public Chart SwitchoverReadiness()
    {
        var rows = Switchover.All.Select(s => new ChartRow(Switchover.Words(s), figures.Of(Measures.SwitchoverReadiness, s))).ToList();
        var total = rows.Sum(r => r.Value);
        var summary = total == 0
            ? "No telecare offering is listed yet."
            : $"{Number(rows[0].Value)} of {Number(total)} telecare offerings ({Percent(rows[0].Value, total)}) are ready for the analogue switch-off in January 2027; " +
              $"{Number(rows[2].Value)} are analogue only.";
        return new("switchover-readiness", "Digital switchover readiness of telecare offerings", summary, "Readiness", "Telecare offerings", rows, "/progress/switchover-readiness.csv");
    }

    /// <summary>Suppliers able to deliver the lot in each region (the tile grid), offerings as the note.</summary>
    public Chart Capacity(FrameworkLot? lot)
    {
        var id = lot?.Id ?? "";
        var rows = Regions.Select(r => new ChartRow(r.Title, figures.Of(Measures.SuppliersByLotRegion, Measures.Pair(id, r.Value)),
            $"{Number(figures.Of(Measures.OfferingsByLotRegion, Measures.Pair(id, r.Value)))} offerings")).ToList();
        var gaps = rows.Where(r => r.Value == 0).Select(r => r.Label).ToList();
        var summary = $"Lot {lot?.Number}, {lot?.Name}: " + (gaps.Count == 0
            ? "at least one supplier can deliver in every region and nation."
            : $"no supplier can deliver in {string.Join(", ", gaps)}.");
        return new("capacity-by-lot-and-region", $"Suppliers able to deliver lot {lot?.Number} ({lot?.Name}) by region", summary, "Region or nation", "Suppliers", rows,
            $"/progress/capacity-by-lot-and-region.csv");
    }

    /// <summary>Share of the lot's offerings holding each standard today, as whole percentages.</summary>
    public Chart StandardsIn(FrameworkLot? lot)
    {
        var id = lot?.Id ?? "";
        var offerings = figures.Of(Measures.OfferingsByLot, id);
        var rows = figures.Of(Measures.OfferingsByLotStandard)
            .Select(p => (Key: Measures.Split(p.Key), p.Value)).Where(p => p.Key.First == id)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Second, StringComparer.Ordinal)
            .Select(p => new ChartRow(p.Key.Second, offerings == 0 ? 0 : (long)Math.Round(100.0 * p.Value / offerings), $"{Number(p.Value)} of {Number(offerings)} offerings")).ToList();
        var summary = rows.Count == 0
            ? $"No offering in lot {lot?.Number} holds a standard today."
            : $"Of the {Number(offerings)} offerings in lot {lot?.Number} ({lot?.Name}), {rows[0].Value}% hold {rows[0].Label}, the most held standard.";
        return new("standards-by-lot", $"Standards held by lot {lot?.Number} offerings ({lot?.Name})", summary, "Standard", "Share of offerings (%)", rows, "/progress/standards-by-lot.csv");
    }

    public Chart SupplierSize()
    {
        var rows = new[] { ("sme", "Small and medium-sized"), ("large", "Large"), ("not-stated", "Size not stated") }
            .Select(s => new ChartRow(s.Item2, figures.Of(Measures.SuppliersBySize, s.Item1))).ToList();
        var total = rows.Sum(r => r.Value);
        var summary = total == 0
            ? "No supplier has an active offering yet."
            : $"{Number(rows[0].Value)} of the {Number(total)} suppliers with an active offering ({Percent(rows[0].Value, total)}) are small or medium-sized enterprises.";
        return new("supplier-size", "Suppliers by size", summary, "Size", "Suppliers", rows, "/progress/supplier-size.csv");
    }

    /// <summary>Every lot × region capacity figure: the CSV behind the tile grid, for all lots at once.</summary>
    public string CapacityCsv() => ChartCsv.Write(["lot", "region", "suppliers", "offerings"],
        lots.SelectMany(l => Regions.Select(r => (IReadOnlyList<string>)
            [l.Name, r.Title, Chart.Number(figures.Of(Measures.SuppliersByLotRegion, Measures.Pair(l.Id, r.Value))), Chart.Number(figures.Of(Measures.OfferingsByLotRegion, Measures.Pair(l.Id, r.Value)))])));

    /// <summary>Every lot × standard figure, for all lots at once.</summary>
    public string StandardsCsv() => ChartCsv.Write(["lot", "standard", "offerings_holding", "offerings_in_lot"],
        lots.SelectMany(l => figures.Of(Measures.OfferingsByLotStandard).Where(p => Measures.Split(p.Key).First == l.Id).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (IReadOnlyList<string>)[l.Name, Measures.Split(p.Key).Second, Chart.Number(p.Value), Chart.Number(figures.Of(Measures.OfferingsByLot, l.Id))])));

    // Invariant culture groups thousands with commas, as en-GB does (the app runs in globalization-invariant mode).
    public static string Number(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Percent(long part, long whole) => whole == 0 ? "0%" : (100.0 * part / whole).ToString(part * 1000 < whole ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%";

    private static string MonthName(string yyyyMm) => AwardsPackage.TryParseMonth(yyyyMm, out var d) ? Pages.Shared.Dates.Month(d) : yyyyMm;
}
