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
    /// <summary>The handler's defaults, which Microsoft.Identity.Web keeps; the app registration lists them as redirect URIs.</summary>
    public static readonly string SignInPath = new OpenIdConnectOptions().CallbackPath.Value!;

    /// <inheritdoc cref="SignInPath"/>
    public static readonly string SignedOutPath = new OpenIdConnectOptions().SignedOutCallbackPath.Value!;

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
