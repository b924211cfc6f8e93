using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Marketplace.Functions.Tests.Http;

/// <summary>
/// Every JSON body the endpoint table takes or gives is described by generated code, not built by reflection: the
/// reflection resolver stays last in the chain for what nobody listed, and a wire type reaching it would cost start-up
/// time (each is built when the endpoints are first read), so a new endpoint cannot silently fall back to it.
/// </summary>
public sealed class WireJsonTests
{
    [Fact]
    public async Task Every_json_body_and_answer_in_the_endpoint_table_has_generated_metadata()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var generated = options.TypeInfoResolverChain.Where(resolver => resolver is not DefaultJsonTypeInfoResolver).ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var wireTypes = WireTypesOf(endpoints);
        var reflected = wireTypes.Where(type => !generated.Any(resolver => resolver.GetTypeInfo(type, options) is not null))
            .Select(type => type.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Contains(typeof(Marketplace.Core.Catalogue.Offering), wireTypes);
        Assert.True(reflected.Count == 0, "Described by reflection, not in the generated context:\n" + string.Join("\n", reflected));
    }

    private static HashSet<Type> WireTypesOf(IEnumerable<Endpoint> endpoints)
    {
        static bool IsJson(IEnumerable<string> contentTypes) => contentTypes.Any(c => c.EndsWith("json", StringComparison.OrdinalIgnoreCase));
        var bodies = endpoints.SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Where(accepts => IsJson(accepts.ContentTypes)).Select(accepts => accepts.RequestType);
        var answers = endpoints.SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Where(produces => IsJson(produces.ContentTypes)).Select(produces => produces.Type);
        return [.. bodies.Concat(answers).OfType<Type>().Where(type => type != typeof(void) && !typeof(IResult).IsAssignableFrom(type))];
    }
}
