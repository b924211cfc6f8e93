using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Marketplace.Functions.Tests.Hosting;

/// <summary>The host proxies HTTPS requests over loopback HTTP; what it says about the original counts only from loopback.</summary>
public sealed class HostForwardingTests
{
    private static async Task<HttpContext> GetSignInPageAsync(MarketplaceApp app, string peer) =>
        await app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/sign-in";
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-Host"] = "marketplace.example";
            context.Request.Headers["X-Forwarded-For"] = "198.51.100.23";
        });

    [Fact]
    public async Task From_the_host_on_loopback_the_original_https_request_is_what_the_app_sees()
    {
        await using var app = await MarketplaceApp.StartAsync();

        var context = await GetSignInPageAsync(app, "127.0.0.1");

        Assert.Equal(("https", "marketplace.example", "198.51.100.23"), (context.Request.Scheme, context.Request.Host.Value, context.Connection.RemoteIpAddress?.ToString()));
        // So cookies issued over the public HTTPS origin are marked Secure.
        Assert.Contains(context.Response.Headers.SetCookie, c => c!.StartsWith("marketplace_antiforgery=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task From_anyone_else_the_forwarded_headers_change_nothing()
    {
        await using var app = await MarketplaceApp.StartAsync();

        var context = await GetSignInPageAsync(app, "203.0.113.5");

        Assert.Equal(("http", "203.0.113.5"), (context.Request.Scheme, context.Connection.RemoteIpAddress?.ToString()));
        Assert.NotEqual("marketplace.example", context.Request.Host.Value);
    }
}
