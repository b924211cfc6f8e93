using Marketplace.Functions.Access;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Marketplace.Functions.Tests.Access;

public sealed class OpenIdConnectCallbacksTests
{
    [Fact]
    public void The_mapped_callbacks_are_where_the_OpenID_Connect_handler_answers_by_default()
    {
        var handler = new OpenIdConnectOptions();

        Assert.Equal(OpenIdConnectCallbacks.SignInPath, handler.CallbackPath.Value);
        Assert.Equal(OpenIdConnectCallbacks.SignedOutPath, handler.SignedOutCallbackPath.Value);
    }
}
