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

    // In Development the container's own check refuses missing storage clients first, so the storage rule (written as
    // IValidatableObject) is checked here on the generated validator that enforces it at start elsewhere.
    [Fact]
    public void Storage_needs_a_connection_string_or_all_three_endpoints()
    {
        var validator = new Marketplace.Functions.StorageWiring.StorageOptionsValidator();

        var none = validator.Validate(null, new Marketplace.Storage.StorageOptions { TableUri = new Uri("https://account.table.core.windows.net") });
        var endpoints = validator.Validate(null, new Marketplace.Storage.StorageOptions
        {
            TableUri = new Uri("https://account.table.core.windows.net"),
            BlobUri = new Uri("https://account.blob.core.windows.net"),
            QueueUri = new Uri("https://account.queue.core.windows.net"),
        });
        var connectionString = validator.Validate(null, new Marketplace.Storage.StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        Assert.True(none.Failed);
        Assert.Contains("Set Storage:ConnectionString, or all of Storage:TableUri, Storage:BlobUri and Storage:QueueUri.", none.FailureMessage, StringComparison.Ordinal);
        Assert.True(endpoints.Succeeded);
        Assert.True(connectionString.Succeeded);
    }
}
