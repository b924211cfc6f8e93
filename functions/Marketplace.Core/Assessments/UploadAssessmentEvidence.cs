using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Assessments;

/// <summary>
/// A commissioner attaches one evidence file to its own assessment of an offering, with the attestation evidence rules
/// (length, type sniffed from the bytes, safe name, SHA-256): the offering exists (404) → the caller acts for a
/// commissioner (403) → it has recorded that assessment (409) → If-Match (428, 412) → the file (411, 413, 400, 415) →
/// not a different file already attached (409) → stored, then recorded with its audit event; the file is removed
/// again if the record cannot be written.
/// </summary>
public sealed class UploadAssessmentEvidence(ListBuyerAssessments list, IBuyerAssessments assessments, Catalogue.IOfferings offerings,
    IEvidenceFiles files, IEvidenceStaging staging, TimeProvider clock)
{
    /// <summary>The assessment with its file recorded and its new ETag, or why not.</summary>
    public async Task<Outcome<StoredDocument<BuyerAssessment>>> RunAsync(Actor actor, string offeringId, string standardCode, string fileName,
        long? declaredLength, Stream content, string? ifMatch, CancellationToken ct)
    {
        if (!Ids.IsId(offeringId) || await offerings.FindAsync(offeringId, ct) is null)
        {
            return Failure.NotFound("offering", offeringId);
        }
        if (!actor.Has(MarketplaceRole.Commissioner) || actor.OrganisationId is null)
        {
            return Failure.Forbidden("Only commissioners assess offerings.", "Evidence is attached by the commissioner that made the assessment.");
        }
        if (await list.OwnAsync(actor, offeringId, standardCode, ct) is not { } current)
        {
            return Failure.Conflict("You have not assessed this offering yet.", $"Record your {standardCode} assessment first, then attach its evidence.");
        }
        var version = Precondition.Require(ifMatch, current.ETag);
        if (!version.Succeeded)
        {
            return version.Failure;
        }
        var checkedUpload = await CheckedUpload.StageAsync(staging, fileName, declaredLength, content, ct);
        if (!checkedUpload.Succeeded)
        {
            return checkedUpload.Failure;
        }
        await using var upload = checkedUpload.Value;
        var (evidence, type, file, storedName) = (upload.Evidence, upload.Type, upload.File, upload.Evidence.FileName);
        if (current.Document.Evidence is { } attached)
        {
            return attached == evidence
                ? current
                : Failure.Conflict("An evidence file is attached already.", $"{attached.FileName} is attached to this assessment; an assessment keeps one file.");
        }
        var location = new EvidenceLocation(current.Document.CommissionerId, current.Document.Id, storedName);
        if (await files.CreateAsync(location, file.Content, type.ContentType, ct) is not { } blob)
        {
            return Failure.Conflict("A file of that name is already stored.", $"{storedName} is being uploaded by someone else; upload under another name.");
        }
        StoredDocument<BuyerAssessment>? saved = null;
        try
        {
            var uploaded = AuditEvent.By(actor, MarketplaceRole.Commissioner, BuyerAssessment.SubjectKind, current.Document.Id, "upload-evidence",
                    current.Document.Outcome, current.Document.Outcome, clock.GetUtcNow())
                with { EvidenceSha256 = [evidence.Sha256], Detail = $"{storedName} ({type.ContentType}, {evidence.SizeBytes} bytes)" };
            saved = await assessments.ReplaceAsync(current.Document with { Evidence = evidence }, current.Document, version.Value, uploaded, ct);
            return saved is null ? Failure.Stale() : saved;
        }
        finally
        {
            if (saved is null)
            {
                await files.DeleteAsync(location, blob, CancellationToken.None);
            }
        }
    }
}
