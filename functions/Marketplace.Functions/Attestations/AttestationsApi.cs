using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Attestations;

/// <summary>The body of a workflow action: a reason, required to reject or revoke and refused otherwise.</summary>
public sealed record TransitionRequest(string? Reason);

/// <summary>
/// Compliance attestations over HTTP: drafts, evidence, the certification workflow, declarations and their endorsements, certifiers' queues and history. Each handler
/// binds the request, runs the use case and maps its outcome; the rules and their order live in the use cases.
/// </summary>
public static class AttestationsApi
{
    public static IEndpointRouteBuilder MapAttestations(this IEndpointRouteBuilder app)
    {
        var api = app.MapFeature("/api", "Attestations");

        api.MapPost("/attestations", async (JsonBody<AttestationRequest> request, Actor actor, CreateAttestation create, HttpResponse response, CancellationToken ct) =>
                (await create.RunAsync(actor, request.Value, ct)).ToCreatedWithETag(response, a => $"/api/attestations/{a.Id}"))
            .WithName("CreateAttestation")
            .WithSummary("Starts a draft attestation for the caller's supplier (organisation-level, or for one of its offerings). " +
                "expiresOn defaults to issuedOn plus the standard's validity period.")
            .AllowRoles(MarketplaceRole.Supplier);

        api.MapGet("/attestations/{id}", async (string id, Actor actor, ReadAttestation read, HttpResponse response, CancellationToken ct) =>
                (await read.RunAsync(actor, id, ct)).ToOkWithETag(response))
            .WithName("GetAttestation")
            .WithSummary("Returns one attestation and its ETag (send it as If-Match with a workflow action).")
            .AllowAttestationReaders("attestation");

        api.MapGet("/attestations/{id}/history", async (string id, Actor actor, ReadAttestationHistory read, CancellationToken ct) =>
                (await read.RunAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("GetAttestationHistory")
            .WithSummary("Returns the attestation's audit trail, oldest first: who did what, when, from which status to which, why, and evidence hashes.")
            .AllowAttestationReaders("attestation");

        api.MapGet("/suppliers/{id}/attestations", async (string id, string? status, string? expiringWithinDays, Actor actor, ListSupplierAttestations list, CancellationToken ct) =>
                (await list.RunAsync(actor, id, status, expiringWithinDays, ct)).ToResult(TypedResults.Ok))
            .WithName("ListSupplierAttestations")
            .WithSummary("Lists a supplier's attestations by id. status filters by one or more statuses (comma-separated, e.g. " +
                "status=draft,submitted); expiringWithinDays=N keeps those whose expiry date falls from today to N days ahead.")
            .AllowAttestationReaders("supplier");

        api.MapPut("/attestations/{id}/evidence/{fileName}", UploadEvidenceAsync)
            .WithName("UploadEvidence")
            .WithSummary("Uploads an evidence file (PDF, PNG or JPEG, sniffed from its bytes; at most 20 MiB; Content-Length required) to a draft " +
                "attestation. The stored name keeps [A-Za-z0-9._-] and takes the sniffed type's extension. Uploading the same bytes again changes nothing.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("attestation", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));

        api.MapGet("/attestations/{id}/evidence/{fileName}", async (string id, string fileName, Actor actor, OpenEvidence open, CancellationToken ct) =>
                (await open.RunAsync(actor, id, fileName, ct)).ToResult(TypedResults.Ok))
            .WithName("GetEvidenceLink")
            .WithSummary("Answers { url, expiresOn }: a read-only link to the evidence file, valid for at most 15 minutes.")
            .AllowAttestationReaders("attestation");

        api.MapTransition(AttestationAction.Submit, "SubmitAttestation",
            "The owning supplier submits a draft: a certifier-route or register-route attestation becomes submitted (awaiting the certification body " +
            "it names, or the register check); a declaration-route one becomes declared at once (the supplier's declaration, shown as such). " +
            "Standards that require evidence need at least one file first.");
        api.MapTransition(AttestationAction.Withdraw, "WithdrawAttestation",
            "The owning supplier withdraws a submitted attestation before its certification body decides, or withdraws its declaration.");
        api.MapTransition(AttestationAction.Verify, "VerifyAttestation",
            "The certification body the attestation names, accredited for its standard, verifies a submitted attestation " +
            "(stamping decidedBy and decidedAt); the standard shows in search at once. Associations decide nothing.");
        api.MapTransition(AttestationAction.Reject, "RejectAttestation",
            "The certification body the attestation names (accredited for the standard) rejects a submitted attestation; body { \"reason\": \"…\" } is required.");
        api.MapTransition(AttestationAction.Revoke, "RevokeAttestation",
            "The certification body the attestation names (accredited for the standard) revokes a verified attestation; body { \"reason\": \"…\" } " +
            "is required. The standard leaves search at once.");

        api.MapPost("/attestations/{id}/endorse", async (string id, HttpRequest request, HttpResponse response, Actor actor, EndorseAttestation endorse, CancellationToken ct) =>
                (await endorse.RunAsync(actor, id, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response))
            .WithName("EndorseAttestation")
            .WithSummary("An association the supplier belongs to vouches for a declared attestation (adds it to endorsements; doing it again changes nothing). " +
                "Shown to buyers as \"vouched for by …\"; never changes eligibility or score. Requires If-Match (428 without it, 412 when stale); " +
                "anything but a declaration is a 409 naming currentStatus.")
            .AllowRoles(MarketplaceRole.Association)
            .ScopedToOrganisation("attestation", (MarketplaceRole.Association, OrganisationRelation.MemberAssociation));

        api.MapGet("/certifiers/{id}/queue", async (string id, Actor actor, ReadCertifierQueue read, CancellationToken ct) =>
                (await read.RunAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("GetCertifierQueue")
            .WithSummary("Lists submitted attestations that name the certification body, for schemes it is accredited for, oldest submission first.")
            .AllowRoles(MarketplaceRole.Certifier, MarketplaceRole.Admin)
            .ScopedToOrganisation("certifier",
                (MarketplaceRole.Certifier, OrganisationRelation.NamedCertifier),
                (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));
        return app;
    }

    /// <summary>
    /// <c>PUT /api/attestations/{id}/evidence/{fileName}</c>: the raw body is the file and Content-Length its declared
    /// length (the Functions host forwards a body only when it has one). 201 for a new file, 200 for the same bytes again.
    /// </summary>
    private static async Task<Results<Created<EvidenceFile>, Ok<EvidenceFile>, ProblemHttpResult>> UploadEvidenceAsync(
        string id, string fileName, HttpRequest request, HttpResponse response, Actor actor, UploadEvidence upload, CancellationToken ct)
    {
        var outcome = await upload.RunAsync(actor, id, fileName, request.ContentLength, request.Body, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Failure.ToProblem();
        }
        var (file, added, etag) = outcome.Value;
        response.Headers.ETag = etag;
        return added ? TypedResults.Created($"/api/attestations/{id}/evidence/{file.FileName}", file) : TypedResults.Ok(file);
    }

    /// <summary><c>POST /api/attestations/{id}/{action}</c>: one workflow action, If-Match required; the new state and its ETag.</summary>
    private static RouteHandlerBuilder MapTransition(this RouteGroupBuilder api, AttestationAction action, string name, string summary)
    {
        var builder = api.MapPost($"/attestations/{{id}}/{AttestationWorkflow.NameOf(action)}",
                async (string id, OptionalJsonBody<TransitionRequest> body, HttpRequest request, HttpResponse response, Actor actor, ChangeAttestationStatus change, CancellationToken ct) =>
                    (await change.RunAsync(actor, id, action, body.Value?.Reason, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response))
            .WithName(name)
            .WithSummary(summary + " Requires If-Match with the attestation's ETag (428 without it, 412 when stale); " +
                "an action the current status does not allow is a 409 naming currentStatus and allowedActions.");
        return action is AttestationAction.Submit or AttestationAction.Withdraw
            ? builder.AllowRoles(MarketplaceRole.Supplier)
                .ScopedToOrganisation("attestation", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier))
            : builder.AllowRoles(MarketplaceRole.Certifier)
                .ScopedToOrganisation("attestation", (MarketplaceRole.Certifier, OrganisationRelation.DecidingCertifier));
    }
}
