using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary><c>POST /api/attestations</c>: a supplier starts an attestation (a draft) for itself or one of its offerings.</summary>
public static class CreateAttestation
{
    public static RouteHandlerBuilder MapCreateAttestation(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/attestations", HandleAsync)
            .WithName("CreateAttestation")
            .WithTags("Attestations")
            .WithSummary("Starts a draft attestation for the caller's supplier (organisation-level, or for one of its offerings). " +
                "expiresOn defaults to issuedOn plus the standard's validity period.")
            .AllowRoles(MarketplaceRole.Supplier);

    public static async Task<Results<Created<Attestation>, ProblemHttpResult>> HandleAsync(
        AttestationRequest request, ClaimsPrincipal user, CatalogueTables tables, AttestationStore store, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (AttestationRules.Missing(request) is { Count: > 0 } missing)
        {
            return AttestationProblems.Invalid(missing);
        }
        var actor = user.ToActor();
        if (actor.OrganisationId is not { } supplierId || !Ids.IsId(supplierId)
            || await tables.Organisations.FindAsync(supplierId, ct) is not { Document.Kind: OrganisationKind.Supplier })
        {
            return ProblemResults.Of(403, Problems.Forbidden, "Only suppliers attest.",
                $"Your organisation ({actor.OrganisationId ?? "none"}) is not a supplier in the marketplace.");
        }
        var standard = Ids.IsStandardCode(request.StandardCode) ? (await tables.Standards.FindAsync(request.StandardCode!, ct))?.Document : null;
        var offering = Ids.IsId(request.OfferingId) ? (await tables.Offerings.FindAsync(request.OfferingId!, ct))?.Document : null;
        var now = time.GetUtcNow();
        // Random ids make a clash vanishingly rare; retrying once covers it without a read-before-write.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var decision = AttestationRules.Create(request, supplierId, standard, offering, AttestationRules.NewAttestationId(Guid.NewGuid()), DateOnly.FromDateTime(now.UtcDateTime));
            if (decision.Refusal is { Kind: RefusalKind.Forbidden } forbidden)
            {
                return AttestationProblems.For(forbidden);
            }
            if (decision.Next is not { } draft)
            {
                return AttestationProblems.Invalid(decision.Errors);
            }
            var created = AuditEvent.By(actor, MarketplaceRole.Supplier, AttestationStore.SubjectKind, draft.Id, "create", null, draft.Status, now)
                with { Detail = $"{draft.StandardCode} {(draft.OfferingId is null ? "for the organisation" : "for " + draft.OfferingId)}, certificate {draft.CertificateNumber}" };
            if (await store.AddAsync(draft, created, ct) is { } stored)
            {
                Preconditions.SetETag(response, stored.ETag);
                return TypedResults.Created($"/api/attestations/{draft.Id}", draft);
            }
        }
        return ProblemResults.Of(409, Problems.Conflict, "Could not allocate an attestation id.", "Please try again.");
    }
}
