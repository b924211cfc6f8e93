using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Tests.Hosting;

/// <summary>
/// What production logs look like: the Functions host forwards the handler's console, and log search reads JSON lines.
/// A leaner host builder (ASP.NET Core's slim one forces the simple format, issue 15) must not change it unnoticed.
/// </summary>
public sealed class ProductionLogTests
{
    [Fact]
    public async Task Production_logs_go_to_the_console_as_json_lines_with_utc_timestamps_as_appsettings_says()
    {
        var settings = MarketplaceApp.PlaceholderEntraRegistration();
        // Not the tests' simple lines: appsettings.json's format.
        settings["Logging:Console:FormatterName"] = null;
        await using var app = await MarketplaceApp.StartAsync("Production", settings);

        Assert.Contains(app.Services.GetServices<ILoggerProvider>(), provider => provider is ConsoleLoggerProvider);
        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.UseUtcTimestamp);
        Assert.True(json.IncludeScopes);
        Assert.Equal("yyyy-MM-ddTHH:mm:ss.fffZ", json.TimestampFormat);
    }
}
