using System.Text.Json.Nodes;
using Marketplace.Functions.FunctionMetadata;
using Marketplace.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.FunctionMetadata;

public sealed class FunctionJsonTests
{
    [Fact]
    public async Task Every_endpoint_but_the_host_probe_is_exactly_one_function_and_every_function_is_an_endpoint()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var functions = FunctionTable.From(endpoints);

        var expected = endpoints
            .Where(e => e.Metadata.GetMetadata<NotAFunctionMetadata>() is null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, functions.Select(f => f.Name));
        Assert.Contains(functions, f => f.Name == "UpdateSearchIndex");
        Assert.Contains(functions, f => f.Name == "ReindexCatalogue");
        var expiry = functions.Single(f => f.Name == "ExpireAttestations").FunctionJson["bindings"]![0]!;
        Assert.Equal(("timerTrigger", "0 30 0 * * *"), ((string?)expiry["type"], (string?)expiry["schedule"]));
        Assert.DoesNotContain(functions, f => f.Name == "Readiness");
        // Entra ID returns the browser to these; without a function.json the host would answer 404.
        foreach (var (callback, route) in new[] { ("SignInCallback", "signin-oidc"), ("SignOutCallback", "signout-callback-oidc") })
        {
            var binding = functions.Single(f => f.Name == callback).FunctionJson["bindings"]![0]!;
            Assert.Equal((route, "get,post"), ((string?)binding["route"], string.Join(",", binding["methods"]!.AsArray().Select(m => (string)m!))));
        }
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<NotAFunctionMetadata>() is null && e.Metadata.GetMetadata<Marketplace.Functions.Background.BackgroundFunctionMetadata>() is null))
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            var trigger = functions.Single(f => f.Name == name).FunctionJson["bindings"]![0]!;
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal(endpoint.RoutePattern.RawText!.TrimStart('/'), (string?)trigger["route"]);
            Assert.Equal(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => m.ToLowerInvariant()),
                trigger["methods"]!.AsArray().Select(m => (string)m!));
        }
    }

    [Fact]
    public async Task Every_generated_function_json_validates_against_the_vendor_schema()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var schema = FunctionJsonSchema();
        var functions = FunctionTable.From(app.Services.GetRequiredService<EndpointDataSource>().Endpoints);

        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            var errors = schema.Validate(function.FunctionJson.ToJsonString());
            Assert.True(errors.Count == 0, $"{function.Name}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void A_function_json_with_a_binding_missing_its_name_is_rejected()
    {
        var schema = FunctionJsonSchema();
        var broken = new JsonObject
        {
            ["bindings"] = new JsonArray(new JsonObject { ["type"] = "queueTrigger", ["direction"] = "in", ["queueName"] = "q" }),
        };

        Assert.NotEmpty(schema.Validate(broken.ToJsonString()));
    }

    [Fact]
    public async Task The_repository_host_json_validates_and_points_the_host_at_the_proxying_custom_handler()
    {
        var schema = VendorSchema.Load("host.json.schema.json");
        var hostJson = await File.ReadAllTextAsync(RepositoryPaths.Combine("host.json"));

        var errors = schema.Validate(hostJson);

        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var host = JsonNode.Parse(hostJson)!;
        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("Marketplace.Functions", (string?)host["customHandler"]!["description"]!["defaultExecutablePath"]);
        // Proxying (YARP in the host) streams bodies whatever their framing; the legacy forwarding rebuilt each request
        // and dropped a body sent without Content-Length.
        Assert.True((bool)host["customHandler"]!["enableProxyingHttpRequest"]!);
        Assert.Null(host["customHandler"]!["enableForwardingHttpRequest"]);
        Assert.Equal("[4.*, 5.0.0)", (string?)host["extensionBundle"]!["version"]);
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public async Task No_public_route_reaches_a_background_function_and_queue_triggers_read_the_data_account()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var functions = FunctionTable.From(app.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        var background = functions.Where(f => (string?)f.FunctionJson["bindings"]![0]!["type"] != "httpTrigger").ToList();
        var routes = functions.Where(f => (string?)f.FunctionJson["bindings"]![0]!["type"] == "httpTrigger")
            .Select(f => (f.Name, Matcher: new TemplateMatcher(TemplateParser.Parse((string)f.FunctionJson["bindings"]![0]!["route"]!), new RouteValueDictionary())))
            .ToList();

        Assert.NotEmpty(background);
        // The host invokes a background function as POST /{name}; a public HTTP route matching that path would let
        // anyone on the internet run it through the host's proxy.
        foreach (var function in background)
        {
            var exposedBy = routes.Where(r => r.Matcher.TryMatch("/" + function.Name, new RouteValueDictionary())).Select(r => r.Name).ToList();
            Assert.True(exposedBy.Count == 0, $"{function.Name} is reachable through {string.Join(", ", exposedBy)}");
        }
        var appBicep = await File.ReadAllTextAsync(RepositoryPaths.Combine("infra", "bicep", "modules", "app.bicep"));
        foreach (var queue in background.Select(f => f.FunctionJson["bindings"]![0]!).Where(b => (string?)b["type"] == "queueTrigger"))
        {
            Assert.Equal(FunctionTable.DataStorageConnection, (string?)queue["connection"]);
            Assert.Contains($"{FunctionTable.DataStorageConnection}__queueServiceUri:", appBicep, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_host_json_with_a_wrong_version_is_rejected()
    {
        var schema = VendorSchema.Load("host.json.schema.json");

        Assert.NotEmpty(schema.Validate("""{ "version": 2, "customHandler": { "description": { "defaultExecutablePath": 5 } } }"""));
    }

    // The vendor file says draft-04 but uses const; VendorSchema enforces const (SOURCE.md explains the quirk).
    private static VendorSchema FunctionJsonSchema() => VendorSchema.Load("function.json.schema.json");
}
