using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Administration;

/// <summary><c>GET /api/admin/memberships/{tenantId}/{objectId}</c>: which organisation, in which role, an Entra ID user acts for.</summary>
public static class GetMembership
{
    public static RouteHandlerBuilder MapGetMembership(this IEndpointRouteBuilder app) =>
        app.MapGet(MembershipRoutes.Route, HandleAsync)
            .WithName("GetMembership")
            .WithTags("Administration")
            .WithSummary("Returns an Entra ID user's membership (organisation and role) and its ETag.")
            .AllowRoles(MarketplaceRole.Admin);

    public static async Task<Results<Ok<Membership>, ProblemHttpResult>> HandleAsync(
        string tenantId, string objectId, IMembershipRegister register, HttpResponse response, CancellationToken ct)
    {
        if (MembershipRoutes.CheckKeys(tenantId, objectId) is { } invalid)
        {
            return invalid;
        }
        if (await register.FindAsync(tenantId, objectId, ct) is not { } found)
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such membership.", $"User {objectId} of tenant {tenantId} has no membership.");
        }
        Preconditions.SetETag(response, found.ETag);
        return TypedResults.Ok(found.Membership);
    }
}
