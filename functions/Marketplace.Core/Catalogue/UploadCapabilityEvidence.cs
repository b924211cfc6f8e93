using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>
/// The owning supplier attaches an evidence file to one of an offering's declarations, replacing any file before it:
/// a new offering version, audited with the file's SHA-256. Checked in the listing's order (404, 403, 428, 412, 409),
/// then the declaration (404), then the file by the attestation evidence rules (<see cref="CheckedUpload"/>: 411, 413,
/// 400, 415). The file is stored first and removed again if the version cannot be written, so nothing is left half-done.
/// </summary>
public sealed class UploadCapabilityEvidence(IOfferings offerings, IEvidenceFiles files, IEvidenceStaging staging, TimeProvider time)
{
    /// <summary>The offering with the file recorded, and its new ETag; the same bytes again change nothing.</summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, string offeringId, string capability, long? declaredLength, Stream content,
        string? ifMatch, CancellationToken ct)
    {
        var current = Ids.IsId(offeringId) ? await offerings.FindAsync(offeringId, ct) : null;
        var version = OfferingAccess.ForChange(actor, offeringId, current, ifMatch);
        if (!version.Succeeded)
        {
            return version.Failure;
        }
        var offering = current!.Document;
        if (CapabilityDeclarations.StoredFor(offering.Capabilities, capability) is not { } declaration)
        {
            return CapabilityEvidence.NotDeclared(offeringId, capability);
        }
        var checkedUpload = await CheckedUpload.StageAsync(staging, capability, declaredLength, content, ct);
        if (!checkedUpload.Succeeded)
        {
            return checkedUpload.Failure;
        }
        await using var upload = checkedUpload.Value;
        var evidence = upload.Evidence with { FileName = CapabilityEvidence.FileName(capability, upload.Evidence.Sha256, upload.Type) };
        if (declaration.Evidence == evidence)
        {
            return current;
        }
        var location = CapabilityEvidence.Location(offering, evidence);
        // Null when a file of that name (so with those bytes) is stored already, by an earlier version or a parallel
        // upload of the same file: it is recorded as it is, and not ours to remove.
        var blob = await files.CreateAsync(location, upload.File.Content, upload.Type.ContentType, ct);
        StoredDocument<Offering>? saved = null;
        try
        {
            var next = offering with { Capabilities = [.. offering.Capabilities.Select(d => d.Capability == capability ? d with { Evidence = evidence } : d)] };
            var change = OfferingAudit.Of(actor, "upload-capability-evidence", offering, next, time.GetUtcNow(),
                $"{evidence.FileName} ({evidence.ContentType}, {evidence.SizeBytes} bytes) for {capability}.") with { EvidenceSha256 = [evidence.Sha256] };
            saved = await offerings.ReplaceAsync(next, offering, version.Value, change, ct);
            return saved is null ? Failure.Stale() : saved;
        }
        finally
        {
            // A parallel upload of the same file may have won with this very blob: then it stays.
            if (saved is null && blob is not null
                && !(await offerings.FindAsync(offeringId, CancellationToken.None) is { } now
                     && CapabilityDeclarations.StoredFor(now.Document.Capabilities, capability)?.Evidence == evidence))
            {
                await files.DeleteAsync(location, blob, CancellationToken.None);
            }
        }
    }
}
