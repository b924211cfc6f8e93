using Marketplace.Core.Access;

namespace Marketplace.Functions.Access;

/// <summary>Sign-in routes: who the caller is, and (in Development only) a token for any role.</summary>
public static class AccessApi
{
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
