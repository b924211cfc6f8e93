using System.Net;
using System.Text.Json;
using Marketplace.Functions.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.OpenApi;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Every_route_is_in_the_OpenAPI_document_with_its_access_rule()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName != "GetOpenApiDocument")
            .ToList();
        Assert.True(routes.Count >= 6, "expected the skeleton's routes");
        foreach (var route in routes)
        {
            var path = "/" + route.RoutePattern.RawText!.TrimStart('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is missing");
                var rule = route.Metadata.GetMetadata<AccessRule>()!;
                Assert.Equal(rule.Kind.ToString(), operation.GetProperty("x-access").GetString());
                Assert.Equal(rule.Roles.Select(r => r.ToString()), operation.GetProperty("x-allowed-roles").EnumerateArray().Select(r => r.GetString()!));
                Assert.Contains("Access: ", operation.GetProperty("description").GetString());
            }
        }
    }

    [Fact]
    public async Task The_signed_in_user_route_documents_which_roles_may_call_it()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var me = document.GetProperty("paths").GetProperty("/api/me").GetProperty("get");
        Assert.Equal(["Commissioner", "Supplier", "Association", "Admin"], me.GetProperty("x-allowed-roles").EnumerateArray().Select(r => r.GetString()!));
    }
}
