using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>A short-lived read-only link to one evidence file, for those allowed to see the attestation.</summary>
public sealed class OpenEvidence(AttestationScope scope, IEvidenceFiles files)
{
    /// <summary>
    /// The link; 404 when there is no such attestation or file, 403 when the caller may not see it, 409 while the malware
    /// scan has not cleared the file (being scanned, or blocked).
    /// </summary>
    public async Task<Outcome<EvidenceLink>> RunAsync(Actor actor, string id, string fileName, CancellationToken ct)
    {
        var scoped = await scope.OpenAsync(actor, id, AttestationOperation.Read, ct);
        if (!scoped.Succeeded)
        {
            return scoped.Failure;
        }
        var attestation = scoped.Value.Attestation;
        // The name arrives as a route value, which keeps an encoded slash or percent encoded.
        var name = Uri.UnescapeDataString(fileName);
        if (attestation.Evidence.FirstOrDefault(e => e.FileName == name) is not { } file)
        {
            return new Failure(FailureKind.NotFound, Problems.NotFound, "No such evidence file.",
                $"Attestation {id} has no evidence file {name}; its files are: {string.Join(", ", attestation.Evidence.Select(e => e.FileName))}.");
        }
        var location = new EvidenceLocation(attestation.SupplierId, attestation.Id, file.FileName);
        if (EvidenceScanRule.Refusal(await files.ScanAsync(location, ct), file.FileName) is { } refused)
        {
            return refused;
        }
        return await files.ReadLinkAsync(location, file.ContentType, ct);
    }
}
