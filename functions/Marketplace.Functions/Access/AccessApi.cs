using Marketplace.Core.Access;
using Marketplace.Storage.Access;

namespace Marketplace.Functions.Access;

/// <summary>Sign-in routes: who the caller is, and (in Development only) a token for any role.</summary>
public static class AccessApi
{
    /// <summary>The known users that development sign-in offers.</summary>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IUserProfiles, TableUserProfiles>();
        return builder;
    }

    public static WebApplication MapAccess(this WebApplication app)
    {
        var group = app.MapFeature("/api", "Sign-in");
        group.MapGetSignedInUser();
        if (app.Environment.IsDevelopment())
        {
            group.MapIssueDevToken();
        }
        return app;
    }
}
