using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Functions.Tests.Hosting;

public sealed class AbuseLimitTests
{
    private static Task<MarketplaceApp> StartAsync(int searches, int tokens) => MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?>
    {
        ["AbuseLimits:SearchPerMinute"] = searches.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AbuseLimits:DevTokensPerMinute"] = tokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static HttpRequestMessage From(string client, HttpMethod method, string path) =>
        new(method, path) { Headers = { { "X-Forwarded-For", client } } };

    [Fact]
    public async Task Past_its_limit_a_client_gets_a_429_problem_with_retry_after_and_other_clients_are_still_served()
    {
        await using var app = await StartAsync(searches: 3, tokens: 1000);
        using var http = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(From("203.0.113.7", HttpMethod.Get, "/api/catalogue/search?q=alarm"))).StatusCode);
        }
        var refused = await http.SendAsync(From("203.0.113.7", HttpMethod.Get, "/api/catalogue/search?q=alarm"));

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "too-many-requests");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains("/api/catalogue/search", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The search page shares the limit: it is the same search.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(From("203.0.113.7", HttpMethod.Get, "/catalogue?q=alarm"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(From("198.51.100.20", HttpMethod.Get, "/api/catalogue/search?q=alarm"))).StatusCode);
    }

    [Fact]
    public async Task The_development_token_issuer_is_limited_per_client()
    {
        await using var app = await StartAsync(searches: 1000, tokens: 2);
        using var http = app.CreateClient();

        Task<HttpResponseMessage> Issue() => http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/dev/token")
        {
            Headers = { { "X-Forwarded-For", "203.0.113.9" } },
            Content = JsonContent.Create(new { role = "Admin" }),
        });

        Assert.Equal(HttpStatusCode.OK, (await Issue()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Issue()).StatusCode);
        await ProblemAssert.IsProblemAsync(await Issue(), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task Signed_in_routes_are_not_limited_here()
    {
        await using var app = await StartAsync(searches: 1, tokens: 1000);
        using var admin = await app.ClientForAsync(Marketplace.Core.Access.MarketplaceRole.Admin);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/standards")).StatusCode);
        }
    }
}
