using Marketplace.Core.Access;
using Marketplace.Storage.Access;

namespace Marketplace.Functions.Access;

/// <summary>Sign-in's ports and the stores behind them.</summary>
public static class AccessFeature
{
    /// <summary>The known users that development sign-in offers.</summary>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IUserProfiles, TableUserProfiles>();
        return builder;
    }
}
