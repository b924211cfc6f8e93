using Marketplace.Core.Access;
using Marketplace.Core.Standards;

namespace Marketplace.Functions.Standards;

/// <summary><c>GET /api/standards</c>: the standards register, public.</summary>
public static class ListStandards
{
    public static IEndpointRouteBuilder MapStandards(this IEndpointRouteBuilder app)
    {
        app.MapFeature("/api", "Standards")
            .MapGet("/standards", async (Actor actor, ReadStandardsRegister read, CancellationToken ct) => (await read.RunAsync(actor, ct)).ToResult(TypedResults.Ok))
            .WithName("ListStandards")
            .WithSummary("Lists the standards register: code, name, issuing body, evidence, validity in months (null = open-ended or edition-bound), " +
                "scope and the associations that validate each.")
            .AllowAnyone();
        return app;
    }
}
