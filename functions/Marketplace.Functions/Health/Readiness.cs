using Marketplace.Functions.Access;
using Marketplace.Functions.FunctionMetadata;

namespace Marketplace.Functions.Health;

/// <summary><c>GET /</c>: the Functions host probes it until any answer comes, so it answers at once and checks nothing.</summary>
public static class Readiness
{
    public static RouteHandlerBuilder MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => TypedResults.Text("Telecare Marketplace is running. API under /api, OpenAPI at /openapi/v1.json."))
            .WithName("Readiness")
            .WithTags("Operations")
            .WithSummary("Answers at once; the Functions host's start-up probe.")
            .AllowAnyone()
            .NotAFunction("the host probes the handler directly; it is not a function");
}
