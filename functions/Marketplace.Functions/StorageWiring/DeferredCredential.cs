using Azure.Core;

namespace Marketplace.Functions.StorageWiring;

/// <summary>
/// A token credential that builds the real one when a token is first asked for. The Azure client factory asks for its
/// credential whenever it builds a client, even a client on a connection string that never uses it; building
/// <c>DefaultAzureCredential</c> loads MSAL, tens of milliseconds of CPU beside every cold start (issue 15).
/// </summary>
internal sealed class DeferredCredential(Func<TokenCredential> create) : TokenCredential
{
    private readonly Lazy<TokenCredential> credential = new(create);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        credential.Value.GetToken(requestContext, cancellationToken);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        credential.Value.GetTokenAsync(requestContext, cancellationToken);
}
