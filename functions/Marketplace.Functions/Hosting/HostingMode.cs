namespace Marketplace.Functions.Hosting;

/// <summary>
/// Whether the Azure Functions host started us. The host passes the port in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>
/// and delivers timer and queue triggers itself; standalone, the app listens on 7071 and runs them in-process.
/// </summary>
public sealed record HostingMode(bool UnderFunctionsHost, int Port)
{
    public const string HostPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const int StandalonePort = 7071;

    public static HostingMode From(IConfiguration configuration) =>
        int.TryParse(configuration[HostPortVariable], out var hostPort)
            ? new HostingMode(true, hostPort)
            : new HostingMode(false, configuration.GetValue("Hosting:Port", StandalonePort));

}

public static class HostingModeExtensions
{
    public static WebApplicationBuilder UseHostingMode(this WebApplicationBuilder builder)
    {
        var mode = HostingMode.From(builder.Configuration);
        builder.Services.AddSingleton(mode);
        // Loopback only: under the host, only the host (same machine) may reach us; standalone, only this laptop.
        builder.WebHost.UseUrls(builder.Configuration["Hosting:Urls"] ?? $"http://127.0.0.1:{mode.Port}");
        return builder;
    }
}
