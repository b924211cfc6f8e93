using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Web.Tests;

/// <summary>A person the stand-in knows: what Entra ID would put in their ID token for the marketplace's registration.</summary>
public sealed record EntraUser(string UserName, string ObjectId, string Name, params string[] Roles);

/// <summary>
/// An OpenID Connect provider on a loopback port that stands in for Entra ID (OpenIddict, no database): Entra's URL
/// layout under one tenant (<c>/{tenant}/v2.0/.well-known/openid-configuration</c>, <c>/{tenant}/oauth2/v2.0/authorize</c>,
/// <c>…/token</c>, <c>…/logout</c>, <c>/{tenant}/discovery/v2.0/keys</c>), one confidential client that must redeem its code
/// with a PKCE verifier and an assertion signed by its certificate (as in Azure, where the certificate is in Key Vault)
/// and may return only to the app's own callbacks, and ID tokens with Entra's claims
/// (<c>oid</c>, <c>tid</c>, <c>name</c>, <c>preferred_username</c>, <c>roles</c>, <c>ver</c> 2.0). Its sign-in page is
/// a user name box and a button; it keeps no session of its own, so every authorization asks again.
/// </summary>
public sealed class StandInEntra : IAsyncDisposable
{
    public const string TenantId = "3f5e9a1c-7b2d-4c8e-a6f0-1d2e3f4a5b6c";
    public const string ClientId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private readonly Dictionary<string, EntraUser> users;
    private readonly string appBaseUrl;
    private WebApplication? app;

    private StandInEntra(int port, string appBaseUrl, IEnumerable<EntraUser> users)
    {
        Origin = $"http://localhost:{port}";
        this.appBaseUrl = appBaseUrl;
        this.users = users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where the app is told Entra ID is (AzureAd:Instance).</summary>
    public string Origin { get; }

    /// <summary>The issuer, as Entra ID names a v2.0 tenant.</summary>
    public string Issuer => $"{Origin}/{TenantId}/v2.0";

    /// <summary>The app registration's certificate credential (its private key is the app's), new for each run.</summary>
    private readonly X509Certificate2 credential = SelfSigned();

    /// <summary>The post-logout redirect URIs of the end-session requests received, in order.</summary>
    public ConcurrentQueue<string?> EndedSessions { get; } = new();

    /// <summary>The token requests received: the grant type, whether a PKCE verifier came, whether the client proved itself.</summary>
    public ConcurrentQueue<(string? GrantType, bool CodeVerifier, bool Authenticated)> TokenRequests { get; } = new();

    public static async Task<StandInEntra> StartAsync(string appBaseUrl, params EntraUser[] users)
    {
        var entra = new StandInEntra(BrowserApp.FreePort(), appBaseUrl, users);
        await entra.RunAsync();
        return entra;
    }

    /// <summary>What the app needs to trust this provider as its Entra ID, in configuration only.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings() => new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = Origin + "/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientCredentials:0:SourceType"] = "Base64Encoded",
        ["AzureAd:ClientCredentials:0:Base64EncodedValue"] = Convert.ToBase64String(credential.Export(X509ContentType.Pkcs12)),
        // No certificate on loopback: the metadata and keys come over plain HTTP, which the app allows only for loopback.
        ["AzureAd:RequireHttpsMetadata"] = "false",
        // Microsoft.Identity.Web's issuer check fetches Entra's metadata again, over HTTPS only; naming the tenant's
        // issuer (as a multi-tenant app names the tenants it accepts) settles it without that fetch.
        ["AzureAd:TokenValidationParameters:ValidIssuers:0"] = $"{Origin}/{{tenantid}}/v2.0",
    };

    private async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Origin);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var authorize = $"{TenantId}/oauth2/v2.0/authorize";
        var token = $"{TenantId}/oauth2/v2.0/token";
        var logout = $"{TenantId}/oauth2/v2.0/logout";
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(new Uri(Issuer))
                .SetConfigurationEndpointUris($"{TenantId}/v2.0/.well-known/openid-configuration")
                .SetAuthorizationEndpointUris(authorize)
                .SetTokenEndpointUris(token)
                .SetEndSessionEndpointUris(logout)
                .SetJsonWebKeySetEndpointUris($"{TenantId}/discovery/v2.0/keys");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.Profile, Scopes.Email, Scopes.OfflineAccess);
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
            // No application or token store: the checks a store would make are the handlers below.
            server.EnableDegradedMode();
            server.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "AADSTS700016: application not found in the directory.");
                }
                else if (context.RedirectUri != appBaseUrl + "/signin-oidc")
                {
                    context.Reject(Errors.InvalidRequest, "AADSTS50011: the redirect URI does not match the application's.");
                }
                return default;
            }));
            // The client's assertion is checked against its registered certificate below, as Entra ID does, rather than
            // against a store of applications OpenIddict does not have here.
            server.AddEventHandler<ProcessAuthenticationContext>(handler => handler
                .SetOrder(OpenIddictServerHandlers.EvaluateValidatedTokens.Descriptor.Order + 1)
                .UseInlineHandler(context =>
                {
                    context.ValidateClientAssertion = context.RejectClientAssertion = false;
                    return default;
                }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(async context =>
            {
                var authenticated = context.ClientId == ClientId
                    && context.Request.ClientAssertionType == ClientAssertionTypes.JwtBearer
                    && await SignedByCredentialAsync(context.Request.ClientAssertion, $"{Origin}/{token}");
                TokenRequests.Enqueue((context.Request.GrantType, !string.IsNullOrEmpty(context.Request.CodeVerifier), authenticated));
                if (!authenticated)
                {
                    context.Reject(Errors.InvalidClient, "AADSTS7000218: the request body must contain client_assertion or client_secret.");
                }
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != appBaseUrl + "/signout-callback-oidc")
                {
                    context.Reject(Errors.InvalidRequest, "The post-logout redirect URI is not the application's.");
                }
                return default;
            }));
        });

        app = builder.Build();
        app.MapMethods("/" + authorize, [HttpMethods.Get, HttpMethods.Post], new Func<HttpContext, Task<IResult>>(SignInAsync));
        app.MapMethods("/" + logout, [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            EndedSessions.Enqueue(http.GetOpenIddictServerRequest()?.PostLogoutRedirectUri);
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        // Up, and its pipeline compiled before a browser waits on it (the machine may be busy).
        using var client = new HttpClient();
        (await client.GetAsync($"{Issuer}/.well-known/openid-configuration")).EnsureSuccessStatusCode();
    }

    // Issued by the client about itself, for this token endpoint, signed with the registered certificate, still valid.
    private async Task<bool> SignedByCredentialAsync(string? assertion, string tokenEndpoint)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = tokenEndpoint,
            IssuerSigningKey = new X509SecurityKey(X509CertificateLoader.LoadCertificate(credential.RawData)),
            RequireExpirationTime = true,
        });
        return result.IsValid && result.Claims.TryGetValue("sub", out var subject) && (string)subject == ClientId;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Telecare Marketplace web sign-in", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    // The authorization endpoint after OpenIddict has checked the request: the sign-in page, or the signed-in person.
    private async Task<IResult> SignInAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var userName = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync())["username"].ToString() : "";
        if (!users.TryGetValue(userName, out var user))
        {
            return Results.Content(SignInPage(request, userName.Length > 0), "text/html; charset=utf-8");
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        // Entra's subject is a pairwise id per application; the user's own id is oid.
        identity.SetClaim(Claims.Subject, $"{user.ObjectId}-{ClientId}")
            .SetClaim("oid", user.ObjectId)
            .SetClaim("tid", TenantId)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim("ver", "2.0")
            .SetClaims("roles", [.. user.Roles]);
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // Posts back to the authorization endpoint with the request's own parameters, plus the user name typed in.
    private static string SignInPage(OpenIddictRequest request, bool unknown)
    {
        var hidden = string.Concat(request.GetParameters()
            .Where(p => p.Key != "username")
            .Select(p => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode((string?)p.Value)}\">"));
        var error = unknown ? "<p id=\"error\">We couldn't find an account with that username.</p>" : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title></head>
            <body><main><h1>Sign in</h1>{error}
            <form method="post">{hidden}
            <label for="username">Email, phone, or Skype</label> <input id="username" name="username" type="email" autocomplete="username">
            <button type="submit" id="next">Sign in</button>
            </form></main></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        credential.Dispose();
    }
}
