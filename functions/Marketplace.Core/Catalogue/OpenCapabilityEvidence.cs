using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>A short-lived read-only link to a declaration's evidence file, for those <see cref="CapabilityEvidence.MayRead"/> lets in.</summary>
public sealed class OpenCapabilityEvidence(IOfferings offerings, IOrganisations organisations, IEvidenceFiles files)
{
    /// <summary>
    /// The link; 404 when there is no such offering, declaration or file; 403 when the caller may not read it; 409 until
    /// the malware scan has cleared the file.
    /// </summary>
    public async Task<Outcome<EvidenceLink>> RunAsync(Actor actor, string offeringId, string capability, CancellationToken ct)
    {
        if (!Ids.IsId(offeringId) || await offerings.FindAsync(offeringId, ct) is not { } stored)
        {
            return Failure.NotFound("offering", offeringId);
        }
        var offering = stored.Document;
        var supplier = await organisations.FindAsync(offering.SupplierId, ct)
            ?? throw new InvalidDataException($"Offering {offeringId} names supplier {offering.SupplierId}, which is not in the organisations table.");
        if (!CapabilityEvidence.MayRead(actor, supplier))
        {
            return Failure.Forbidden("Not yours to see.",
                $"Evidence for {supplier.Name}'s declarations is visible to the supplier, its associations, commissioners and admins.");
        }
        var declaration = CapabilityDeclarations.StoredFor(offering.Capabilities, capability);
        if (declaration?.Evidence is not { } file)
        {
            return declaration is null
                ? CapabilityEvidence.NotDeclared(offeringId, capability)
                : new Failure(FailureKind.NotFound, Problems.NotFound, "No evidence file.", $"Offering {offeringId} declares '{capability}' without an evidence file.");
        }
        var location = CapabilityEvidence.Location(offering, file);
        // The same rule as attestation evidence: only a file the malware scan has cleared is served.
        if (EvidenceScanRule.Refusal(await files.ScanAsync(location, ct), file.FileName) is { } refused)
        {
            return refused;
        }
        return await files.ReadLinkAsync(location, file.ContentType, ct);
    }
}
