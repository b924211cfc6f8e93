using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Core.Access;
using Marketplace.Storage;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests;

/// <summary>
/// The real function app in-process, on a real Azurite, with its own tables, containers and queues, and real
/// bearer tokens from the development issuer for each role.
/// </summary>
public class MarketplaceApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public MarketplaceApp(Azurite azurite, string environment = "Development", IDictionary<string, string?>? overrides = null)
    {
        Azurite = azurite;
        Environment = environment;
        Prefix = UniqueNames.Prefix();
        settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = Prefix,
            ["Search:Provider"] = "Lucene",
            ["Search:LucenePath"] = "",
            ["Background:QueuePollInterval"] = "00:00:00.100",
            ["Health:ProbeTimeout"] = "00:00:02",
            // Every request of a test comes from one in-process client; tests of the limits set their own.
            ["AbuseLimits:SearchPerMinute"] = "100000",
            ["AbuseLimits:DevTokensPerMinute"] = "100000",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // A null override removes the test default, so the app's own appsettings apply.
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }
    }

    /// <summary>
    /// An Entra ID app registration that exists only in name (placeholder tenant and client), so the app composes as
    /// deployed; a new dictionary each time, for a test to add its own settings to.
    /// </summary>
    public static Dictionary<string, string?> PlaceholderEntraRegistration() => new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
    };

    public Azurite Azurite { get; }
    public string Environment { get; }
    public string Prefix { get; }

    public StorageNames Names => Services.GetRequiredService<StorageNames>();

    /// <summary>Extra service registrations applied after the app's own (test doubles at boundaries only).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    public static async Task<MarketplaceApp> StartAsync(string environment = "Development", IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var app = new MarketplaceApp(await Azurite.Shared, environment, overrides) { ConfigureTestServices = services };
        await app.ProvisionedAsync();
        return app;
    }

    /// <summary>
    /// After a test wrote records straight into the tables (as a data fix would, announcing nothing), brings the
    /// candidate projection in line with them, as the start-up and nightly reconciliation would.
    /// </summary>
    public async Task RecordsEditedAsync() =>
        await Services.GetRequiredService<Marketplace.Storage.Shortlisting.CandidateProjection>().ReconcileAsync(CancellationToken.None);

    public async Task ProvisionedAsync() =>
        await Services.GetRequiredService<StorageProvisioner>().Provisioned.WaitAsync(TimeSpan.FromSeconds(30));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // UseSetting reaches Program before it reads configuration; ConfigureAppConfiguration would come too late.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    /// <summary>A client whose bearer token is a development token for the role and organisation.</summary>
    public async Task<HttpClient> ClientForAsync(MarketplaceRole role, string? organisationId = null, bool followRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(role, organisationId));
        return client;
    }

    public async Task<string> TokenForAsync(MarketplaceRole role, string? organisationId = null)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/dev/token", new { role = role.ToString(), organisationId = organisationId ?? (role == MarketplaceRole.Admin ? null : "org-" + role.ToString().ToLowerInvariant()) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    private sealed record TokenBody(string AccessToken, int ExpiresIn);
}
