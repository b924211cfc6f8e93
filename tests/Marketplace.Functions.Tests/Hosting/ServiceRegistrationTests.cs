using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Hosting;

/// <summary>
/// Every service the app registers can be built from what is registered. The app does not check this at start (it cost
/// every Development start ≈ 10 ms, issue 15), so a registration missing a dependency fails here instead of on the first
/// request that needs it.
/// </summary>
public sealed class ServiceRegistrationTests
{
    public static TheoryData<string> Environments => ["Development", "Production"];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Every_registered_service_can_be_built_from_the_apps_registrations(string environment)
    {
        IServiceCollection? registrations = null;
        await using var app = await MarketplaceApp.StartAsync(environment, MarketplaceApp.PlaceholderEntraRegistration(), services => registrations = services);

        var failure = Record.Exception(() =>
        {
            using var provider = registrations!.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        });

        Assert.Null(failure);
    }
}
