using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Functions.Access;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Administration;

/// <summary><c>PUT /api/admin/memberships/{tenantId}/{objectId}</c>: an Admin records which organisation, in which role, a user acts for.</summary>
public static class PutMembership
{
    public static RouteHandlerBuilder MapPutMembership(this IEndpointRouteBuilder app) =>
        app.MapPut(MembershipRoutes.Route, HandleAsync)
            .WithName("PutMembership")
            .WithTags("Administration")
            .WithSummary("Records an Entra ID user's membership: body { organisationId, role } (role Commissioner, Supplier or Association, matching the " +
                "organisation's kind). Creates it without If-Match; changing an existing one needs If-Match (428 without it, 412 when stale).")
            .AllowRoles(MarketplaceRole.Admin);

    public static async Task<Results<Created<Membership>, Ok<Membership>, ProblemHttpResult>> HandleAsync(
        string tenantId, string objectId, MembershipRequest body, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        IMembershipRegister register, CatalogueTables tables, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (MembershipRoutes.CheckKeys(tenantId, objectId) is { } invalid)
        {
            return invalid;
        }
        var organisation = Ids.IsId(body.OrganisationId) ? (await tables.Organisations.FindAsync(body.OrganisationId!, ct))?.Document : null;
        if (MembershipRules.Check(body, organisation) is { Count: > 0 } errors)
        {
            return ProblemResults.Validation(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var membership = new Membership(tenantId, objectId, organisation!.Id, body.Role);
        var now = time.GetUtcNow();
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            if (await register.AddAsync(membership, ct) is not { } created)
            {
                return ProblemResults.Of(428, Problems.PreconditionRequired, "The user already has a membership.",
                    "To change it, GET it and send its ETag in If-Match.");
            }
            await audit.AppendAsync(MembershipRoutes.Audit(user, tenantId, objectId, "create", null, membership, now), CancellationToken.None);
            Preconditions.SetETag(response, created);
            return TypedResults.Created($"/api/admin/memberships/{tenantId}/{objectId}", membership);
        }
        var before = await register.FindAsync(tenantId, objectId, ct);
        if (before is null)
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such membership.", $"User {objectId} of tenant {tenantId} has no membership to change; send no If-Match to create one.");
        }
        if (await register.ReplaceAsync(membership, ifMatch, ct) is not { } replaced)
        {
            return Preconditions.Stale();
        }
        await audit.AppendAsync(MembershipRoutes.Audit(user, tenantId, objectId, "replace", before.Value.Membership, membership, now), CancellationToken.None);
        Preconditions.SetETag(response, replaced);
        return TypedResults.Ok(membership);
    }
}
