using Azure;
using Marketplace.Functions.Access;
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
        app.MapGet("/api/health", CheckAsync)
            .WithName("GetHealth")
            .Produces<HealthReportBody>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Operations")
            .WithSummary("Reports whether tables, blobs, queues and the search index are reachable.")
            .AllowAnyone();

    // An endpoint of its own rather than MapHealthChecks: that built a middleware pipeline by reflection at every start
    // (issue 15) and, answering every method with no handler, needed stand-in metadata for its verb and OpenAPI entry.
    private static async Task<IResult> CheckAsync(HealthCheckService checks, HttpContext context)
    {
        var report = await checks.CheckHealthAsync(context.RequestAborted);
        // A probe's answer is about this moment only.
        context.Response.Headers.CacheControl = "no-store, no-cache";
        // By name, sorted in place: LINQ's ordering over the report's entries is compiled at run time, on the cold
        // start's first request (issue 15).
        var names = report.Entries.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var ordered = Array.ConvertAll(names, name =>
        {
            var entry = report.Entries[name];
            return entry.Status == HealthStatus.Healthy
                ? new DependencyStatus(name, true)
                : new DependencyStatus(name, false, DetailOf(entry.Exception));
        });
        var failing = Array.FindAll(ordered, d => !d.Healthy);
        if (failing.Length == 0)
        {
            return TypedResults.Ok(new HealthReportBody("healthy", ordered));
        }
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return ProblemResults.Of(503, Problems.DependencyUnavailable,
            "A dependency is unavailable.",
            string.Join("; ", failing.Select(f => $"{f.Name}: {f.Detail}")),
            new Dictionary<string, object?> { ["health"] = "unhealthy", ["dependencies"] = ordered });
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
