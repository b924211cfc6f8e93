using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Functions.Tests.Hosting;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/catalogue")]
    [InlineData("/sign-in")]
    [InlineData("/api/catalogue/search?q=alarm")]
    [InlineData("/api/no-such-thing")]
    public async Task Pages_api_answers_and_errors_carry_the_browser_protections(string path)
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // Standalone is plain HTTP on a laptop: pinning localhost to HTTPS would break every other local app.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_web_sign_in_a_form_may_be_redirected_on_to_the_sign_in_authority_and_nowhere_else()
    {
        await using var app = await MarketplaceApp.StartAsync("Production", new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "7c1f6a2e-4d3b-4a8e-9f10-2b5c6d7e8f90",
            ["AzureAd:ClientId"] = "3e8a1b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d",
        });
        using var client = app.CreateClient();

        var response = await client.GetAsync("/sign-in");

        // The sign-in and sign-out buttons post here and are redirected to Entra ID, which form-action governs too.
        Assert.Contains("form-action 'self' https://login.microsoftonline.com;", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_load_their_scripts_as_files_so_the_policy_needs_no_inline_script()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/catalogue");

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains("src=\"/assets/", tag, StringComparison.Ordinal));
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_the_functions_host_answers_ask_browsers_for_https_only()
    {
        await using var app = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" });
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
