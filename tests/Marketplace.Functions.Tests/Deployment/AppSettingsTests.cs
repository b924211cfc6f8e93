using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Marketplace.Core.Registers;
using Marketplace.Functions.Access;
using Marketplace.Functions.Background;
using Marketplace.Functions.Hosting;
using Marketplace.Functions.Registers;
using Marketplace.Functions.Shortlisting;
using Marketplace.Functions.StorageWiring;
using Marketplace.Storage;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Search;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Web;

namespace Marketplace.Functions.Tests.Deployment;

/// <summary>
/// The app settings infra/bicep/modules/app.bicep deploys against the settings the code reads: a misspelt name there
/// is a setting nobody reads and a default silently used in Azure, and a missing one is an app that fails on its
/// first instance. Nothing here needs a subscription.
/// </summary>
public sealed partial class AppSettingsTests
{
    // Read by the Functions host and the platform, not by the app (DataStorage is the queue triggers' connection,
    // held to function.json by FunctionJsonTests).
    private static readonly string[] HostSettings = ["AzureWebJobs", "APPLICATIONINSIGHTS_", "DataStorage__", "ASPNETCORE_ENVIRONMENT"];

    // Every options class the app binds, by its section. Held complete by the first test below.
    private static readonly (string Section, Type Options)[] BoundSections =
    [
        (StorageOptions.Section, typeof(StorageOptions)),
        (CatalogueSearchOptions.Section, typeof(CatalogueSearchOptions)),
        (KeyRingOptions.Section, typeof(KeyRingOptions)),
        (BackgroundOptions.Section, typeof(BackgroundOptions)),
        (AbuseLimitOptions.Section, typeof(AbuseLimitOptions)),
        (OcdsOptions.Section, typeof(OcdsOptions)),
        (RegistersFeature.Section, typeof(RegisterImportSettings)),
        (EvidenceScanningOptions.Section, typeof(EvidenceScanningOptions)),
        (ShortlistingOptions.Section, typeof(ShortlistingOptions)),
        (ShortlistAdmissionOptions.Section, typeof(ShortlistAdmissionOptions)),
        // Microsoft.Identity.Web binds the AzureAd section to these (web API and web sign-in).
        ("AzureAd", typeof(MicrosoftIdentityOptions)),
    ];

    [Fact]
    public void Every_configuration_section_the_app_declares_is_known_to_these_tests()
    {
        var declared = new[] { typeof(Program).Assembly, typeof(StorageOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f!.GetRawConstantValue()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Subset(BoundSections.Select(s => s.Section).ToHashSet(StringComparer.OrdinalIgnoreCase), declared);
    }

    [Fact]
    public void Every_setting_the_Bicep_gives_the_app_is_one_the_app_reads()
    {
        var read = SettingsTheAppReads();

        var unread = BicepSettings().Keys.Where(k => !HostSettings.Any(h => k.StartsWith(h, StringComparison.Ordinal)))
            .Select(ConfigurationKey).Where(k => !read.Contains(Generic(k))).ToList();

        Assert.True(unread.Count == 0, "Bicep sets settings the app never reads: " + string.Join(", ", unread));
    }

    [Fact]
    public void The_Bicep_settings_alone_satisfy_every_rule_the_app_checks_at_start_up_in_Azure()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BicepSettings().Select(s => KeyValuePair.Create(ConfigurationKey(s.Key), (string?)s.Value))).Build();

        Assert.Equal("Production", configuration["ASPNETCORE_ENVIRONMENT"]);
        // Outside Development the app refuses to start without its app registration (Authentication.AddMarketplaceSignIn).
        Assert.True(Authentication.HasEntra(configuration));
        Assert.NotNull(configuration["AzureAd:TenantId"]);
        Assert.NotNull(configuration["AzureAd:Instance"]);
        var storage = Valid<StorageOptions>(configuration, StorageOptions.Section);
        Assert.Null(storage.ConnectionString); // by identity: no account key is ever configured
        var search = Valid<CatalogueSearchOptions>(configuration, CatalogueSearchOptions.Section);
        Assert.Equal(SearchProvider.AzureAISearch, search.Provider);
        Assert.NotNull(search.Endpoint);
        // Several instances share one key ring, protected by the Key Vault certificate.
        Assert.NotNull(Valid<KeyRingOptions>(configuration, KeyRingOptions.Section).KeyVaultUri);
        Valid<OcdsOptions>(configuration, OcdsOptions.Section);
        // Unset in Azure: the decoded lots kept follow the instance's memory.
        Assert.Null(Valid<ShortlistingOptions>(configuration, ShortlistingOptions.Section).KeptOfferings);
        // Evidence waits for Defender's malware scan in Azure: nothing in the Bicep may switch that off.
        Assert.True(Valid<EvidenceScanningOptions>(configuration, EvidenceScanningOptions.Section).MalwareScanning);
        // With a certificate name, web sign-in's client credential comes from the vault the data-protection key uses.
        Assert.Equal("KeyVault", configuration["AzureAd:ClientCredentials:0:SourceType"]);
        Assert.Equal(configuration["DataProtection:KeyVaultUri"], configuration["AzureAd:ClientCredentials:0:KeyVaultUrl"]);
    }

    [Fact]
    public async Task An_app_told_to_keep_no_decoded_offerings_refuses_to_start_and_names_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["Shortlisting:KeptOfferings"] = "0" });
        });

        Assert.Contains("KeptOfferings", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Option properties of every bound section, and the keys the code reads by name (before options exist).</summary>
    private static HashSet<string> SettingsTheAppReads()
    {
        var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in BoundSections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                read.Add($"{section}:{property.Name}");
            }
        }
        // Microsoft.Identity.Web binds each client credential to a CredentialDescription.
        foreach (var property in typeof(CredentialDescription).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            read.Add($"AzureAd:ClientCredentials:*:{property.Name}");
        }
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("functions"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (Match match in DirectRead().Matches(File.ReadAllText(file)))
            {
                read.Add(match.Groups[1].Value);
            }
        }
        return read;
    }

    /// <summary>The app settings app.bicep deploys (both branches of the conditional web sign-in settings), each with its value as written.</summary>
    private static Dictionary<string, string> BicepSettings()
    {
        var bicep = File.ReadAllText(RepositoryPaths.Combine("infra", "bicep", "modules", "app.bicep"));
        var start = bicep.IndexOf("var webSignInSettings", StringComparison.Ordinal);
        var end = bicep.IndexOf("@description('Name of the function app.')", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "app.bicep no longer has the webSignInSettings and appsettings blocks this test reads");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in BicepSetting().Matches(bicep[start..end]))
        {
            var (name, value) = (match.Groups[1].Value, match.Groups[2].Value.Trim());
            if (name is "parent" or "name" or "properties")
            {
                continue;
            }
            // A literal keeps its value; an expression (a parameter or output) stands for a value known only at deployment.
            settings[name] = value.StartsWith('\'') ? value.Trim('\'')
                : name.EndsWith("Uri", StringComparison.Ordinal) || name.EndsWith("Url", StringComparison.Ordinal) || name.EndsWith("Endpoint", StringComparison.Ordinal) ? "https://deployed.example/"
                : "deployed-value";
        }
        Assert.NotEmpty(settings);
        return settings;
    }

    private static T Valid<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        Assert.True(errors.Count == 0, $"{section}: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return options;
    }

    // App settings spell the configuration separator ':' as '__'.
    private static string ConfigurationKey(string setting) => setting.Replace("__", ":", StringComparison.Ordinal);

    // An array index stands for any element: AzureAd:ClientCredentials:0:SourceType → AzureAd:ClientCredentials:*:SourceType.
    private static string Generic(string key) => ArrayIndex().Replace(key, ":*:");

    [GeneratedRegex("""[Cc]onfiguration\["([A-Za-z][A-Za-z0-9]*:[A-Za-z0-9:]+)"\]""")]
    private static partial Regex DirectRead();

    [GeneratedRegex(@"^\s+([A-Za-z][A-Za-z0-9_]*):\s*(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex BicepSetting();

    [GeneratedRegex(":[0-9]+:")]
    private static partial Regex ArrayIndex();
}
