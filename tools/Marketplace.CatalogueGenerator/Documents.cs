using System.Text.Json.Serialization;

namespace Marketplace.CatalogueGenerator;

// Wire shapes of the seed documents. Property order here is the order written to the JSON files,
// and each record matches one schema in schemas/ (null properties are left out, except where the
// schema requires an explicit null).

public sealed record Organisation
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required string Website { get; init; }
    public required string ContactEmail { get; init; }
    public string? Region { get; init; }
    public string? CompanyNumber { get; init; }
    public bool? Sme { get; init; }
    public IReadOnlyList<string>? Memberships { get; init; }
    public IReadOnlyList<SupplierCommitment>? Commitments { get; init; }
    public IReadOnlyList<string>? AccreditedFor { get; init; }
    public string? CommissionerType { get; init; }
}

public sealed record SupplierCommitment
{
    public required string Commitment { get; init; }
    public required string VouchedBy { get; init; }
    public required DateOnly SignedOn { get; init; }
}

public sealed record Standard
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string IssuingBody { get; init; }
    public required string EvidenceKind { get; init; }
    public required bool EvidenceRequired { get; init; }

    /// <summary>Null when the standard is open-ended or bound to an edition rather than a period.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? ValidityMonths { get; init; }

    public required IReadOnlyList<string> Scope { get; init; }
    public required string Summary { get; init; }
    public required string Route { get; init; }
    public required string ConfirmedBy { get; init; }
    public required Validity Validity { get; init; }
    public IReadOnlyList<string>? Jurisdictions { get; init; }
    public IReadOnlyList<DevolvedEquivalent>? DevolvedEquivalents { get; init; }
}

public sealed record Validity
{
    public required string Kind { get; init; }
    public int? Months { get; init; }
}

public sealed record DevolvedEquivalent
{
    public required string Nation { get; init; }
    public required IReadOnlyList<string> Bodies { get; init; }
}

public sealed record Offering
{
    public required string Id { get; init; }
    public required string SupplierId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required string Description { get; init; }
    public required string Category { get; init; }
    public required IReadOnlyList<string> Conditions { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required IReadOnlyList<string> Interoperability { get; init; }
    public string? Connectivity { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required Price Price { get; init; }
    public required int LeadTimeDays { get; init; }
    public required IReadOnlyList<string> Lots { get; init; }
    public required IReadOnlyList<OutcomeEvidence> OutcomeEvidence { get; init; }
    public required string AccessibilityStatement { get; init; }
    public string? ProductVersion { get; init; }
    public IReadOnlyList<CapabilityDeclaration>? Capabilities { get; init; }
    public required string Status { get; init; }
}

public sealed record Price
{
    public required string Model { get; init; }
    public required decimal AmountGbp { get; init; }
    public decimal? OutcomeRewardGbp { get; init; }
}

public sealed record OutcomeEvidence
{
    public required string Summary { get; init; }
    public required string Source { get; init; }
    public required int Year { get; init; }
}

public sealed record Framework
{
    public required string Id { get; init; }
    public required string Reference { get; init; }
    public required string Name { get; init; }
    public required string Authority { get; init; }
    public required string Status { get; init; }
    public required FrameworkDates Dates { get; init; }
    public required IReadOnlyList<Lot> Lots { get; init; }
    public required FrameworkCallOff CallOff { get; init; }
}

/// <summary>The call-off terms the Procurement Act 2023 s.45 requires a framework to set out.</summary>
public sealed record FrameworkCallOff
{
    public required bool DirectAward { get; init; }
    public required bool FurtherCompetition { get; init; }
    public required string SelectionMechanism { get; init; }
    public required decimal EstimatedValueGbp { get; init; }
    public required string PriceMechanism { get; init; }
    public required IReadOnlyList<string> EligibleBuyerTypes { get; init; }
}

public sealed record FrameworkDates
{
    public required DateOnly Opens { get; init; }
    public required DateOnly Closes { get; init; }
    public required DateOnly Live { get; init; }
    public required DateOnly Expires { get; init; }
}

public sealed record Lot
{
    public required string Id { get; init; }
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<string> Suppliers { get; init; }
}

public sealed record Attestation
{
    /// <summary>
    /// The number of the next attestation id (<c>att-NNNNNN</c>): after the highest, because ids keep the gaps earlier
    /// steps left (DTAC and NICE ESF attestations were dropped).
    /// </summary>
    public static int NextNumber(IEnumerable<Attestation> attestations) =>
        attestations.Max(a => int.Parse(a.Id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)) + 1;

    public required string Id { get; init; }
    public required string SupplierId { get; init; }
    public required string StandardCode { get; init; }

    /// <summary>Absent for an organisation-level attestation.</summary>
    public string? OfferingId { get; init; }

    public required string CertificateNumber { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public required string Status { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public string? DecidedBy { get; init; }
    public DateTime? DecidedAt { get; init; }
    public string? Reason { get; init; }
    public required IReadOnlyList<EvidenceFile> Evidence { get; init; }
    public string? CertifierId { get; init; }
    public string? ProductRelease { get; init; }
    public string? ClinicalSafetyOfficer { get; init; }
    public string? TestedBy { get; init; }
    public IReadOnlyList<Endorsement>? Endorsements { get; init; }

    /// <summary>The public register's reference (register-route standards only).</summary>
    public string? RegisterReference { get; init; }

    public EquivalentClaim? Equivalent { get; init; }
}

public sealed record Endorsement
{
    public required string AssociationId { get; init; }
    public required DateTime EndorsedAt { get; init; }
}

public sealed record EvidenceFile
{
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
}

public sealed record SeedUser
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    public required string Role { get; init; }
    public string? OrganisationId { get; init; }
}

/// <summary>One generated catalogue: the seven seed documents, each a list in file order.</summary>
public sealed record Catalogue(
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Standard> Standards,
    IReadOnlyList<Offering> Offerings,
    IReadOnlyList<Framework> Frameworks,
    IReadOnlyList<Attestation> Attestations,
    IReadOnlyList<SeedUser> Users)
{
    /// <summary>Commissioners' own buyer assessments (DTAC, NICE ESF).</summary>
    public IReadOnlyList<BuyerAssessment> Assessments { get; init; } = [];
}
