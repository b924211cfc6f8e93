using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Progress;
using Marketplace.Functions.Progress;

namespace Marketplace.Functions.Pages.Progress;

public partial class ProgressPage
{
    private ProgressFigures Figures => Data.Charts.Figures;

    private int GoalWidth => (int)Math.Min(640, Math.Ceiling(640.0 * Figures.PeopleCovered / ProgressFigures.Goal));

    private IReadOnlyList<string> Months => [.. Figures.Of(Measures.PeopleByMonth).Where(m => m.Value > 0).Select(m => m.Key).OrderDescending(StringComparer.Ordinal)];

    private static string MonthName(string month) => AwardsPackage.TryParseMonth(month, out var day) ? Dates.Month(day) : month;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/progress", HandleAsync).WithName("ProgressPage").WithSummary("Progress towards three million lives, with charts and open data.").AsWebPage()
            .AllowAnyone();
        app.MapGet("/progress/{chart}.csv", CsvAsync).WithName("ProgressChartCsv").WithSummary("One progress chart's data as CSV.").AsWebPage()
            .AllowAnyone();
    }

    private static async Task<IResult> HandleAsync(string? lot, HttpContext http, ReadProgress read, IFrameworks frameworks, PageLabels labels, CancellationToken ct)
    {
        var charts = await ChartsAsync(read, frameworks, labels, ct);
        return Views.Of<ProgressPage>(new Model(await PageContext.ForAsync(http), charts, charts.LotOrFirst(lot)));
    }

    private static async Task<IResult> CsvAsync(string chart, string? lot, HttpContext http, ReadProgress read, IFrameworks frameworks, PageLabels labels, CancellationToken ct)
    {
        var charts = await ChartsAsync(read, frameworks, labels, ct);
        var csv = chart switch
        {
            "capacity-by-lot-and-region" => charts.CapacityCsv(),
            "standards-by-lot" => charts.StandardsCsv(),
            _ => charts.ById(chart, lot)?.ToCsv(),
        };
        return csv is null
            ? await PageErrors.ResultAsync(http, StatusCodes.Status404NotFound, "Page not found", $"There is no progress chart called '{chart}'.")
            : ChartCsv.File(csv, $"telecare-progress-{chart}.csv");
    }

    private static async Task<ProgressCharts> ChartsAsync(ReadProgress read, IFrameworks frameworks, PageLabels labels, CancellationToken ct) =>
        new(await read.RunAsync(ct), labels, [.. (await frameworks.ListAsync(ct)).Where(f => f.Status == "live").SelectMany(f => f.Lots).OrderBy(l => l.Id, StringComparer.Ordinal)]);
}
