using Marketplace.Functions.Access;
using Marketplace.Functions.FunctionMetadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Health;

/// <summary><c>GET /</c>: the Functions host probes it until any answer comes, so it answers at once and checks nothing.</summary>
public static class Readiness
{
    public static RouteHandlerBuilder MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet("/", Results<RedirectHttpResult, ContentHttpResult> (HttpRequest request) =>
                // A person's browser goes on to the catalogue; the host's probe (and anything else) gets the text at once.
                request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.Redirect("/catalogue")
                    : TypedResults.Text("Telecare Marketplace is running. API under /api, OpenAPI at /openapi/v1.json, web pages at /catalogue."))
            .WithName("Readiness")
            .WithTags("Operations")
            .WithSummary("Answers at once; the Functions host's start-up probe.")
            .AllowAnyone()
            .NotAFunction("the host probes the handler directly; it is not a function");
}
