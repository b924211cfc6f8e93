using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>An upload's result: the file as recorded, whether it is new (or the same bytes again), and the attestation's ETag.</summary>
public sealed record EvidenceUpload(EvidenceFile File, bool Added, string ETag);

/// <summary>
/// The owning supplier adds one evidence file to a draft attestation: found (404) → the owner (403) → a draft (409) →
/// the declared length (411, 413, 400) → the bytes read, hashed and sniffed (400, 415) → a safe stored name (400) →
/// not another file under that name (409) → the file stored, then recorded with its audit event. Uploading the same
/// bytes under the same name again changes nothing.
/// </summary>
public sealed class UploadEvidence(AttestationScope scope, IAttestationRecords records, IEvidenceFiles files, IEvidenceStaging staging,
    SearchFollowsAttestations search, TimeProvider clock)
{
    // Concurrent uploads to one attestation each re-read it and retry their conditional write this many times.
    private const int Attempts = 4;

    /// <summary>Stores <paramref name="declaredLength"/> bytes of <paramref name="content"/> as <paramref name="fileName"/> (null length: unknown).</summary>
    public async Task<Outcome<EvidenceUpload>> RunAsync(Actor actor, string id, string fileName, long? declaredLength, Stream content, CancellationToken ct)
    {
        var scoped = await scope.OpenAsync(actor, id, AttestationOperation.UploadEvidence, ct);
        if (!scoped.Succeeded)
        {
            return scoped.Failure;
        }
        var current = scoped.Value.Stored;
        if (EvidenceRules.MayUpload(actor, current.Document) is { } refused)
        {
            return refused.ToFailure();
        }
        var checkedUpload = await CheckedUpload.StageAsync(staging, fileName, declaredLength, content, ct);
        if (!checkedUpload.Succeeded)
        {
            return checkedUpload.Failure;
        }
        await using var upload = checkedUpload.Value;
        var (evidence, type, file) = (upload.Evidence, upload.Type, upload.File);
        var (_, change, conflict) = EvidenceRules.Record(current.Document, evidence);
        if (conflict is not null)
        {
            return conflict.ToFailure();
        }
        if (change == EvidenceChange.AlreadyRecorded)
        {
            return new EvidenceUpload(evidence, Added: false, current.ETag);
        }
        return await StoreAsync(actor, current, evidence, type, file.Content, ct);
    }

    // The file first, created only if the name is free; then the record, conditional on its ETag. Until the record is
    // written the file is ours to remove, so on any failure (refusal, conflict, outage, cancellation) nothing stays.
    private async Task<Outcome<EvidenceUpload>> StoreAsync(Actor actor, StoredDocument<Attestation> current, EvidenceFile evidence, EvidenceType type, Stream content, CancellationToken ct)
    {
        var id = current.Document.Id;
        var location = new EvidenceLocation(current.Document.SupplierId, id, evidence.FileName);
        if (await files.CreateAsync(location, content, type.ContentType, ct) is not { } version)
        {
            // The same upload may just have finished in parallel (a double click): then it is already recorded.
            if (await records.FindAsync(id, ct) is { } now && now.Document.Evidence.Contains(evidence))
            {
                return new EvidenceUpload(evidence, Added: false, now.ETag);
            }
            return Failure.Conflict("A file of that name is already stored.",
                $"{evidence.FileName} is being uploaded by someone else, or is already stored; upload under another name.");
        }
        var recorded = false;
        try
        {
            var latest = current;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (attempt > 0 && await records.FindAsync(id, ct) is { } reread)
                {
                    latest = reread;
                }
                if (EvidenceRules.MayUpload(actor, latest.Document) is { } nowRefused)
                {
                    return nowRefused.ToFailure();
                }
                var (next, _, nowConflict) = EvidenceRules.Record(latest.Document, evidence);
                if (nowConflict is not null)
                {
                    return nowConflict.ToFailure();
                }
                var uploaded = AuditEvent.By(actor, MarketplaceRole.Supplier, Attestation.SubjectKind, id, "upload-evidence",
                        latest.Document.Status, latest.Document.Status, clock.GetUtcNow())
                    with { EvidenceSha256 = [evidence.Sha256], Detail = $"{evidence.FileName} ({type.ContentType}, {evidence.SizeBytes} bytes)" };
                if (await records.ReplaceAsync(next!, latest.Document, latest.ETag, uploaded, ct) is { } stored)
                {
                    recorded = true;
                    // A claimed equivalent's evidence files are shown on shortlists, so what they read hears of them.
                    await search.AttestationsChangedAsync([next!], CancellationToken.None);
                    return new EvidenceUpload(evidence, Added: true, stored.ETag);
                }
            }
            return Failure.Conflict("The attestation is changing too fast.", "Other changes kept winning; please upload again.");
        }
        finally
        {
            if (!recorded)
            {
                await files.DeleteAsync(location, version, CancellationToken.None);
            }
        }
    }
}
