using System.Diagnostics;
using Azure;
using Marketplace.Functions.Access;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Functions.Health;

/// <summary><c>GET /api/health</c>: every dependency checked at once; 200 when all answer, 503 naming those that do not.</summary>
public static class GetHealth
{
    /// <summary>How long each dependency may take to answer before it counts as down.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly string RetryAfterSeconds = ProblemExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The outcome of checking one dependency; <paramref name="Detail"/> is safe to show a caller, null when healthy.</summary>
    public sealed record DependencyStatus(string Name, bool Healthy, string? Detail = null);

    public sealed record HealthReportBody(string Status, IReadOnlyList<DependencyStatus> Dependencies);

    public static IHealthChecksBuilder AddDependencyChecks(this IServiceCollection services) => services.AddHealthChecks()
        .AddCheck<TablesCheck>("tables", timeout: Timeout)
        .AddCheck<BlobsCheck>("blobs", timeout: Timeout)
        .AddCheck<QueuesCheck>("queues", timeout: Timeout)
        .AddCheck<SearchCheck>("search", timeout: Timeout);

    public static IEndpointConventionBuilder MapGetHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/api/health", new HealthCheckOptions
            {
                ResponseWriter = WriteAsync,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status200OK,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .WithName("GetHealth")
            // MapHealthChecks answers every method and carries no handler: the method makes other verbs a 405 and the
            // function.json an httpTrigger on GET; the stand-in handler and response types put it in the OpenAPI document.
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]), ((Func<HealthReportBody>)Described).Method)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(HealthReportBody), ["application/json"]))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails), ["application/problem+json"]))
            .WithTags("Operations")
            .WithSummary("Reports whether tables, blobs, queues and the search index are reachable.")
            .AllowAnyone();

    private static HealthReportBody Described() => throw new UnreachableException("Only its signature is read, by the OpenAPI document.");

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var ordered = report.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new DependencyStatus(e.Key, e.Value.Status == HealthStatus.Healthy, e.Value.Status == HealthStatus.Healthy ? null : DetailOf(e.Value.Exception)))
            .ToArray();
        var failing = ordered.Where(d => !d.Healthy).ToArray();
        if (failing.Length == 0)
        {
            return TypedResults.Ok(new HealthReportBody("healthy", ordered)).ExecuteAsync(context);
        }
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return ProblemResults.Of(503, Problems.DependencyUnavailable,
            "A dependency is unavailable.",
            string.Join("; ", failing.Select(f => $"{f.Name}: {f.Detail}")),
            new Dictionary<string, object?> { ["health"] = "unhealthy", ["dependencies"] = ordered }).ExecuteAsync(context);
    }

    /// <summary>The kind of failure in words a caller may see, never a message or a stack trace.</summary>
    internal static string DetailOf(Exception? exception) => exception switch
    {
        // Not created by the app (its identity may not): the deployment's create-search-index step has not run.
        Marketplace.Storage.Search.CatalogueIndexMissingException => "index missing",
        RequestFailedException { Status: 0 } => "unreachable",
        RequestFailedException failed => $"answered {failed.Status} {failed.ErrorCode}".TrimEnd(),
        // The registration's timeout cancels the check.
        OperationCanceledException => "no answer in time",
        HttpRequestException or AggregateException or IOException or TimeoutException or ObjectDisposedException => "unreachable",
        _ => "failed",
    };
}
