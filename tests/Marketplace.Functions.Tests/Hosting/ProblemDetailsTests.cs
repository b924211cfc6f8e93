using System.Diagnostics;
using System.Net;
using System.Text;
using Marketplace.Core.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Hosting;

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task An_unknown_route_is_a_404_problem_naming_the_path()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/no-such-thing");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains("/api/no-such-thing", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.DeleteAsync("/api/health");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/dev/token", new StringContent("{\"role\": ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_with_a_correlation_id_and_no_stack_trace()
    {
        // Health checks catch their own exceptions (a throwing check is "unhealthy"), so a search bug stands in.
        await using var app = await MarketplaceApp.StartAsync(services: s => s.AddSingleton<ICatalogueSearch, BrokenProbe>());
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/catalogue/search?q=alarm");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal-error");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("BrokenProbe", body);
        Assert.DoesNotContain("   at ", body);
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task The_correlation_id_is_the_trace_id_of_an_incoming_traceparent()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await client.SendAsync(request);

        Assert.Equal(traceId, response.Headers.GetValues("X-Correlation-Id").Single());
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(traceId, problem.GetProperty("correlationId").GetString());
    }

    private sealed class BrokenProbe : ICatalogueSearch
    {
        public Task<CatalogueSearchResult> SearchAsync(CatalogueQuery query, CancellationToken ct) => throw new InvalidOperationException("BrokenProbe has a bug");
    }
}
