using Marketplace.Core.Health;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Health;

/// <summary><c>GET /api/health</c>: every dependency probed at once; 200 when all answer, 503 naming those that do not.</summary>
public static class GetHealth
{
    public sealed record HealthReport(string Status, IReadOnlyList<DependencyStatus> Dependencies);

    public static RouteHandlerBuilder MapGetHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", HandleAsync)
            .WithName("GetHealth")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Operations")
            .WithSummary("Reports whether tables, blobs, queues and the search index are reachable.")
            .AllowAnyone();

    public static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> HandleAsync(
        IEnumerable<IDependencyProbe> probes, IOptions<HealthOptions> options, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.ProbeTimeout);
        var results = await Task.WhenAll(probes.Select(probe => probe.ProbeAsync(deadline.Token)));
        var ordered = results.OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
        var failing = ordered.Where(r => !r.Healthy).ToArray();
        if (failing.Length == 0)
        {
            return TypedResults.Ok(new HealthReport("healthy", ordered));
        }
        return ProblemResults.Of(503, Problems.DependencyUnavailable,
            "A dependency is unavailable.",
            string.Join("; ", failing.Select(f => $"{f.Name}: {f.Detail}")),
            new Dictionary<string, object?> { ["health"] = "unhealthy", ["dependencies"] = ordered });
    }
}
