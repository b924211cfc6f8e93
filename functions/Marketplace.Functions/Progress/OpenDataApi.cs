using System.Text.Json;
using Marketplace.Core.Progress;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Progress;

/// <summary>Open data, public: every published figure as CSV, and each month's awards as one OCDS release package.</summary>
public static class OpenDataApi
{
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api/open-data", "Open data");
        group.MapGet("/aggregates.csv", AggregatesAsync).WithName("DownloadAggregates")
            .WithSummary("Every published progress figure as CSV: measure, key, value (people covered, capacity, standards, switchover readiness, supplier size).")
            .AllowAnyone();
        group.MapGet("/awards/{month}.json", AwardsAsync).WithName("DownloadMonthlyAwards")
            .WithSummary("The call-offs awarded in a month (yyyy-MM, UTC) as one OCDS 1.1 release package.")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .AllowAnyone();
        return app;
    }

    public static async Task<IResult> AggregatesAsync(ReadProgress read, CancellationToken ct)
    {
        var figures = await read.RunAsync(ct);
        return ChartCsv.File(ChartCsv.Write(["measure", "key", "value"], figures.All.Select(c => new[] { c.Measure, c.Key, Chart.Number(c.Value) })), "telecare-progress-aggregates.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AwardsAsync(string month, IAwardRecords awards, HttpRequest request,
        IOptions<OcdsOptions> ocds, TimeProvider time, CancellationToken ct)
    {
        if (!AwardsPackage.TryParseMonth(month, out var firstDay))
        {
            return Failure.Invalid("month", "must be a month as yyyy-MM, e.g. 2027-04").ToProblem();
        }
        var inMonth = new List<ShortlistDocument>();
        await foreach (var shortlist in awards.AwardedAsync(ct))
        {
            if (AwardsPackage.AwardedIn(shortlist, firstDay))
            {
                inMonth.Add(shortlist);
            }
        }
        var publisher = new OcdsPublisher(ocds.Value.OcidPrefix, ocds.Value.PublisherName, new Uri($"{request.Scheme}://{request.Host}/"));
        var json = AwardsPackage.Build(inMonth, firstDay, publisher, time.GetUtcNow()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return TypedResults.File(ShortlistCsv.Utf8.GetBytes(json), "application/json", $"telecare-awards-{month}.ocds.json");
    }
}
