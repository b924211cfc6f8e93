using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Background;

/// <summary>Under the Functions host, triggers arrive as POST /{FunctionName} with the host's Data/Metadata payload.</summary>
public sealed class HostInvocationTests
{
    private static readonly Dictionary<string, string?> UnderHost = new() { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7199" };

    [Fact]
    public async Task The_host_invokes_the_queue_function_with_its_payload_and_gets_outputs_logs_and_return_value()
    {
        await using var app = await MarketplaceApp.StartAsync(overrides: UnderHost);
        await OfferingRows.WriteAsync(app, "host-hub", "Host-delivered alarm hub");
        using var host = app.CreateClient();

        var response = await host.PostAsJsonAsync("/UpdateSearchIndex", new
        {
            Data = new { message = """{"offeringId":"host-hub"}""" },
            Metadata = new { DequeueCount = 1, Id = "0b7e4c1a" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Object, body.GetProperty("outputs").ValueKind);
        Assert.Equal("Indexed host-hub", body.GetProperty("logs")[0].GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("returnValue").ValueKind);
        Assert.Equal("Host-delivered alarm hub", (await app.Services.GetRequiredService<ICatalogueSearch>().FindAsync("host-hub"))!.Name);
    }

    [Fact]
    public async Task The_host_invokes_the_timer_function()
    {
        await using var app = await MarketplaceApp.StartAsync(overrides: UnderHost);
        await OfferingRows.WriteAsync(app, "timer-a", "Timer pendant A");
        await OfferingRows.WriteAsync(app, "timer-b", "Timer pendant B", status: "retired");
        using var host = app.CreateClient();

        var response = await host.PostAsJsonAsync("/ReindexCatalogue", new
        {
            Data = new { timer = new { IsPastDue = false } },
            Metadata = new { },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reindexed 1 offerings", await response.Content.ReadAsStringAsync());
        Assert.NotNull(await app.Services.GetRequiredService<ICatalogueSearch>().FindAsync("timer-a"));
        Assert.Null(await app.Services.GetRequiredService<ICatalogueSearch>().FindAsync("timer-b"));
    }

    [Fact]
    public async Task A_malformed_queue_message_fails_the_invocation_with_a_400_problem_so_the_host_retries_it()
    {
        await using var app = await MarketplaceApp.StartAsync(overrides: UnderHost);
        using var host = app.CreateClient();

        var response = await host.PostAsJsonAsync("/UpdateSearchIndex", new { Data = new { message = "not json" }, Metadata = new { } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(MarketplaceRole.Admin, HttpStatusCode.Forbidden)]
    [InlineData(MarketplaceRole.Supplier, HttpStatusCode.Forbidden)]
    public async Task Without_a_Functions_host_nobody_may_invoke_a_trigger_route(MarketplaceRole? role, HttpStatusCode expected)
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = role is { } r ? await app.ClientForAsync(r) : app.CreateClient();

        var response = await client.PostAsJsonAsync("/ReindexCatalogue", new { Data = new { }, Metadata = new { } });

        Assert.Equal(expected, response.StatusCode);
    }
}
