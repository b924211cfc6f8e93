using Microsoft.AspNetCore.HttpOverrides;

namespace Marketplace.Functions.Hosting;

/// <summary>
/// The Functions host proxies each public HTTPS request to us over loopback HTTP and says what the original was in
/// X-Forwarded-For/-Proto/-Host. Honoured from loopback only (the app listens nowhere else; ASP.NET Core's defaults
/// trust 127.0.0.0/8 and ::1), so redirect URIs (the sign-in callback), secure cookies and the client address that
/// rate limits count are the public ones; the same headers from anyone else change nothing.
/// </summary>
public static class HostForwarding
{
    public static WebApplicationBuilder AddHostForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // One hop: the host. Anything the client itself put in front of the host's entry is not believed.
            options.ForwardLimit = 1;
        });
        return builder;
    }
}
