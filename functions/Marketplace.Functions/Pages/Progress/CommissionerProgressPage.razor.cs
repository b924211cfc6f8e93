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
using Marketplace.Core.Progress;
using Marketplace.Functions.Progress;

namespace Marketplace.Functions.Pages.Progress;

public partial class CommissionerProgressPage
{
    private string RegionName => Data.RegionName;

    private Chart Chart => ChartOf(Data.Progress, RegionName);

    /// <summary>Suppliers able to deliver each lot in the commissioner's region; the page's chart and its CSV.</summary>
    public static Chart ChartOf(CommissionerProgress progress, string regionName)
    {
        var rows = progress.Lots.Select(l => new ChartRow(l.LotName, l.Suppliers.Count, $"{ProgressCharts.Number(l.Offerings)} offerings")).ToList();
        var gaps = rows.Where(r => r.Value == 0).Select(r => r.Label).ToList();
        var summary = gaps.Count == 0
            ? $"At least one supplier can deliver every lot in {regionName}."
            : $"No supplier can deliver {string.Join(", ", gaps)} in {regionName}: {(gaps.Count == 1 ? "a coverage gap" : $"{gaps.Count} coverage gaps")}.";
        return new("lots-in-region", $"Suppliers able to deliver each lot in {regionName}", summary, "Lot", "Suppliers", rows, "/progress/commissioner.csv");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/progress/commissioner", HandleAsync).WithName("CommissionerProgressPage").WithSummary("A commissioner's own area: awards, coverage gaps, suppliers able to deliver.").AsWebPage()
            .AllowRoles(MarketplaceRole.Commissioner);
        app.MapGet("/progress/commissioner.csv", CsvAsync).WithName("CommissionerProgressCsv").WithSummary("The commissioner's area chart as CSV.").AsWebPage()
            .AllowRoles(MarketplaceRole.Commissioner);
    }

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, ReadCommissionerProgress read, PageLabels labels, CancellationToken ct)
    {
        var progress = await read.RunAsync(actor, ct);
        return progress.Succeeded
            ? Views.Of<CommissionerProgressPage>(new Model(await PageContext.ForAsync(http), progress.Value, ProgressCharts.RegionName(labels, progress.Value.Region)))
            : await PageErrors.ResultAsync(http, progress.Failure);
    }

    private static async Task<IResult> CsvAsync(HttpContext http, Actor actor, ReadCommissionerProgress read, PageLabels labels, CancellationToken ct)
    {
        var progress = await read.RunAsync(actor, ct);
        return progress.Succeeded
            ? ChartCsv.File(ChartOf(progress.Value, ProgressCharts.RegionName(labels, progress.Value.Region)).ToCsv(), "telecare-progress-my-area.csv")
            : await PageErrors.ResultAsync(http, progress.Failure);
    }
}
