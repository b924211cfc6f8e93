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
    /// <summary>When the supplier last submitted it for validation (associations' queues are oldest first).</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>The association that decided it.</summary>
    public string? DecidedBy { get; init; }
    /// <summary>When it was decided.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>Why it was rejected or revoked.</summary>
    public string? Reason { get; init; }
    /// <summary>Evidence files recorded against it.</summary>
    public IReadOnlyList<EvidenceFile> Evidence { get; init; } = [];

    /// <summary>
    /// A standard counts only through an attestation that is validated and not expired on the evaluation date
    /// (ARCHITECTURE.md scoring rules): the expiry date itself is still valid.
    /// </summary>
    public bool CountsOn(DateOnly date) => Status == AttestationStatus.Validated && (ExpiresOn is null || ExpiresOn >= date);
}

/// <summary>An evidence file's record: name, sniffed type, size and SHA-256.</summary>
public sealed record EvidenceFile(string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>Attestation workflow statuses.</summary>
public static class AttestationStatus
{
    /// <summary>Being prepared by the supplier.</summary>
    public const string Draft = "draft";
    /// <summary>Awaiting its association.</summary>
    public const string Submitted = "submitted";
    /// <summary>Accepted by its association.</summary>
    public const string Validated = "validated";
    /// <summary>Refused by its association, with a reason.</summary>
    public const string Rejected = "rejected";
    /// <summary>Withdrawn by its association after validation, with a reason.</summary>
    public const string Revoked = "revoked";
    /// <summary>Validated but past its expiry date.</summary>
    public const string Expired = "expired";
    /// <summary>Withdrawn by the supplier before a decision.</summary>
    public const string Withdrawn = "withdrawn";
}
