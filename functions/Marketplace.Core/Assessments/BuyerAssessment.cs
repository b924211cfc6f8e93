using System.Security.Cryptography;
using System.Text;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Assessments;

/// <summary>
/// A commissioner's own assessment of one offering version against a buyer-assessed standard (DTAC, NICE ESF), as
/// <c>schemas/buyer-assessment.schema.json</c> describes it. It counts only in that commissioner's specifications and
/// shortlists, and only while the offering's product version is the one assessed (DOMAIN.md).
/// </summary>
public sealed record BuyerAssessment
{
    /// <summary>The subject kind of assessments' audit events.</summary>
    public const string SubjectKind = "buyer-assessment";

    /// <summary>Assessment id: one per commissioner, offering and standard (<see cref="IdOf"/>).</summary>
    public required string Id { get; init; }
    /// <summary>The offering assessed.</summary>
    public required string OfferingId { get; init; }
    /// <summary>Its supplier, who sees the outcome.</summary>
    public required string SupplierId { get; init; }
    /// <summary>The commissioner organisation that assessed it.</summary>
    public required string CommissionerId { get; init; }
    /// <summary>The commissioner's name when it assessed (shown to the supplier).</summary>
    public string CommissionerName { get; init; } = "";
    /// <summary><c>DTAC</c> or <c>NICE-ESF</c>.</summary>
    public required string StandardCode { get; init; }
    /// <summary>The offering's product version assessed; null when the offering stated none.</summary>
    public string? ProductVersion { get; init; }
    /// <summary>The DTAC areas (DTAC only).</summary>
    public DtacResult? Dtac { get; init; }
    /// <summary>The NICE ESF evidence tier judged (NICE-ESF only).</summary>
    public NiceEsfResult? NiceEsf { get; init; }
    /// <summary>The commissioner's notes.</summary>
    public string Notes { get; init; } = "";
    /// <summary>The commissioner's evidence file, if any.</summary>
    public EvidenceFile? Evidence { get; init; }
    /// <summary><see cref="AssessmentOutcome.Passed"/> or <see cref="AssessmentOutcome.Failed"/>, following from the areas or tier.</summary>
    public required string Outcome { get; init; }
    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset AssessedAt { get; init; }
    /// <summary>The user who recorded it.</summary>
    public required string AssessedBy { get; init; }

    /// <summary>Whether it counts for <paramref name="offering"/> today: passed, of that offering, and of its current version.</summary>
    public bool CountsFor(Offering offering) =>
        Outcome == AssessmentOutcome.Passed && OfferingId == offering.Id && string.Equals(ProductVersion, offering.ProductVersion, StringComparison.Ordinal);

    /// <summary>
    /// The one id of a commissioner's assessment of an offering against a standard, so recording again replaces it:
    /// <c>ba-</c> and 20 hex digits of SHA-256 of the three.
    /// </summary>
    public static string IdOf(string commissionerId, string offeringId, string standardCode) =>
        "ba-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{commissionerId}|{offeringId}|{standardCode}")))[..20];
}

/// <summary>DTAC's assessed areas, each pass or fail with notes; usability and accessibility are noted, not scored.</summary>
/// <param name="ClinicalSafety">Clinical safety (DCB0129/DCB0160).</param>
/// <param name="DataProtection">Data protection.</param>
/// <param name="TechnicalSecurity">Technical security.</param>
/// <param name="Interoperability">Interoperability.</param>
/// <param name="UsabilityAndAccessibility">Usability and accessibility notes.</param>
public sealed record DtacResult(AreaResult ClinicalSafety, AreaResult DataProtection, AreaResult TechnicalSecurity, AreaResult Interoperability,
    string UsabilityAndAccessibility = "")
{
    /// <summary>Overall pass only when all four areas pass.</summary>
    public bool Passed => ClinicalSafety.Passed && DataProtection.Passed && TechnicalSecurity.Passed && Interoperability.Passed;

    /// <summary>The failed areas, by name, with their notes.</summary>
    public IEnumerable<(string Area, string Notes)> Failures()
    {
        foreach (var (area, result) in Areas())
        {
            if (!result.Passed)
            {
                yield return (area, result.Notes);
            }
        }
    }

    /// <summary>The four areas by name, in DTAC's order.</summary>
    public IEnumerable<(string Area, AreaResult Result)> Areas() =>
        [("clinical safety", ClinicalSafety), ("data protection", DataProtection), ("technical security", TechnicalSecurity), ("interoperability", Interoperability)];
}

/// <summary>One DTAC area's result.</summary>
/// <param name="Passed">Pass or fail.</param>
/// <param name="Notes">Why.</param>
public sealed record AreaResult(bool Passed, string Notes = "");

/// <summary>The NICE Evidence Standards Framework tier judged and whether its evidence is met.</summary>
/// <param name="Tier"><c>A</c>, <c>B</c> or <c>C</c>.</param>
/// <param name="Met">Whether the evidence meets the tier.</param>
public sealed record NiceEsfResult(string Tier, bool Met);

/// <summary>Assessment outcomes.</summary>
public static class AssessmentOutcome
{
    /// <summary>Every DTAC area passed, or the NICE ESF tier is met.</summary>
    public const string Passed = "passed";
    /// <summary>An area failed, or the tier is not met.</summary>
    public const string Failed = "failed";
}
