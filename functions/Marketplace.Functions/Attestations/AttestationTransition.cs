using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary>The body of a workflow action: a reason, required to reject or revoke and refused otherwise.</summary>
public sealed record TransitionRequest(string? Reason);

/// <summary>
/// <c>POST /api/attestations/{id}/{action}</c>, shared by the five action endpoints: load → Core decides → conditional
/// write with the audit event → search updated for every affected offering → the new state and ETag.
/// </summary>
internal static class AttestationTransition
{
    public static RouteHandlerBuilder MapTransition(this IEndpointRouteBuilder app, AttestationAction action, string name, string summary)
    {
        var supplierAction = action is AttestationAction.Submit or AttestationAction.Withdraw;
        var builder = app.MapPost($"/api/attestations/{{id}}/{AttestationWorkflow.NameOf(action)}",
                (string id, TransitionRequest? body, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
                    AttestationStore store, CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct) =>
                    HandleAsync(action, id, body, user, request, response, store, tables, index, time, ct))
            .WithName(name)
            .WithTags("Attestations")
            .WithSummary(summary + " Requires If-Match with the attestation's ETag (428 without it, 412 when stale); " +
                "an action the current status does not allow is a 409 naming currentStatus and allowedActions.");
        return supplierAction
            ? builder.AllowRoles(MarketplaceRole.Supplier)
                .ScopedToOrganisation("attestation", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier))
            : builder.AllowRoles(MarketplaceRole.Association)
                .ScopedToOrganisation("attestation", (MarketplaceRole.Association, OrganisationRelation.DecidingAssociation));
    }

    public static Task<Results<Ok<Attestation>, ProblemHttpResult>> HandleAsync(
        AttestationAction action, string id, TransitionRequest? body, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        AttestationStore store, CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct) =>
        HandleAsync(action, id, body, user, request.Headers.IfMatch.ToString(), response, store, tables, index, time, ct);

    /// <summary>
    /// 404 when there is no such attestation, 403 when the caller may not take this action on it (whatever its state);
    /// null when they may try. Pages ask this before reading their form.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseCallerAsync(
        AttestationAction action, string id, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, TimeProvider time, CancellationToken ct)
    {
        var (loaded, problem) = await LoadAsync(action, id, "(caller check)", user, store, tables, time, ct);
        return problem ?? (loaded!.Decision.Refusal is { Kind: RefusalKind.Forbidden } forbidden ? AttestationProblems.For(forbidden) : null);
    }

    /// <summary>The action with the If-Match value given (pages send it from a hidden field).</summary>
    public static async Task<Results<Ok<Attestation>, ProblemHttpResult>> HandleAsync(
        AttestationAction action, string id, TransitionRequest? body, ClaimsPrincipal user, string? ifMatchValue, HttpResponse response,
        AttestationStore store, CatalogueTables tables, ISearchIndexUpdates index, TimeProvider time, CancellationToken ct)
    {
        var (loaded, notFound) = await LoadAsync(action, id, body?.Reason, user, store, tables, time, ct);
        if (loaded is not { } found)
        {
            return notFound!;
        }
        var (current, actor, decision, now) = found;
        // Who may comes first, so another organisation learns nothing from 428/412/409.
        if (decision.Refusal is { Kind: RefusalKind.Forbidden } forbidden)
        {
            return AttestationProblems.For(forbidden);
        }
        if (!Preconditions.TryGetIfMatch(ifMatchValue, out var ifMatch, out var missing))
        {
            return missing!;
        }
        if (!string.Equals(ifMatch, current.ETag, StringComparison.Ordinal))
        {
            return Preconditions.Stale();
        }
        if (decision.Next is not { } next)
        {
            return AttestationProblems.For(decision.Refusal!);
        }
        var role = action is AttestationAction.Submit or AttestationAction.Withdraw ? MarketplaceRole.Supplier : MarketplaceRole.Association;
        var change = AuditEvent.By(actor, role, AttestationStore.SubjectKind, id, AttestationWorkflow.NameOf(action), current.Document.Status, next.Status, now)
            with { Reason = action is AttestationAction.Reject or AttestationAction.Revoke ? next.Reason : null, EvidenceSha256 = [.. next.Evidence.Select(e => e.Sha256)] };
        // Conditional on the ETag the caller read: of two concurrent decisions exactly one is written, the other is 412.
        if (await store.ReplaceAsync(next, current.Document, ifMatch, change, ct) is not { } stored)
        {
            return Preconditions.Stale();
        }
        await CatalogueLink.AttestationChangedAsync(next, store, index);
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(next);
    }

    private sealed record Loaded(StoredDocument<Attestation> Current, Actor Actor, AttestationDecision Decision, DateTimeOffset Now);

    private static async Task<(Loaded? Loaded, ProblemHttpResult? NotFound)> LoadAsync(
        AttestationAction action, string id, string? reason, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, TimeProvider time, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await store.FindAsync(id, ct) is not { } current)
        {
            return (null, AttestationProblems.NotFound(id));
        }
        var actor = user.ToActor();
        var supplier = await tables.Organisations.FindAsync(current.Document.SupplierId, ct)
            ?? throw new InvalidDataException($"Attestation {id} names supplier {current.Document.SupplierId}, which is not in the organisations table.");
        var standard = await tables.Standards.FindAsync(current.Document.StandardCode, ct)
            ?? throw new InvalidDataException($"Attestation {id} names standard {current.Document.StandardCode}, which is not in the register.");
        var actorOrganisation = Ids.IsId(actor.OrganisationId) ? (await tables.Organisations.FindAsync(actor.OrganisationId!, ct))?.Document : null;
        var now = time.GetUtcNow();
        var decision = AttestationDecisions.Decide(current.Document, action, actor,
            new AttestationContext(standard.Document, supplier.Document, actorOrganisation), reason, now);
        return (new Loaded(current, actor, decision, now), null);
    }
}
