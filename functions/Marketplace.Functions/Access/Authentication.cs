using System.IdentityModel.Tokens.Jwt;
using Marketplace.Core.Access;
using Marketplace.Functions.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
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
                development && (!entra || IssuerOf(context.Request) == DevTokenIssuer.Issuer) ? DevScheme : EntraScheme);

        if (entra)
        {
            auth.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), EntraScheme);
            builder.Services.PostConfigure<JwtBearerOptions>(EntraScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = MarketplaceClaimTypes.Roles;
                options.TokenValidationParameters.NameClaimType = "name";
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
            });
        }

        builder.Services.AddTransient<IClaimsTransformation, MembershipClaimsTransformation>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FunctionsHostPolicy, policy => policy.RequireAssertion(context =>
                context.Resource is HttpContext http && http.RequestServices.GetRequiredService<HostingMode>().UnderFunctionsHost));
        return builder;
    }

    public static WebApplication MapDevelopmentSignIn(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapIssueDevToken();
        }
        return app;
    }

    // Only the unverified issuer is read here, to pick the scheme; the chosen scheme verifies everything.
    private static string? IssuerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = header["Bearer ".Length..].Trim();
        var handler = new JwtSecurityTokenHandler();
        return handler.CanReadToken(token) ? handler.ReadJwtToken(token).Issuer : null;
    }
}
