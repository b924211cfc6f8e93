using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Functions.Access;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Specifications;

/// <summary><c>GET /api/specifications/{id}/history</c>: the specification's audit trail, oldest first.</summary>
public static class GetSpecificationHistory
{
    /// <summary>A record's audit events.</summary>
    public sealed record History(string Id, IReadOnlyList<AuditEvent> Events);

    public static RouteHandlerBuilder MapGetSpecificationHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/specifications/{id}/history", HandleAsync)
            .WithName("GetSpecificationHistory")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Returns the specification's audit trail, oldest first: creation and every change, who made it and what changed.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("specification", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner));

    public static async Task<Results<Ok<History>, ProblemHttpResult>> HandleAsync(string id, ClaimsPrincipal user, ShortlistingTables tables, CancellationToken ct)
    {
        var (stored, problem) = await SpecificationAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        return TypedResults.Ok(new History(id, await tables.Specifications.HistoryAsync(id, ct)));
    }
}
