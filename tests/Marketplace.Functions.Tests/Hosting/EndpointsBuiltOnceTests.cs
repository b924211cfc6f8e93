using Marketplace.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Tests.Hosting;

/// <summary>The app's endpoint table, built once for the authorization middleware and routing alike (cold start, issue 15).</summary>
public sealed class EndpointsBuiltOnceTests
{
    [Fact]
    public async Task Each_endpoint_is_built_once_and_requests_still_reach_plain_and_grouped_routes()
    {
        var builds = 0;
        await using var app = Build(app =>
        {
            app.MapGet("/one", () => "one").Add(_ => Interlocked.Increment(ref builds));
            app.MapGroup("/group").MapGet("/two", () => "two").Add(_ => Interlocked.Increment(ref builds));
            app.BuildEndpointsOnce();
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal("one", await client.GetStringAsync("/one"));
        Assert.Equal("two", await client.GetStringAsync("/group/two"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/three")).StatusCode);
        Assert.Same(app.Services.GetRequiredService<EndpointDataSource>().Endpoints[0],
            ((IEndpointRouteBuilder)app).DataSources.Single().Endpoints[0]);
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task Without_it_the_authorization_middleware_and_routing_each_build_every_endpoint()
    {
        // The cost the change removes, shown on the framework as it is: if this starts failing, ASP.NET Core builds
        // endpoints once by itself and BuildEndpointsOnce can go.
        var builds = 0;
        await using var app = Build(app => app.MapGet("/one", () => "one").Add(_ => Interlocked.Increment(ref builds)));
        await app.StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal("one", await client.GetStringAsync("/one"));
        Assert.Equal(2, builds);
    }

    private static WebApplication Build(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthorization();
        map(app);
        return app;
    }
}
