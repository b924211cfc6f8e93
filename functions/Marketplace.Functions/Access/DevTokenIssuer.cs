using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Functions.Access;

/// <summary>
/// Issues bearer tokens in the Development environment only, signed with a key made when the process starts
/// (never stored, never configured), carrying the same claims an Entra ID token has for this app.
/// </summary>
public sealed class DevTokenIssuer : IDisposable
{
    public const string Issuer = "https://dev-tokens.telecare-marketplace.localhost/";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly RSA rsa = RSA.Create(2048);
    private readonly TimeProvider time;

    public DevTokenIssuer(TimeProvider time, IConfiguration configuration)
    {
        this.time = time;
        Audience = Authentication.AudienceOf(configuration);
        Key = new RsaSecurityKey(rsa) { KeyId = "dev-" + Guid.NewGuid().ToString("N")[..8] };
    }

    public string Audience { get; }

    public SecurityKey Key { get; }

    public string Issue(MarketplaceRole role, string? organisationId, string userId, string displayName)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = userId,
            ["sub"] = userId,
            ["tid"] = "dev",
            ["name"] = displayName,
            [MarketplaceClaimTypes.Roles] = new[] { role.ToString() },
        };
        if (organisationId is not null)
        {
            claims[MarketplaceClaimTypes.OrganisationId] = organisationId;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => rsa.Dispose();
}
