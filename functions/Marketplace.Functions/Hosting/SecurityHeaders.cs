using Marketplace.Functions.Access;

namespace Marketplace.Functions.Hosting;

/// <summary>
/// Headers every answer carries so a browser confines the pages: scripts, styles and images from this origin only
/// (no inline script: the pages load theirs as files), the design system's fonts from assets.nhs.uk, no framing,
/// no referrer sent to other sites, and HSTS where the app is served over HTTPS (in Azure, under the Functions host).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy the NHS.UK frontend works under. Forms post to this origin only, and may be redirected
    /// on to the sign-in authority (<paramref name="signInOrigin"/>): browsers hold a form's redirects to form-action
    /// too, and the sign-in and sign-out buttons end at Entra ID.
    /// </summary>
    public static string ContentSecurityPolicy(string? signInOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' https://assets.nhs.uk; " +
        $"connect-src 'self'; form-action 'self'{(signInOrigin is null ? "" : " " + signInOrigin)}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>One year, subdomains included: the function app answers HTTPS only (<c>httpsOnly</c> in the Bicep).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Under the Functions host the public side is HTTPS only; standalone on a laptop it is plain HTTP, where HSTS
        // would pin localhost to HTTPS for a year.
        var https = app.ApplicationServices.GetRequiredService<HostingMode>().UnderFunctionsHost;
        var policy = ContentSecurityPolicy(Authentication.SignInOrigin(app.ApplicationServices.GetRequiredService<IConfiguration>()));
        return app.Use((context, next) =>
        {
            // At the start of the answer, so error answers (whose headers the exception handler clears) carry them too.
            context.Response.OnStarting(() =>
            {
                Apply(context.Response.Headers, policy, https);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Apply(IHeaderDictionary headers, string policy, bool https)
    {
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (https)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }
}
