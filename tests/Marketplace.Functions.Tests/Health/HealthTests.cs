using System.Net;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_200_and_lists_every_dependency_when_storage_and_search_answer()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        var names = report.GetProperty("dependencies").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["blobs", "queues", "search", "tables"], names);
        Assert.All(report.GetProperty("dependencies").EnumerateArray(), d => Assert.True(d.GetProperty("healthy").GetBoolean()));
    }

    [Fact]
    public async Task Health_is_503_naming_storage_while_Azurite_is_down_and_200_again_when_it_returns_without_a_restart()
    {
        await using var azurite = await Azurite.StartAsync(allowExternal: false);
        await using var app = new MarketplaceApp(azurite);
        await app.ProvisionedAsync();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        await azurite.StopAsync();
        var down = await client.GetAsync("/api/health");

        var problem = await ProblemAssert.IsProblemAsync(down, HttpStatusCode.ServiceUnavailable, "dependency-unavailable");
        var failing = problem.GetProperty("dependencies").EnumerateArray()
            .Where(d => !d.GetProperty("healthy").GetBoolean())
            .Select(d => d.GetProperty("name").GetString()!)
            .ToArray();
        Assert.Equal(["blobs", "queues", "tables"], failing);
        Assert.Contains("tables", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", await down.Content.ReadAsStringAsync());

        await azurite.ResumeAsync();
        var up = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }
}
