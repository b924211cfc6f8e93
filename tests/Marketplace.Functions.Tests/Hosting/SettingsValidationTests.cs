using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Tests.Hosting;

/// <summary>A setting that breaks its rule stops the app at start, naming the setting, rather than failing requests later.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Ocds:OcidPrefix", "OCDS-ABC123", "Ocds:OcidPrefix must be 'ocds-' followed by six lower-case letters or digits.")]
    [InlineData("AbuseLimits:SearchPerMinute", "0", "SearchPerMinute")]
    [InlineData("Shortlisting:Admission:Concurrent", "65", "Concurrent")]
    [InlineData("Shortlisting:KeptOfferings", "0", "KeptOfferings")]
    public async Task A_setting_that_breaks_its_rule_stops_the_app_at_start_naming_it(string setting, string value, string named)
    {
        await using var app = new MarketplaceApp(await Azurite.Shared, overrides: new Dictionary<string, string?> { [setting] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_within_their_rules_start_the_app()
    {
        await using var app = new MarketplaceApp(await Azurite.Shared, overrides: new Dictionary<string, string?>
        {
            ["Ocds:OcidPrefix"] = "ocds-abc123",
            ["Shortlisting:Admission:Concurrent"] = "64",
            ["Shortlisting:KeptOfferings"] = "1",
        });

        Assert.Equal("ocds-abc123", app.Services.GetRequiredService<IOptions<Marketplace.Functions.Shortlisting.OcdsOptions>>().Value.OcidPrefix);
    }
}
