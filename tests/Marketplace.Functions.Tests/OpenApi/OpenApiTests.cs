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
            // Web pages and their static assets are HTML for people, not the JSON API the document describes.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
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
        Assert.Equal(["Commissioner", "Supplier", "Association", "Admin", "Certifier"], me.GetProperty("x-allowed-roles").EnumerateArray().Select(r => r.GetString()!));
    }

    [Fact]
    public async Task Error_answers_are_documented_as_problem_details()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        var replace = paths.GetProperty("/api/offerings/{id}").GetProperty("put").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "428" })
        {
            Assert.True(replace.TryGetProperty(status, out var response), $"PUT /api/offerings/{{id}} does not document {status}");
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not problem+json");
        }
        Assert.True(paths.GetProperty("/api/offerings/{id}").GetProperty("put").TryGetProperty("requestBody", out _));
        Assert.True(paths.GetProperty("/api/health").GetProperty("get").GetProperty("responses").TryGetProperty("503", out _));
        Assert.False(paths.GetProperty("/api/offerings/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
    }
}
