using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>Where a declaration's evidence file is kept, and who may read it.</summary>
public static class CapabilityEvidence
{
    /// <summary>
    /// The stored name: the capability, the first 16 hex digits of the file's SHA-256 and the sniffed type's extension
    /// (<c>clinician-dashboard-3fa2b1c4d5e6f708.pdf</c>). Files are created once, never overwritten: a new file for the
    /// same declaration gets a new name, so every offering version's file stays as it was.
    /// </summary>
    public static string FileName(string capability, string sha256, EvidenceType type) => $"{capability}-{sha256[..16]}{type.Extension}";

    /// <summary>The file's place among the supplier's evidence, under the offering's id.</summary>
    public static EvidenceLocation Location(Offering offering, EvidenceFile file) => new(offering.SupplierId, offering.Id, file.FileName);

    /// <summary>
    /// As for attestation evidence (<see cref="AttestationAccess.MayReadAll"/>): the supplier's own users, the
    /// associations it belongs to, commissioners and admins. Nobody else, signed in or not.
    /// </summary>
    public static bool MayRead(Actor actor, Organisation supplier) => AttestationAccess.MayReadAll(actor, supplier);

    /// <summary>The 404 for a capability the offering does not declare (or that is not in the vocabulary).</summary>
    public static Failure NotDeclared(string offeringId, string capability) =>
        new(FailureKind.NotFound, Problems.NotFound, "The offering does not declare that capability.",
            $"Offering {offeringId} does not declare '{capability}'. Declare it in the listing's capabilities first.");
}
