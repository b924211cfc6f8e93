using System.IdentityModel.Tokens.Jwt;
using Marketplace.Core.Access;
using Marketplace.Functions.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Functions.Access;

/// <summary>
/// Bearer-token sign-in. Entra ID tokens (Microsoft.Identity.Web) always; in Development also tokens from
/// <see cref="DevTokenIssuer"/>, chosen by issuer. Outside Development the development scheme does not exist,
/// so its tokens fall to Entra ID validation and fail.
/// </summary>
public static class Authentication
{
    public const string Scheme = "MarketplaceBearer";
    public const string EntraScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string DevScheme = "DevelopmentTokens";
    public const string FunctionsHostPolicy = "FunctionsHost";
    public const string DevAudience = "api://telecare-marketplace-dev";
    /// <summary>Web sign-in with Entra ID (Microsoft.Identity.Web): OpenID Connect, remembered in this cookie scheme.</summary>
    public const string WebScheme = "MarketplaceWeb";
    public const string WebChallengeScheme = "MarketplaceWebOpenIdConnect";
    /// <summary>
    /// The cookie that carries a development token for web pages (HttpOnly, Secure, SameSite=Lax). It is read for page
    /// requests only, never for <c>/api</c>, so the API stays bearer-only and cannot be driven by a cross-site form.
    /// </summary>
    public const string SessionCookie = "marketplace_session";

    /// <summary>Whether Entra ID web sign-in is configured (an app registration id is set).</summary>
    public static bool HasEntra(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>Page requests may authenticate with the session cookie; the API and trigger routes never do.</summary>
    public static bool AcceptsSessionCookie(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrEmpty(request.Headers.Authorization);

    /// <summary>
    /// Authentication for every request that may carry a credential. An API request without an Authorization header
    /// carries none: the API never reads cookies (<see cref="AcceptsSessionCookie"/>) and the OpenID Connect callbacks
    /// are not under <c>/api</c>, so every handler would answer "no result" and the user would be anonymous anyway. For
    /// those the handlers are not even built (Microsoft.Identity.Web's options, the key ring the OpenID Connect handler
    /// loads, the development issuer's key): the health probe and anonymous searches no longer pay for them, ≈ 30 ms of
    /// a cold start's first request as deployed (issue 15). Authorization challenges through the default scheme as before.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationOfCredentials(this IApplicationBuilder app)
    {
        app.UseWhen(context => !IsApiRequestWithoutCredential(context.Request), authenticated => authenticated.UseAuthentication());
        // A branch's properties are its own, so the host would not see that authentication is in the pipeline and would
        // add it again, unconditionally, at the front (the key is ASP.NET Core's; AuthenticationOfCredentialsTests
        // fails if it ever changes).
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    internal static bool IsApiRequestWithoutCredential(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrEmpty(request.Headers.Authorization);

    public static string AudienceOf(IConfiguration configuration) =>
        configuration["AzureAd:Audience"] is { Length: > 0 } audience ? audience
        : configuration["AzureAd:ClientId"] is { Length: > 0 } clientId ? clientId
        : DevAudience;

    public static WebApplicationBuilder AddMarketplaceSignIn(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // Without an app registration there is no Entra ID to trust; that is only acceptable in Development.
        var entra = !string.IsNullOrWhiteSpace(builder.Configuration["AzureAd:ClientId"]);
        if (!entra && !development)
        {
            throw new InvalidOperationException("AzureAd:ClientId (the API's Entra ID app registration) is required outside Development.");
        }
        var auth = builder.Services.AddAuthentication(Scheme);
        auth.AddPolicyScheme(Scheme, "Entra ID, or development tokens in Development", options =>
            options.ForwardDefaultSelector = context =>
                development && (!entra || IssuerOf(context.Request) == DevTokenIssuer.Issuer) ? DevScheme
                : entra && AcceptsSessionCookie(context.Request) ? WebScheme
                : EntraScheme);

        if (entra)
        {
            auth.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), EntraScheme);
            builder.Services.PostConfigure<JwtBearerOptions>(EntraScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = MarketplaceClaimTypes.Roles;
                options.TokenValidationParameters.NameClaimType = "name";
            });
            // Web pages sign in through the browser: OpenID Connect with the same app registration, kept in a cookie.
            // Entra ID needs the redirect URIs https://<app>/signin-oidc and /signout-callback-oidc on the registration
            // and a client credential (AzureAd:ClientSecret, or a certificate in AzureAd:ClientCredentials).
            auth.AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"), WebChallengeScheme, WebScheme);
            if (!RequiresHttpsMetadata(builder.Configuration))
            {
                // Registered after Microsoft.Identity.Web's own configuration, which always demands HTTPS (it ORs the
                // setting into its default), and before the handler's post-configuration fetches the metadata.
                builder.Services.Configure<OpenIdConnectOptions>(WebChallengeScheme, options => options.RequireHttpsMetadata = false);
            }
            // Bound by reflection, as Microsoft.Identity.Web binds it: a credential description holds an X509Certificate2,
            // which the generated binder cannot create. A method group is not an invocation the generator replaces.
            Func<IConfiguration, CredentialDescription[]?> bindByReflection = ConfigurationBinder.Get<CredentialDescription[]>;
            var credentials = bindByReflection(builder.Configuration.GetSection("AzureAd:ClientCredentials")) ?? [];
            builder.Services.AddOptions<OpenIdConnectOptions>(WebChallengeScheme).PostConfigure<ILoggerFactory, TimeProvider>((options, logs, time) =>
                CertificateClientAssertion.Attach(options, credentials, new DefaultCredentialsLoader(logs.CreateLogger<DefaultCredentialsLoader>()), time));
            builder.Services.PostConfigure<OpenIdConnectOptions>(WebChallengeScheme, options =>
            {
                // The authorization code flow with PKCE (the handler's default for codes), the code redeemed with the
                // client credential over the back channel: no token passes through the browser, and the registration
                // needs no implicit grant.
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.MapInboundClaims = false;
                // That reaches only the handler's own token handler; Microsoft.Identity.Web swaps in another, which would
                // otherwise rename roles, oid and tid to long URIs and lose the person's role and organisation.
                if (options.TokenHandler is JsonWebTokenHandler tokens)
                {
                    tokens.MapInboundClaims = false;
                }
                options.TokenValidationParameters.RoleClaimType = MarketplaceClaimTypes.Roles;
                options.TokenValidationParameters.NameClaimType = "name";
            });
            builder.Services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(WebScheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Not signed in: on to Entra ID. Signed in without the role: the app's own 403 page, not a redirect.
                options.ForwardChallenge = WebChallengeScheme;
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
            // The API's policy scheme stays the default whatever the web sign-in registered.
            builder.Services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            });
        }

        if (development)
        {
            builder.Services.AddSingleton<DevTokenIssuer>();
            auth.AddJwtBearer(DevScheme);
            builder.Services.AddOptions<JwtBearerOptions>(DevScheme).Configure<DevTokenIssuer>((options, issuer) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = DevTokenIssuer.Issuer,
                    ValidAudience = issuer.Audience,
                    IssuerSigningKey = issuer.Key,
                    RoleClaimType = MarketplaceClaimTypes.Roles,
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                // Web pages carry the token in the session cookie instead of an Authorization header.
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (AcceptsSessionCookie(context.Request) && context.Request.Cookies[SessionCookie] is { Length: > 0 } token)
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        }

        builder.Services.AddTransient<IClaimsTransformation, MembershipClaimsTransformation>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FunctionsHostPolicy, policy => policy.RequireAssertion(context =>
                context.Resource is HttpContext http && http.RequestServices.GetRequiredService<HostingMode>().UnderFunctionsHost));
        return builder;
    }

    /// <summary>
    /// The origin of the sign-in authority (Entra ID's login host), which the sign-in and sign-out forms redirect to; null
    /// without web sign-in.
    /// </summary>
    public static string? SignInOrigin(IConfiguration configuration) =>
        HasEntra(configuration) && Uri.TryCreate(configuration["AzureAd:Authority"] is { Length: > 0 } authority ? authority : configuration["AzureAd:Instance"],
            UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    /// <summary>
    /// <c>AzureAd:RequireHttpsMetadata</c> (default true) may be false only for an authority on this machine's loopback
    /// address: an identity provider run beside the app (a local stand-in for Entra ID) that has no certificate. Anywhere
    /// else start-up stops rather than fetch signing keys over plain HTTP.
    /// </summary>
    public static bool RequiresHttpsMetadata(IConfiguration configuration)
    {
        if (configuration.GetValue("AzureAd:RequireHttpsMetadata", true))
        {
            return true;
        }
        var origin = SignInOrigin(configuration);
        if (origin is null || !new Uri(origin).IsLoopback)
        {
            throw new InvalidOperationException(
                $"AzureAd:RequireHttpsMetadata is false but the sign-in authority ({origin ?? "none"}) is not on loopback: only a local identity provider may be reached over plain HTTP.");
        }
        return false;
    }

    // Only the unverified issuer is read here, to pick the scheme; the chosen scheme verifies everything.
    private static string? IssuerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string token;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (AcceptsSessionCookie(request) && request.Cookies[SessionCookie] is { Length: > 0 } cookie)
        {
            token = cookie;
        }
        else
        {
            return null;
        }
        var handler = new JwtSecurityTokenHandler();
        return handler.CanReadToken(token) ? handler.ReadJwtToken(token).Issuer : null;
    }
}
