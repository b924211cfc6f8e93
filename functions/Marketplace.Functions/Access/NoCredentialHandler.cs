using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Access;

/// <summary>
/// Authenticates a request that carries no credential as nobody, which is what the bearer and cookie handlers answer
/// too, but without building them: their options load the token libraries, ≈ 20 ms of a cold instance's first request
/// (the health probe; issue 15). Challenges and refusals are forwarded to the scheme the request would have used.
/// </summary>
internal sealed class NoCredentialHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
