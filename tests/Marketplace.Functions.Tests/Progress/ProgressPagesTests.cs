using System.Net;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Progress;

/// <summary>The progress pages, their CSV downloads and the open data: what each caller gets, and what the pages say.</summary>
public sealed class ProgressPagesTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Commissioner = "nhs-mersey-vale-icb";
    private const string Association = "tec-services-association";
    private MarketplaceApp App => seeded.App;

    public static TheoryData<string> PublicRoutes =>
    [
        "/progress", "/progress?lot=ttc-2026-lot-2", "/progress/people-by-region.csv", "/progress/capacity-by-lot-and-region.csv",
        "/api/open-data/aggregates.csv", "/api/open-data/awards/2026-12.json",
    ];

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task Public_progress_and_open_data_answer_everyone(string route)
    {
        foreach (var (name, client) in await CallersAsync())
        {
            using (client)
            {
                var response = await client.GetAsync(route);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} as {name}: {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("/progress/commissioner", MarketplaceRole.Commissioner, Commissioner)]
    [InlineData("/progress/commissioner.csv", MarketplaceRole.Commissioner, Commissioner)]
    [InlineData("/progress/association", MarketplaceRole.Association, Association)]
    [InlineData("/progress/association.csv", MarketplaceRole.Association, Association)]
    public async Task An_own_area_view_answers_only_its_role(string route, MarketplaceRole allowed, string organisation)
    {
        foreach (var (name, client) in await CallersAsync((allowed, organisation)))
        {
            using (client)
            {
                var status = (await client.GetAsync(route)).StatusCode;
                var expected = name == "no token" ? HttpStatusCode.Unauthorized : name == allowed.ToString() ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                Assert.True(status == expected, $"{route} as {name}: got {(int)status}, expected {(int)expected}");
            }
        }
    }

    [Fact]
    public async Task A_commissioner_or_association_user_of_an_organisation_of_another_kind_finds_no_area()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, "pennine-careline-services");
        using var association = await App.ClientForAsync(MarketplaceRole.Association, "nhs-mersey-vale-icb");

        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync("/progress/commissioner")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await association.GetAsync("/progress/association")).StatusCode);
    }

    [Fact]
    public async Task The_progress_page_shows_each_chart_with_its_summary_table_and_download()
    {
        await App.Services.GetRequiredService<Core.Progress.ReconcileAggregates>().RunAsync(CancellationToken.None);
        using var anonymous = App.CreateClient();

        var html = await anonymous.GetStringAsync("/progress?lot=ttc-2026-lot-6");
        var figures = await App.Services.GetRequiredService<ReadProgress>().RunAsync(CancellationToken.None);

        foreach (var chart in new[] { "people-by-region", "people-over-time", "people-by-condition", "switchover-readiness", "capacity-by-lot-and-region", "standards-by-lot", "supplier-size" })
        {
            Assert.Contains($"id=\"{chart}-summary\"", html, StringComparison.Ordinal);
            Assert.Contains($"aria-labelledby=\"{chart}-svg-title {chart}-svg-desc\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{chart}-caption\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/progress/{chart}.csv\"", html, StringComparison.Ordinal);
        }
        var ready = figures.Of(Measures.SwitchoverReadiness, Switchover.Ready);
        var telecare = figures.Of(Measures.SwitchoverReadiness).Values.Sum();
        Assert.True(telecare > 0);
        Assert.Contains($"{ready} of {telecare} telecare offerings", html, StringComparison.Ordinal);
        Assert.Contains("Suppliers able to deliver lot 6", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/open-data/aggregates.csv\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chart_download_is_the_table_the_page_shows()
    {
        await App.Services.GetRequiredService<Core.Progress.ReconcileAggregates>().RunAsync(CancellationToken.None);
        using var anonymous = App.CreateClient();
        var figures = await App.Services.GetRequiredService<ReadProgress>().RunAsync(CancellationToken.None);

        var response = await anonymous.GetAsync("/progress/supplier-size.csv");
        var csv = await response.Content.ReadAsStringAsync();
        var missing = await anonymous.GetAsync("/progress/no-such-chart.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Size,Suppliers,note\r\nSmall and medium-sized,{figures.Of(Measures.SuppliersBySize, "sme")},\r\nLarge,{figures.Of(Measures.SuppliersBySize, "large")},\r\nSize not stated,0,\r\n", csv);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_month_that_is_not_yyyy_mm_is_a_problem_naming_the_month()
    {
        using var anonymous = App.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/open-data/awards/2026-13.json"), HttpStatusCode.BadRequest, "validation-failed");
        var empty = JsonDocument.Parse(await anonymous.GetStringAsync("/api/open-data/awards/2020-01.json")).RootElement;

        Assert.True(problem.GetProperty("errors").TryGetProperty("month", out _));
        Assert.Equal(("1.1", 0), (empty.GetProperty("version").GetString(), empty.GetProperty("releases").GetArrayLength()));
    }

    [Fact]
    public async Task The_association_view_lists_declarations_awaiting_its_endorsement()
    {
        using var association = await App.ClientForAsync(MarketplaceRole.Association, Association);

        var html = await association.GetStringAsync("/progress/association");

        Assert.Contains("Declarations awaiting your endorsement", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/attestations/att-", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lapsing-summary\"", html, StringComparison.Ordinal);
    }

    private async Task<List<(string Name, HttpClient Client)>> CallersAsync((MarketplaceRole Role, string Organisation)? own = null)
    {
        var callers = new List<(string, HttpClient)> { ("no token", App.CreateClient()) };
        foreach (var role in Enum.GetValues<MarketplaceRole>())
        {
            callers.Add((role.ToString(), await App.ClientForAsync(role, own is { } o && o.Role == role ? o.Organisation : null)));
        }
        return callers;
    }
}
