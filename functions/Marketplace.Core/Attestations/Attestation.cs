namespace Marketplace.Core.Attestations;

/// <summary>A supplier's claim to meet a standard, as <c>schemas/attestation.schema.json</c> describes it.</summary>
public sealed record Attestation
{
    /// <summary>The subject kind of attestations' audit events.</summary>
    public const string SubjectKind = "attestation";

    /// <summary>Attestation id.</summary>
    public required string Id { get; init; }
    /// <summary>The supplier making the claim.</summary>
    public required string SupplierId { get; init; }
    /// <summary>Standard code, e.g. <c>TSA-QSF</c>.</summary>
    public required string StandardCode { get; init; }
    /// <summary>The offering the claim is about; null for an organisation-level claim.</summary>
    public string? OfferingId { get; init; }
    /// <summary>Certificate or registration number.</summary>
    public string CertificateNumber { get; init; } = "";
    /// <summary>Date the certificate was issued.</summary>
    public DateOnly IssuedOn { get; init; }
    /// <summary>Last day the certificate is valid; null when open-ended.</summary>
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>Workflow status (see <see cref="AttestationStatus"/>).</summary>
    public required string Status { get; init; }
    /// <summary>When the supplier last submitted it (certifiers' queues are oldest first), or declared it.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>The certification body that decided it (records from the association workflow name the association).</summary>
    public string? DecidedBy { get; init; }
    /// <summary>When it was decided.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>Why it was rejected or revoked.</summary>
    public string? Reason { get; init; }
    /// <summary>Evidence files recorded against it.</summary>
    public IReadOnlyList<EvidenceFile> Evidence { get; init; } = [];
    /// <summary>The certification body named to verify it (certifier-route standards only).</summary>
    public string? CertifierId { get; init; }
    /// <summary>
    /// The public register's own reference for the supplier or product (register-route standards): DSPT organisation
    /// code, CQC provider id, ICO registration number or MHRA registration number.
    /// </summary>
    public string? RegisterReference { get; init; }
    /// <summary>The product release or version it is about (per-release standards: DCB0129, WCAG).</summary>
    public string? ProductRelease { get; init; }
    /// <summary>The named Clinical Safety Officer who signed the clinical safety case (DCB0129).</summary>
    public string? ClinicalSafetyOfficer { get; init; }
    /// <summary>The independent test house whose report backs a declaration; null for a self-declaration.</summary>
    public string? TestedBy { get; init; }
    /// <summary>Associations that vouch for a declaration (shown to buyers, never a gate).</summary>
    public IReadOnlyList<Endorsement> Endorsements { get; init; } = [];
    /// <summary>
    /// Set when the supplier claims an equivalent of <see cref="StandardCode"/> (Procurement Act 2023 s.56) rather than
    /// the standard itself: what it holds instead and why that is equivalent. Only the buyer decides, per shortlist.
    /// </summary>
    public EquivalentClaim? Equivalent { get; init; }

    /// <summary>
    /// Verified (by its certifier or its register) and not expired on <paramref name="date"/>: what counts for certifier-
    /// and register-route standards (ARCHITECTURE.md scoring rules); the expiry date itself is still valid. Declarations
    /// and buyer assessments count by their own rules (the scorer's <c>HeldStandards</c>).
    /// </summary>
    public bool CountsOn(DateOnly date) => Status == AttestationStatus.Verified && (ExpiresOn is null || ExpiresOn >= date);

    /// <summary>Verified or declared, and not expired on <paramref name="date"/>: what a buyer is shown the supplier holds.</summary>
    public bool IsCurrentOn(DateOnly date) => Status is AttestationStatus.Verified or AttestationStatus.Declared && (ExpiresOn is null || ExpiresOn >= date);
}

/// <summary>An evidence file's record: name, sniffed type, size and SHA-256.</summary>
public sealed record EvidenceFile(string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>An association's endorsement of a member's declaration ("vouched for by …").</summary>
/// <param name="AssociationId">The association.</param>
/// <param name="EndorsedAt">When it endorsed.</param>
public sealed record Endorsement(string AssociationId, DateTimeOffset EndorsedAt);

/// <summary>A standard held in place of the one asked for, claimed as its equivalent.</summary>
/// <param name="Name">The equivalent standard, e.g. "ISO/IEC 27001:2022 certificate covering the service".</param>
/// <param name="IssuedBy">Who issued or certifies it.</param>
/// <param name="Reason">Why it meets the same need.</param>
public sealed record EquivalentClaim(string Name, string IssuedBy, string Reason);

/// <summary>Attestation workflow statuses.</summary>
public static class AttestationStatus
{
    /// <summary>Being prepared by the supplier.</summary>
    public const string Draft = "draft";
    /// <summary>Awaiting its certification body (or register check).</summary>
    public const string Submitted = "submitted";
    /// <summary>Accepted by its certification body (or found on its public register).</summary>
    public const string Verified = "verified";
    /// <summary>Refused by its certification body, with a reason.</summary>
    public const string Rejected = "rejected";
    /// <summary>Withdrawn by its certification body after verification, with a reason.</summary>
    public const string Revoked = "revoked";
    /// <summary>Verified or declared, but past its expiry date.</summary>
    public const string Expired = "expired";
    /// <summary>Withdrawn by the supplier before a decision, or a declaration it took back.</summary>
    public const string Withdrawn = "withdrawn";
    /// <summary>A declaration-route standard, declared by the supplier (with its report); shown as a declaration.</summary>
    public const string Declared = "declared";
    /// <summary>Verified from a public register, then dropped out of the register's newest snapshot.</summary>
    public const string Lapsed = "lapsed";
}
