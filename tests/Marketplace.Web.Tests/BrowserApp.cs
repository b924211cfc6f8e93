using System.Net;
using System.Net.Sockets;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests;

/// <summary>
/// The real function app on a real Kestrel port (a browser cannot reach an in-memory test server), on a real Azurite
/// with its own tables and the repository's seed catalogue, and one headless Debian Chromium driven by Playwright.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium, installed by scripts/test.sh when missing; Playwright's own browsers are never downloaded.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private Factory? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => factory!.Services;

    /// <summary>The environment the app runs in: Development signs people in with development tokens.</summary>
    protected virtual string Environment => "Development";

    /// <summary>Settings on top of the test defaults, once the app's address is known.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> SettingsAsync(string baseUrl) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Other origins the browser may reach besides the app (everything else is refused at once).</summary>
    protected virtual IEnumerable<string> OtherOrigins => [];

    public virtual async Task InitializeAsync()
    {
        BaseUrl = $"http://localhost:{FreePort()}";
        factory = new Factory(await Azurite.Shared, BaseUrl, Environment, await SettingsAsync(BaseUrl));
        factory.UseKestrel();
        factory.StartServer();
        await Services.GetRequiredService<StorageProvisioner>().Provisioned.WaitAsync(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<CatalogueImport>().RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        // The search index is built at start-up; after the import, rebuild it from the seeded tables.
        await Services.GetRequiredService<ICatalogueIndex>().RebuildAsync(
            Services.GetRequiredService<IOfferingSearchSource>().ListActiveAsync(CancellationToken.None), CancellationToken.None);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/test.sh (it installs Debian's chromium) or apt-get install -y chromium.");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser session (own cookies) at the given width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        // No network here: the design system's web font host is unreachable, so its requests are refused at once.
        string[] reachable = [BaseUrl, .. OtherOrigins];
        await context.RouteAsync(url => !reachable.Any(origin => url.StartsWith(origin + "/", StringComparison.Ordinal)), route => route.AbortAsync());
        // Records what the Content-Security-Policy blocks, so every page check can prove nothing was.
        await context.AddInitScriptAsync(
            "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));");
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(Azurite azurite, string url, string environment, IReadOnlyDictionary<string, string?> extra) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            var settings = new Dictionary<string, string?>
            {
                ["Hosting:Urls"] = url,
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:NamePrefix"] = UniqueNames.Prefix(),
                ["Search:Provider"] = "Lucene",
                ["Search:LucenePath"] = "",
                ["Background:QueuePollInterval"] = "00:00:00.200",
                ["AbuseLimits:SearchPerMinute"] = "100000",
                ["AbuseLimits:DevTokensPerMinute"] = "100000",
                ["Logging:Console:FormatterName"] = "simple",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings.Concat(extra))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
