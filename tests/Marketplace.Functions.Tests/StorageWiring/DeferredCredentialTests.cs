using Azure.Core;
using Marketplace.Functions.StorageWiring;

namespace Marketplace.Functions.Tests.StorageWiring;

public sealed class DeferredCredentialTests
{
    private static readonly TokenRequestContext Storage = new(["https://storage.azure.com/.default"]);

    [Fact]
    public async Task The_real_credential_is_built_once_and_only_when_a_token_is_first_asked_for()
    {
        var built = 0;
        var credential = new DeferredCredential(() =>
        {
            built++;
            return new FixedCredential("token-1");
        });

        Assert.Equal(0, built);
        Assert.Equal("token-1", credential.GetToken(Storage, CancellationToken.None).Token);
        Assert.Equal("token-1", (await credential.GetTokenAsync(Storage, CancellationToken.None)).Token);
        Assert.Equal(1, built);
    }

    private sealed class FixedCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
