using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Functions.Http;
using Marketplace.Schemas;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Functions.Validation;

/// <summary>
/// Checks a request body against one of the repository's JSON Schemas before the endpoint sees it:
/// <code>
/// builder.Services.AddDocumentSchemas();
/// group.MapPut("/{id}", ReplaceAsync).WithName("ReplaceOffering").ValidateBodyAgainst("offering-listing.schema.json");
/// </code>
/// A body that is not <c>application/json</c> is a 415, one over 256 KB a 413, malformed JSON or a schema violation a
/// 400 <c>validation-failed</c> whose <c>errors</c> maps JSON paths (<c>$.price.amountGbp</c>) to messages. A valid
/// body is handed on for the endpoint's own JSON parameter binding, without the optional properties it sent as
/// <c>null</c> (which <see cref="DocumentSchemas.Check"/> judged as absent, so binding sees them absent too).
/// </summary>
public static class RequestBodyValidation
{
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// Registers <see cref="DocumentSchemas"/> from <c>schemas/</c> beside the app, loaded by the first request that
    /// validates a body. Loading them at start was ≈ 20 ms of every cold start before the first answer, on a pool thread
    /// as much as on the main one (issue 15). A schema that cannot be loaded fails the package instead: scripts/package.sh
    /// runs <c>generate-function-json</c> on the packaged app, which loads every schema.
    /// </summary>
    public static IServiceCollection AddDocumentSchemas(this IServiceCollection services)
    {
        services.AddSingleton(new SchemaFolder(Path.Combine(AppContext.BaseDirectory, "schemas")));
        services.AddSingleton(sp => DocumentSchemas.Load(sp.GetRequiredService<SchemaFolder>().Path));
        return services;
    }

    /// <summary>
    /// Validates the body of every request to these endpoints against <paramref name="schema"/> (a file name in
    /// <c>schemas/</c>) before parameter binding, authorisation having run already.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the endpoints are built, if no such schema file is there.</exception>
    public static TBuilder ValidateBodyAgainst<TBuilder>(this TBuilder builder, string schema) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var folder = endpoint.ApplicationServices.GetService<SchemaFolder>()
                ?? throw new InvalidOperationException($"{endpoint.DisplayName} validates its body, but services.AddDocumentSchemas() was not called.");
            if (!folder.Files.Contains(schema, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"{endpoint.DisplayName} validates its body against '{schema}', which is not among {string.Join(", ", folder.Files)}.");
            }

            // Endpoint filters run after parameter binding, which would already have read (or refused) the body, so
            // the check wraps the endpoint's request delegate instead; ASP.NET Core keeps a convention's delegate.
            var next = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate.");
            var services = endpoint.ApplicationServices;
            endpoint.RequestDelegate = async context =>
            {
                if (await CheckAsync(context, services.GetRequiredService<DocumentSchemas>(), schema) is { } refusal)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }

                await next(context);
            };
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), ["application/problem+json"]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails), ["application/problem+json"]));
        });
        return builder;
    }

    /// <summary>The problem to answer with, or null when the body is valid (and then left readable for binding).</summary>
    internal static async Task<IResult?> CheckAsync(HttpContext context, DocumentSchemas schemas, string schema)
    {
        var request = context.Request;
        if (!IsUtf8Json(request.ContentType))
        {
            return ProblemResults.Of(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "The body must be JSON.",
                $"Send the body as Content-Type: application/json (UTF-8); this request sent {(string.IsNullOrEmpty(request.ContentType) ? "no content type" : $"'{request.ContentType}'")}.");
        }

        if (request.ContentLength > MaxBodyBytes || await ReadAtMostAsync(request.Body, MaxBodyBytes, context.RequestAborted) is not { } body)
        {
            return ProblemResults.Of(StatusCodes.Status413PayloadTooLarge, Problems.PayloadTooLarge, "The body is too large.",
                $"A request body may be at most {MaxBodyBytes / 1024} KB.");
        }

        if (body.Length == 0)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["$"] = ["is required"] }, "The request has no body; send a JSON document.");
        }

        IReadOnlyList<SchemaError> errors;
        JsonNode? withoutNulls;
        try
        {
            using var document = JsonDocument.Parse(body, ReadOptions);
            (errors, withoutNulls) = schemas.Check(schema, document.RootElement);
        }
        catch (JsonException malformed)
        {
            // A repeated property is reported without a position.
            var where = malformed.LineNumber is { } line ? $" at line {line + 1}, position {(malformed.BytePositionInLine ?? 0) + 1}" : "";
            var reason = Reason(malformed.Message);
            return ProblemResults.Validation(
                new Dictionary<string, string[]> { ["$"] = [$"is not valid JSON{where}: {reason}"] },
                $"The body is not valid JSON{where}: {reason}");
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors
                .GroupBy(e => e.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
        }

        if (withoutNulls is not null)
        {
            body = JsonSerializer.SerializeToUtf8Bytes(withoutNulls);
        }

        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        return null;
    }

    private static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    // Reads the whole body, or returns null as soon as it passes the limit: a chunked body announces no length.
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …" (zero-based); the position is given separately.
    private static string Reason(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal) is var path and >= 0 ? path : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end >= 0 ? message[..end] : message).Trim();
    }

    /// <summary>Where the schemas are, and their file names: all an endpoint needs to know when it is built.</summary>
    internal sealed class SchemaFolder(string path)
    {
        private readonly Lazy<string[]> files = new(() =>
        {
            // Sorted in place: LINQ's ordering over strings is compiled at run time on the cold start (issue 15).
            var names = Array.ConvertAll(Directory.Exists(path) ? Directory.GetFiles(path, "*.schema.json") : [], file => System.IO.Path.GetFileName(file));
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        });

        public string Path { get; } = path;

        public IReadOnlyList<string> Files => files.Value;
    }
}
