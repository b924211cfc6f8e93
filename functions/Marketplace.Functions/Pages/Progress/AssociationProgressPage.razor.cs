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

public partial class AssociationProgressPage
{
    private Chart Chart => ChartOf(Data.Progress);

    /// <summary>Members' attestations lapsing within 30, 31–60 and 61–90 days; the page's chart and its CSV.</summary>
    public static Chart ChartOf(AssociationProgress progress)
    {
        var rows = new[] { (30, "Within 30 days"), (60, "In 31 to 60 days"), (90, "In 61 to 90 days") }
            .Select(b => new ChartRow(b.Item2, progress.Expiring.Count(e => e.WithinDays == b.Item1))).ToList();
        var summary = progress.Expiring.Count == 0
            ? "None of your members' certificates or declarations lapses in the next 90 days."
            : $"{rows[0].Value} of your members' attestations lapse within 30 days, {rows[1].Value} in 31 to 60 days and {rows[2].Value} in 61 to 90 days.";
        return new("lapsing", "Members' attestations lapsing in the next 90 days", summary, "When", "Attestations", rows, "/progress/association.csv");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/progress/association", HandleAsync).WithName("AssociationProgressPage").WithSummary("An association's members: renewals due and declarations awaiting endorsement.").AsWebPage()
            .AllowRoles(MarketplaceRole.Association);
        app.MapGet("/progress/association.csv", CsvAsync).WithName("AssociationProgressCsv").WithSummary("The association's renewals chart as CSV.").AsWebPage()
            .AllowRoles(MarketplaceRole.Association);
    }

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, ReadAssociationProgress read, CancellationToken ct)
    {
        var progress = await read.RunAsync(actor, ct);
        return progress.Succeeded
            ? Views.Of<AssociationProgressPage>(new Model(await PageContext.ForAsync(http), progress.Value))
            : await PageErrors.ResultAsync(http, progress.Failure);
    }

    private static async Task<IResult> CsvAsync(HttpContext http, Actor actor, ReadAssociationProgress read, CancellationToken ct)
    {
        var progress = await read.RunAsync(actor, ct);
        return progress.Succeeded
            ? ChartCsv.File(ChartOf(progress.Value).ToCsv(), "telecare-progress-members-lapsing.csv")
            : await PageErrors.ResultAsync(http, progress.Failure);
    }
}
