using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Marketplace.Functions.Health;
using Marketplace.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        Assert.True(response.Headers.CacheControl is { NoStore: true, NoCache: true }, "a probe's answer is never cached");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/api/health", null)).StatusCode);
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

    // Moved from the storage adapter tests when the probes became health checks.
    [Fact]
    public async Task The_tables_check_passes_on_a_reachable_service_and_a_closed_port_is_reported_unreachable()
    {
        var azurite = await Azurite.Shared;
        var dead = new TableServiceClient("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            new TableClientOptions { Retry = { MaxRetries = 0 } });

        var up = await new TablesCheck(new TableServiceClient(azurite.ConnectionString)).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        var down = await Assert.ThrowsAnyAsync<Exception>(() => new TablesCheck(dead).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None));

        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Equal("unreachable", GetHealth.DetailOf(down));
    }
}
