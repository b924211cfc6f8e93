using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Functions.Http;
using Marketplace.Functions.Validation;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Tests.Validation;

/// <summary>
/// The body check on a real ASP.NET Core pipeline (test server, the app's problem details, the schemas copied to the
/// output) with one endpoint that binds the listing as a typed parameter, as the offering endpoints will.
/// </summary>
public sealed class RequestBodyValidationTests : IAsyncLifetime
{
    private const string Route = "/api/test/listings";

    private readonly List<Listing> received = [];
    private WebApplication app = null!;
    private HttpClient client = null!;

    public sealed record ListingPrice(string Model, decimal AmountGbp);

    public sealed record Listing(string Name, string Kind, ListingPrice Price);

    public sealed record Echo(string Name, decimal AmountGbp, string Kind);

    public async Task InitializeAsync()
    {
        app = Build("offering-listing.schema.json");
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private WebApplication Build(string schema, string? schemaFolder = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddMarketplaceProblemDetails();
        builder.Services.AddDocumentSchemas();
        if (schemaFolder is not null)
        {
            builder.Services.AddSingleton(new RequestBodyValidation.SchemaFolder(schemaFolder));
        }
        var built = builder.Build();
        built.UseExceptionHandler();
        built.UseStatusCodePages();
        built.MapPost(Route, (Listing listing) =>
        {
            received.Add(listing);
            return TypedResults.Ok(new Echo(listing.Name, listing.Price.AmountGbp, listing.Kind));
        }).ValidateBodyAgainst(schema);
        return built;
    }

    private static JsonObject ExampleListing(int index = 0) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("schemas", "offering-listing.schema.json")))!["examples"]![index]!.DeepClone().AsObject();

    private static ByteArrayContent Body(string text, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    [Fact]
    public async Task A_valid_listing_reaches_the_handler_bound_and_parsed()
    {
        var listing = ExampleListing();

        var response = await client.PostAsync(Route, Body(listing.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.Equal(new Echo((string)listing["name"]!, 162.5m, "product"), echo);
        Assert.Single(received);
    }

    [Fact]
    public async Task A_listing_with_null_optional_fields_is_accepted_and_bound_without_them()
    {
        // The managed service: connectivity is optional for a service, the outcome reward always.
        var listing = ExampleListing(1);
        listing["connectivity"] = null;
        listing["price"]!["outcomeRewardGbp"] = null;

        var response = await client.PostAsync(Route, Body(listing.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(86.0m, Assert.Single(received).Price.AmountGbp);
    }

    [Fact]
    public async Task A_valid_chunked_listing_reaches_the_handler()
    {
        var response = await client.PostAsync(Route, new ChunkedContent(Encoding.UTF8.GetBytes(ExampleListing().ToJsonString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(received);
    }

    // For an endpoint that binds a JSON parameter, routing itself answers a foreign media type with 415 (the same
    // problem, through status code pages) before the check runs; the check covers the rest.
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task A_body_that_is_not_utf8_json_is_a_415_problem(string? contentType)
    {
        var response = await client.PostAsync(Route, Body(ExampleListing().ToJsonString(), contentType));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
        Assert.Empty(received);
    }

    [Theory]
    [InlineData("application/json; charset=utf-16", "'application/json; charset=utf-16'")]
    [InlineData(null, "no content type")]
    public async Task The_415_problem_says_what_to_send_and_what_was_sent(string? contentType, string sent)
    {
        var response = await client.PostAsync(Route, Body(ExampleListing().ToJsonString(), contentType));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
        Assert.Equal($"Send the body as Content-Type: application/json (UTF-8); this request sent {sent}.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_300_KB_body_is_a_413_problem()
    {
        var listing = ExampleListing();
        listing["description"] = new string('x', 300 * 1024);

        var response = await client.PostAsync(Route, Body(listing.ToJsonString()));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Problems.PayloadTooLarge);
        Assert.Contains("256 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(received);
    }

    [Fact]
    public async Task A_300_KB_chunked_body_that_announces_no_length_is_a_413_problem()
    {
        var listing = ExampleListing();
        listing["description"] = new string('x', 300 * 1024);

        var response = await client.PostAsync(Route, new ChunkedContent(Encoding.UTF8.GetBytes(listing.ToJsonString())));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Problems.PayloadTooLarge);
        Assert.Empty(received);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_line_and_position()
    {
        var response = await client.PostAsync(Route, Body("{\n  \"name\": \"Hub\",\n  \"kind\" \"product\"\n}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        Assert.StartsWith("The body is not valid JSON at line 3, position 10:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var message = Assert.Single(Errors(problem)["$"]);
        Assert.StartsWith("is not valid JSON at line 3, position 10:", message, StringComparison.Ordinal);
        Assert.Empty(received);
    }

    [Fact]
    public async Task A_repeated_property_is_a_400_problem_rather_than_a_guess()
    {
        var response = await client.PostAsync(Route, Body("""{ "name": "Hub", "name": "Other" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        Assert.Equal(["is not valid JSON: Duplicate property 'name' encountered during deserialization."], Errors(problem)["$"]);
        Assert.Empty(received);
    }

    [Fact]
    public async Task An_empty_body_is_a_400_problem()
    {
        var response = await client.PostAsync(Route, Body(""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        Assert.Equal(["is required"], Errors(problem)["$"]);
        Assert.Empty(received);
    }

    [Fact]
    public async Task A_listing_with_two_bad_fields_is_a_400_problem_naming_both_json_paths()
    {
        var listing = ExampleListing();
        listing["price"]!["amountGbp"] = 12.345m;
        listing["regions"]![1] = "atlantis";

        var response = await client.PostAsync(Route, Body(listing.ToJsonString()));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        var errors = Errors(problem);
        Assert.Equal(["$.price.amountGbp", "$.regions[1]"], errors.Keys);
        Assert.Equal(["must have at most 2 decimal places"], errors["$.price.amountGbp"]);
        Assert.Equal(["is not one of the allowed values"], errors["$.regions[1]"]);
        Assert.Contains("$.regions[1]: is not one of the allowed values", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(received);
    }

    [Fact]
    // The server-owned id, supplierId and status are optional listing properties (a GET body may be sent back; the
    // endpoint compares them with the stored offering), so fields the schema does not know stand in for them here.
    public async Task A_listing_that_sets_fields_the_schema_does_not_know_is_refused_at_each_of_them()
    {
        var listing = ExampleListing();
        listing["listedAt"] = "2026-01-01";
        listing["supplierName"] = "someone-else";
        listing.Remove("name");

        var response = await client.PostAsync(Route, Body(listing.ToJsonString()));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationFailed);
        var errors = Errors(problem);
        Assert.Equal(["$.listedAt", "$.name", "$.supplierName"], errors.Keys);
        Assert.Equal(["is not allowed here"], errors["$.listedAt"]);
        Assert.Equal(["is required"], errors["$.name"]);
        Assert.Empty(received);
    }

    [Fact]
    public async Task An_endpoint_naming_a_schema_that_is_not_loaded_fails_when_the_endpoints_are_built()
    {
        await using var broken = Build("offerings.schema.json");

        var error = Assert.Throws<InvalidOperationException>(() => ((IEndpointRouteBuilder)broken).DataSources.SelectMany(d => d.Endpoints).ToList());

        Assert.Contains("'offerings.schema.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_with_a_reference_to_nothing_fails_only_the_requests_that_validate_a_body()
    {
        // The schemas load at the first request that needs them, not at start (issue 15); a broken deployment answers
        // those requests with a server problem, and nothing else stops working. Packaging refuses such a package first.
        var folder = Directory.CreateTempSubdirectory("schemas-");
        try
        {
            foreach (var schema in Directory.GetFiles(RepositoryPaths.Combine("schemas"), "*.schema.json"))
            {
                File.Copy(schema, Path.Combine(folder.FullName, Path.GetFileName(schema)));
            }
            File.WriteAllText(Path.Combine(folder.FullName, "broken.schema.json"), """{ "$ref": "no-such.schema.json" }""");
            await using var broken = Build("offering-listing.schema.json", folder.FullName);
            broken.MapGet("/api/test/other", () => TypedResults.Ok());
            await broken.StartAsync();
            using var brokenClient = broken.GetTestClient();

            var validated = await brokenClient.PostAsync(Route, Body(ExampleListing().ToJsonString()));
            var other = await brokenClient.GetAsync("/api/test/other");

            Assert.Equal(HttpStatusCode.InternalServerError, validated.StatusCode);
            Assert.Equal("application/problem+json", validated.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_endpoint_documents_its_400_413_and_415_problems()
    {
        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Single(e => e.DisplayName!.Contains(Route, StringComparison.Ordinal));

        var statuses = endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();

        Assert.Superset(new HashSet<int> { 200, 400, 413, 415 }, statuses);
    }

    [Fact]
    public void The_app_output_holds_every_schema_of_the_repository()
    {
        var repository = Directory.GetFiles(RepositoryPaths.Combine("schemas"), "*.schema.json").Order(StringComparer.Ordinal).ToList();
        var output = Path.Combine(AppContext.BaseDirectory, "schemas");

        Assert.NotEmpty(repository);
        Assert.Equal(repository.Select(Path.GetFileName), Directory.GetFiles(output, "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(repository, file => Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(output, Path.GetFileName(file)))));
    }

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());

    /// <summary>A body sent without Content-Length, as a chunked upload is.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] bytes;

        public ChunkedContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var piece in bytes.Chunk(8 * 1024))
            {
                await stream.WriteAsync(piece);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
