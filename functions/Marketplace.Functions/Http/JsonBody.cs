using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Marketplace.Functions.Http;

/// <summary>
/// A required JSON request body of type <typeparamref name="T"/>, read as an inferred body parameter would be (same
/// serializer options, same 400 and 415 answers), but whose serializer metadata is looked up at the first request
/// rather than when the endpoints are built: the generated request delegates asked for every body type before the
/// first answer, about 40 ms of the cold start.
/// </summary>
public sealed class JsonBody<T> : IBindableFromHttpContext<JsonBody<T>>, IEndpointParameterMetadataProvider
{
    private JsonBody(T value) => Value = value;

    /// <summary>The body as read.</summary>
    public T Value { get; }

    /// <exception cref="BadHttpRequestException">415 when the body is not JSON, 400 when it is missing or unreadable.</exception>
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await JsonBodyReader.ReadAsync<T>(context, parameter) is { } value
            ? new JsonBody<T>(value)
            : throw new BadHttpRequestException($"Required parameter \"{typeof(T).Name} {parameter.Name}\" was not provided from body.");

    /// <summary>Declares the body for the OpenAPI document and the wire-type checks, as an inferred body parameter would.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T), isOptional: false));
}

/// <summary>A JSON request body the caller may leave out (<see cref="Value"/> is then null); otherwise as <see cref="JsonBody{T}"/>.</summary>
public sealed class OptionalJsonBody<T> : IBindableFromHttpContext<OptionalJsonBody<T>>, IEndpointParameterMetadataProvider where T : class
{
    private OptionalJsonBody(T? value) => Value = value;

    /// <summary>The body as read, or null when there was none.</summary>
    public T? Value { get; }

    /// <exception cref="BadHttpRequestException">415 when a body is sent that is not JSON, 400 when it is unreadable.</exception>
    public static async ValueTask<OptionalJsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        new(await JsonBodyReader.ReadAsync<T>(context, parameter));

    /// <summary>Declares the optional body for the OpenAPI document and the wire-type checks.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T), isOptional: true));
}

internal static class JsonBodyReader
{
    /// <summary>The body, or the default when the request has none (or sent JSON <c>null</c>).</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return default;
        }

        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException($"Expected a supported JSON media type but got \"{request.ContentType}\".", StatusCodes.Status415UnsupportedMediaType);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await request.ReadFromJsonAsync((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), context.RequestAborted);
        }
        catch (JsonException unreadable)
        {
            throw new BadHttpRequestException($"Failed to read parameter \"{typeof(T).Name} {parameter.Name}\" from the request body as JSON.", unreadable);
        }
        catch (IOException broken)
        {
            throw new BadHttpRequestException("Reading the request body failed.", broken);
        }
    }
}
