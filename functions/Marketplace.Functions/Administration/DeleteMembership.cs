using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Administration;

/// <summary><c>DELETE /api/admin/memberships/{tenantId}/{objectId}</c>: the user no longer acts for any organisation.</summary>
public static class DeleteMembership
{
    public static RouteHandlerBuilder MapDeleteMembership(this IEndpointRouteBuilder app) =>
        app.MapDelete(MembershipRoutes.Route, HandleAsync)
            .WithName("DeleteMembership")
            .WithTags("Administration")
            .WithSummary("Removes an Entra ID user's membership. Requires If-Match (428 without it, 412 when stale).")
            .AllowRoles(MarketplaceRole.Admin);

    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string tenantId, string objectId, ClaimsPrincipal user, HttpRequest request, IMembershipRegister register, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (MembershipRoutes.CheckKeys(tenantId, objectId) is { } invalid)
        {
            return invalid;
        }
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch, out var missing))
        {
            return missing!;
        }
        if (await register.FindAsync(tenantId, objectId, ct) is not { } before)
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such membership.", $"User {objectId} of tenant {tenantId} has no membership.");
        }
        if (!await register.DeleteAsync(tenantId, objectId, ifMatch, ct))
        {
            return Preconditions.Stale();
        }
        await audit.AppendAsync(MembershipRoutes.Audit(user, tenantId, objectId, "delete", before.Membership, null, time.GetUtcNow()), CancellationToken.None);
        return TypedResults.NoContent();
    }
}
