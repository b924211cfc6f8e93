using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Attestations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary>
/// <c>PUT /api/attestations/{id}/evidence/{fileName}</c>: the owning supplier uploads one evidence file (the raw bytes
/// as the body) to a draft attestation.
/// </summary>
public static class UploadEvidence
{
    // Concurrent uploads to one attestation each re-read it and retry their conditional write this many times.
    private const int Attempts = 4;

    public static RouteHandlerBuilder MapUploadEvidence(this IEndpointRouteBuilder app) =>
        app.MapPut("/api/attestations/{id}/evidence/{fileName}", HandleAsync)
            .WithName("UploadEvidence")
            .WithTags("Attestations")
            .WithSummary("Uploads an evidence file (PDF, PNG or JPEG, sniffed from its bytes; at most 20 MiB; Content-Length required) to a draft " +
                "attestation. The stored name keeps [A-Za-z0-9._-] and takes the sniffed type's extension. Uploading the same bytes again changes nothing.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("attestation", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));

    public static async Task<Results<Created<EvidenceFile>, Ok<EvidenceFile>, ProblemHttpResult>> HandleAsync(
        string id, string fileName, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        AttestationStore store, EvidenceBlobs blobs, TimeProvider time, CancellationToken ct) =>
        await StoreAsync(id, fileName, request.ContentLength, request.Body, user, response, store, blobs, time, ct);

    /// <summary>
    /// The upload itself: <paramref name="length"/> bytes of <paramref name="body"/> under <paramref name="fileName"/>
    /// (the API's raw body and Content-Length, or a web form's file and its size).
    /// </summary>
    public static async Task<Results<Created<EvidenceFile>, Ok<EvidenceFile>, ProblemHttpResult>> StoreAsync(
        string id, string fileName, long? length, Stream body, ClaimsPrincipal user, HttpResponse response,
        AttestationStore store, EvidenceBlobs blobs, TimeProvider time, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await store.FindAsync(id, ct) is not { } current)
        {
            return AttestationProblems.NotFound(id);
        }
        var actor = user.ToActor();
        if (EvidenceRules.MayUpload(actor, current.Document) is { } refused)
        {
            return AttestationProblems.For(refused);
        }
        // The Functions host forwards a body only when Content-Length says it has one; the length also lets us refuse
        // an oversized file before reading a byte of it.
        switch (length)
        {
            case null:
                return ProblemResults.Of(411, Problems.LengthRequired, "Content-Length is required.",
                    "Send the file as the request body with a Content-Length header (no chunked uploads).");
            case > EvidenceRules.MaxBytes:
                return TooLarge(length.Value);
            case 0:
                return ProblemResults.Validation(new Dictionary<string, string[]> { ["body"] = ["The file is empty."] });
        }
        await using var file = await EvidenceBuffer.ReadAsync(body, length.Value, EvidenceRules.MaxBytes, EvidenceRules.SniffLength, ct);
        if (file is null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["body"] = ["The body's length differs from its Content-Length."] });
        }
        // The bytes decide the type, whatever Content-Type or the file name claim.
        if (EvidenceRules.Sniff(file.Head) is not { } type)
        {
            return ProblemResults.Of(415, Problems.UnsupportedMediaType, "Not a PDF, PNG or JPEG file.",
                "Evidence must be a PDF, PNG or JPEG; the type is read from the file's first bytes, not from its name or Content-Type.");
        }
        var (storedName, nameError) = EvidenceRules.StoredFileName(Uri.UnescapeDataString(fileName), type);
        if (storedName is null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["fileName"] = [nameError!] });
        }
        var evidence = new EvidenceFile(storedName, type.ContentType, file.Length, file.Sha256);
        var (_, change, conflict) = EvidenceRules.Record(current.Document, evidence);
        if (conflict is not null)
        {
            return AttestationProblems.For(conflict);
        }
        if (change == EvidenceChange.AlreadyRecorded)
        {
            Preconditions.SetETag(response, current.ETag);
            return TypedResults.Ok(evidence);
        }

        // Blob first, created only if the name is free; then the record, conditional on its ETag. Until the record is
        // written the blob is ours to remove, so on any failure (refusal, conflict, outage, cancellation) nothing stays.
        var path = EvidenceBlobs.PathOf(current.Document.SupplierId, id, storedName);
        if (await blobs.CreateAsync(path, file.Content, type.ContentType, ct) is not { } blobETag)
        {
            // The same upload may just have finished in parallel (a double click): then it is already recorded.
            if (await store.FindAsync(id, ct) is { } now && EvidenceRules.Record(now.Document, evidence).Change == EvidenceChange.AlreadyRecorded
                && now.Document.Evidence.Contains(evidence))
            {
                Preconditions.SetETag(response, now.ETag);
                return TypedResults.Ok(evidence);
            }
            return ProblemResults.Of(409, Problems.Conflict, "A file of that name is already stored.",
                $"{storedName} is being uploaded by someone else, or is already stored; upload under another name.");
        }
        var recorded = false;
        try
        {
            var latest = current;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (attempt > 0 && await store.FindAsync(id, ct) is { } reread)
                {
                    latest = reread;
                }
                if (EvidenceRules.MayUpload(actor, latest.Document) is { } nowRefused)
                {
                    return AttestationProblems.For(nowRefused);
                }
                var (next, _, nowConflict) = EvidenceRules.Record(latest.Document, evidence);
                if (nowConflict is not null)
                {
                    return AttestationProblems.For(nowConflict);
                }
                var uploaded = AuditEvent.By(actor, MarketplaceRole.Supplier, AttestationStore.SubjectKind, id, "upload-evidence",
                        latest.Document.Status, latest.Document.Status, time.GetUtcNow())
                    with { EvidenceSha256 = [evidence.Sha256], Detail = $"{storedName} ({type.ContentType}, {evidence.SizeBytes} bytes)" };
                if (await store.ReplaceAsync(next!, latest.Document, latest.ETag, uploaded, ct) is { } stored)
                {
                    recorded = true;
                    Preconditions.SetETag(response, stored.ETag);
                    return TypedResults.Created($"/api/attestations/{id}/evidence/{storedName}", evidence);
                }
            }
            return ProblemResults.Of(409, Problems.Conflict, "The attestation is changing too fast.", "Other changes kept winning; please upload again.");
        }
        finally
        {
            if (!recorded)
            {
                await blobs.DeleteAsync(path, blobETag, CancellationToken.None);
            }
        }
    }

    private static ProblemHttpResult TooLarge(long length) => ProblemResults.Of(413, Problems.PayloadTooLarge, "The file is too large.",
        $"Evidence files are at most {EvidenceRules.MaxBytes} bytes (20 MiB); this one is {length} bytes.",
        new Dictionary<string, object?> { ["maxBytes"] = EvidenceRules.MaxBytes });
}
