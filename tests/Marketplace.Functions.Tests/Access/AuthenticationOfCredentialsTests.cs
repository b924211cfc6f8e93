using System.Net;
using System.Net.Http.Headers;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Functions.Tests.Access;

/// <summary>
/// An API request without an Authorization header carries no credential, so no sign-in handler is built for it (the
/// health probe's and anonymous searches' cold start, issue 15); every request that may carry one is authenticated as
/// before, and a protected API route still challenges for a bearer token.
/// </summary>
public sealed class AuthenticationOfCredentialsTests
{
    public static TheoryData<string> Environments => ["Development", "Production"];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task An_api_request_without_an_authorization_header_builds_no_sign_in_handler(string environment)
    {
        var built = new HandlersBuilt();
        await using var app = await MarketplaceApp.StartAsync(environment, MarketplaceApp.PlaceholderEntraRegistration(), built.Install);
        using var client = app.CreateClient();

        var health = await client.GetAsync("/api/health");
        var search = await client.GetAsync("/api/catalogue/search?q=falls");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Empty(built.Schemes);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_protected_api_route_without_a_credential_still_challenges_for_a_bearer_token(string environment)
    {
        await using var app = await MarketplaceApp.StartAsync(environment, MarketplaceApp.PlaceholderEntraRegistration());
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_bearer_token_on_an_api_request_is_still_read()
    {
        var built = new HandlersBuilt();
        await using var app = await MarketplaceApp.StartAsync("Development", services: built.Install);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(MarketplaceRole.Commissioner));

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Authentication.DevScheme, built.Schemes);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_page_request_is_still_authenticated_because_pages_read_the_session_cookie(string environment)
    {
        var built = new HandlersBuilt();
        await using var app = await MarketplaceApp.StartAsync(environment, MarketplaceApp.PlaceholderEntraRegistration(), built.Install);
        using var client = app.CreateClient();

        var page = await client.GetAsync("/catalogue");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Authentication.Scheme, built.Schemes);
    }

    /// <summary>The schemes whose handlers were asked for, through the app's own handler provider.</summary>
    private sealed class HandlersBuilt
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> schemes = new();

        public IReadOnlyCollection<string> Schemes => schemes.ToArray();

        public void Install(IServiceCollection services)
        {
            services.TryAddScoped<AuthenticationHandlerProvider>();
            services.Replace(ServiceDescriptor.Scoped<IAuthenticationHandlerProvider>(sp =>
                new Counting(sp.GetRequiredService<AuthenticationHandlerProvider>(), schemes)));
        }

        private sealed class Counting(IAuthenticationHandlerProvider inner, System.Collections.Concurrent.ConcurrentQueue<string> schemes) : IAuthenticationHandlerProvider
        {
            public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
            {
                schemes.Enqueue(authenticationScheme);
                return inner.GetHandlerAsync(context, authenticationScheme);
            }
        }
    }
}
