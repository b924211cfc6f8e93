using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Specifications;

/// <summary><c>GET /api/specifications/{id}</c>: the owning commissioner reads its specification and ETag.</summary>
public static class GetSpecification
{
    public static RouteHandlerBuilder MapGetSpecification(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/specifications/{id}", HandleAsync)
            .WithName("GetSpecification")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Returns a specification and its ETag (send it as If-Match to change it). Only the owning commissioner organisation.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("specification", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner));

    public static async Task<Results<Ok<SpecificationDocument>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, ShortlistingTables tables, HttpResponse response, CancellationToken ct)
    {
        var (stored, problem) = await SpecificationAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(stored.Document);
    }
}
