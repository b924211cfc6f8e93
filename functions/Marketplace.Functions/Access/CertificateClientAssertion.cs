using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Functions.Access;

/// <summary>
/// Web sign-in redeems its authorization code as the app registration: with a client secret ASP.NET Core's handler
/// sends itself, or, when the credential is a certificate (<c>AzureAd:ClientCredentials</c>, a Key Vault certificate in
/// Azure), with a client assertion signed by it (RFC 7523, Entra ID's certificate credential). Microsoft.Identity.Web
/// loads the certificate (Key Vault, file, store or base64) and keeps it once loaded.
/// </summary>
public static class CertificateClientAssertion
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Entra ID accepts an assertion for at most ten minutes; the redemption follows at once.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static void Attach(OpenIdConnectOptions options, CredentialDescription[] credentials, ICredentialsLoader loader, TimeProvider time)
    {
        if (credentials.Length == 0)
        {
            return;
        }
        var next = options.Events.OnAuthorizationCodeReceived;
        options.Events.OnAuthorizationCodeReceived = async context =>
        {
            var request = context.TokenEndpointRequest!;
            if (string.IsNullOrEmpty(request.ClientSecret)
                && await loader.LoadFirstValidCredentialsAsync(credentials) is { Certificate: { } certificate })
            {
                var metadata = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
                request.ClientAssertionType = AssertionType;
                request.ClientAssertion = Sign(certificate, context.Options.ClientId!, metadata.TokenEndpoint, time.GetUtcNow().UtcDateTime);
            }
            await next(context);
        };
    }

    /// <summary>Issued and subject: the client; audience: the token endpoint; the certificate named by its thumbprint (x5t).</summary>
    private static string Sign(X509Certificate2 certificate, string clientId, string tokenEndpoint, DateTime now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new X509SigningCredentials(certificate),
        });
}
