using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;
using Marketplace.Functions.Http;
using Marketplace.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Http;

/// <summary>
/// Request bodies bound by <c>JsonBody&lt;T&gt;</c> (serializer metadata looked up at the first request) answer bad input
/// as the inferred body binding did, with problem details, and stay documented in the OpenAPI description.
/// Creating an attestation is used because its body has no schema check in front of the binding.
/// </summary>
public sealed class JsonBodyTests : IAsyncLifetime
{
    private const string Supplier = "downs-careline-systems";
    private MarketplaceApp app = null!;
    private HttpClient supplier = null!;

    public async Task InitializeAsync()
    {
        app = await MarketplaceApp.StartAsync();
        supplier = await app.ClientForAsync(MarketplaceRole.Supplier, Supplier);
    }

    public async Task DisposeAsync()
    {
        supplier.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_body()
    {
        var response = await supplier.PostAsync("/api/attestations", new StringContent("{ \"standardCode\": ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        Assert.Equal("Failed to read parameter \"AttestationRequest request\" from the request body as JSON.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem_saying_the_body_is_required()
    {
        var response = await supplier.PostAsync("/api/attestations", new StringContent("", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        Assert.Contains("\"AttestationRequest request\" was not provided from body", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await supplier.PostAsync("/api/attestations", new StringContent("standardCode=CE", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
    }

    [Fact]
    public async Task Bodies_are_documented_with_their_type_and_an_optional_one_as_not_required()
    {
        using var anyone = app.CreateClient();
        var paths = JsonDocument.Parse(await anyone.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        var create = paths.GetProperty("/api/attestations").GetProperty("post").GetProperty("requestBody");
        Assert.True(create.GetProperty("required").GetBoolean());
        Assert.EndsWith("/AttestationRequest", create.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);

        var submit = paths.GetProperty("/api/attestations/{id}/submit").GetProperty("post").GetProperty("requestBody");
        Assert.False(submit.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.True(submit.GetProperty("content").TryGetProperty("application/json", out _));
    }

    /// <summary>
    /// An inferred body parameter would bring back the serializer metadata lookup at the endpoint build, before the first
    /// answer: every route that takes JSON takes it through <c>JsonBody&lt;T&gt;</c> or <c>OptionalJsonBody&lt;T&gt;</c>.
    /// </summary>
    [Fact]
    public void Every_route_that_takes_json_reads_it_through_JsonBody()
    {
        var inferred = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.OfType<IAcceptsMetadata>().Any(a => a.ContentTypes.Any(c => c.EndsWith("json", StringComparison.OrdinalIgnoreCase))))
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not { } handler
                || !handler.GetParameters().Any(p => p.ParameterType.IsGenericType
                    && p.ParameterType.GetGenericTypeDefinition() is var definition
                    && (definition == typeof(JsonBody<>) || definition == typeof(OptionalJsonBody<>))))
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(inferred.Count == 0, "These routes take JSON without JsonBody<T>:\n" + string.Join("\n", inferred));
    }
}
