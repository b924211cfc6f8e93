using Marketplace.Core.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Administration;

/// <summary>Admin-only routes: who acts for which organisation. Each handler binds, runs its use case and maps the outcome.</summary>
public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api/admin/memberships", "Administration");

        group.MapPut("/{tenantId}/{objectId}", RecordAsync)
            .WithName("PutMembership")
            .WithSummary("Records an Entra ID user's membership: body { organisationId, role } (role Commissioner, Supplier, Association or Certifier, matching the " +
                "organisation's kind). Creates it without If-Match; changing an existing one needs If-Match (428 without it, 412 when stale). " +
                "A body fetched with GET may be sent back: its tenantId and objectId must match the path.")
            .AllowRoles(MarketplaceRole.Admin);

        group.MapGet("/{tenantId}/{objectId}", async (string tenantId, string objectId, Actor actor, GetMembership getMembership, HttpResponse response,
                    CancellationToken ct) =>
                (await getMembership.RunAsync(actor, tenantId, objectId, ct)).ToOkWithETag(response))
            .WithName("GetMembership")
            .WithSummary("Returns an Entra ID user's membership (organisation and role) and its ETag.")
            .AllowRoles(MarketplaceRole.Admin);

        group.MapDelete("/{tenantId}/{objectId}", async (string tenantId, string objectId, [FromHeader(Name = "If-Match")] string? ifMatch, Actor actor,
                    RemoveMembership removeMembership, CancellationToken ct) =>
                (await removeMembership.RunAsync(actor, tenantId, objectId, ifMatch, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithName("DeleteMembership")
            .WithSummary("Removes an Entra ID user's membership. Requires If-Match (428 without it, 412 when stale).")
            .AllowRoles(MarketplaceRole.Admin);

        return app;
    }

    private static async Task<Results<Created<Membership>, Ok<Membership>, ProblemHttpResult>> RecordAsync(string tenantId, string objectId,
        JsonBody<MembershipRequest> body, [FromHeader(Name = "If-Match")] string? ifMatch, Actor actor, RecordMembership recordMembership, HttpResponse response,
        CancellationToken ct)
    {
        var outcome = await recordMembership.RunAsync(actor, tenantId, objectId, body.Value, ifMatch, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Failure.ToProblem();
        }
        var recorded = outcome.Value;
        response.Headers.ETag = recorded.ETag;
        return recorded.Created
            ? TypedResults.Created($"/api/admin/memberships/{tenantId}/{objectId}", recorded.Membership)
            : TypedResults.Ok(recorded.Membership);
    }
}
