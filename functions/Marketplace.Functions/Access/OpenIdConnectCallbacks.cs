using Marketplace.Functions.Pages;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Marketplace.Functions.Access;

/// <summary>
/// <c>/signin-oidc</c> and <c>/signout-callback-oidc</c>: where Entra ID sends the browser back. The OpenID Connect
/// handler answers them in the authentication middleware, before any endpoint; they are mapped as endpoints only so
/// that the Functions host, which proxies nothing but its functions, has a function.json for each (generated from
/// the endpoint table with the rest). Reached only when web sign-in is not configured: then a plain 404.
/// </summary>
public static class OpenIdConnectCallbacks
{
    /// <summary>
    /// The handler's defaults, which Microsoft.Identity.Web keeps; the app registration lists them as redirect URIs. Written
    /// out rather than read from a new <see cref="OpenIdConnectOptions"/>, whose construction loads the token libraries
    /// at every start even where nothing signs in (issue 15); a test holds them to the handler's defaults.
    /// </summary>
    public const string SignInPath = "/signin-oidc";

    /// <inheritdoc cref="SignInPath"/>
    public const string SignedOutPath = "/signout-callback-oidc";

    public static IEndpointRouteBuilder MapOpenIdConnectCallbacks(this IEndpointRouteBuilder app)
    {
        // Browser routes: with the pages (HTML errors, left out of the OpenAPI document).
        var group = app.MapFeature("", "Pages");
        Map(group, SignInPath, "SignInCallback", "Where Entra ID returns the browser after sign-in (handled by the OpenID Connect handler).");
        Map(group, SignedOutPath, "SignOutCallback", "Where Entra ID returns the browser after sign-out (handled by the OpenID Connect handler).");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string name, string summary) =>
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], () =>
                new Failure(FailureKind.NotFound, Problems.NotFound, "Web sign-in is not configured.",
                    "This instance has no Entra ID app registration (AzureAd:ClientId), so nothing signs in through it.").ToProblem())
            .WithName(name)
            .WithSummary(summary)
            .AsWebPage()
            .AllowAnyone();
}
