using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Architecture;

/// <summary>Every route is mapped on its feature's group (shared metadata once) and says who may call it.</summary>
public sealed class EndpointGroupTests
{
    [Fact]
    public async Task Every_endpoint_belongs_to_a_feature_group_and_declares_its_access()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        var ungrouped = endpoints.Where(e => e.Metadata.GetMetadata<FeatureGroupMetadata>() is null).Select(e => e.DisplayName).ToList();
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<AccessRule>() is null).Select(e => e.DisplayName).ToList();
        Assert.True(ungrouped.Count == 0, "Not in a feature group: " + string.Join(", ", ungrouped));
        Assert.True(undeclared.Count == 0, "No access rule: " + string.Join(", ", undeclared));
    }
}
