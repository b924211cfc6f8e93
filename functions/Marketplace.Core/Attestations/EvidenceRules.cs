using System.Text;
using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>A kind of evidence file the marketplace keeps: its content type and the extension its stored name gets.</summary>
public sealed record EvidenceType(string ContentType, string Extension, IReadOnlyList<string> Extensions)
{
    /// <summary>PDF: starts <c>%PDF-</c>.</summary>
    public static readonly EvidenceType Pdf = new("application/pdf", ".pdf", [".pdf"]);
    /// <summary>PNG: starts <c>89 50 4E 47 0D 0A 1A 0A</c>.</summary>
    public static readonly EvidenceType Png = new("image/png", ".png", [".png"]);
    /// <summary>JPEG: starts <c>FF D8 FF</c>.</summary>
    public static readonly EvidenceType Jpeg = new("image/jpeg", ".jpg", [".jpg", ".jpeg"]);
}

/// <summary>What an upload does to the attestation's evidence list.</summary>
public enum EvidenceChange
{
    /// <summary>A new file: recorded and audited.</summary>
    Added,
    /// <summary>The same name with the same bytes again: nothing changes.</summary>
    AlreadyRecorded,
}

/// <summary>
/// Evidence upload rules (ARCHITECTURE.md "Errors and safety"): a size limit, the type sniffed from the bytes whatever
/// the request says, a safe file name whose extension follows the sniffed type, SHA-256 recorded.
/// </summary>
public static class EvidenceRules
{
    /// <summary>Largest file accepted: 20 MiB (20 × 1024 × 1024 bytes).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Most files one attestation keeps (the schema's limit).</summary>
    public const int MaxFiles = 20;

    /// <summary>Longest stored file name, extension included.</summary>
    public const int MaxFileNameLength = 100;

    /// <summary>Bytes needed to recognise every accepted type.</summary>
    public const int SniffLength = 8;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>
    /// The declared length's verdict, before a byte is read: a length is required (uploads are not streamed without
    /// one), at most <see cref="MaxBytes"/>, and not zero. Null when the upload may be read.
    /// </summary>
    public static Failure? CheckDeclaredLength(long? length) => length switch
    {
        null => new Failure(FailureKind.LengthRequired, Problems.LengthRequired, "Content-Length is required.",
            "Send the file as the request body with a Content-Length header (no chunked uploads)."),
        > MaxBytes => new Failure(FailureKind.TooLarge, Problems.PayloadTooLarge, "The file is too large.",
            $"Evidence files are at most {MaxBytes} bytes (20 MiB); this one is {length} bytes.")
        {
            Extensions = new Dictionary<string, object?> { ["maxBytes"] = MaxBytes },
        },
        0 => Failure.Invalid("body", "The file is empty."),
        _ => null,
    };

    /// <summary>The bytes are none of the accepted types.</summary>
    public static Failure NotEvidence() => new(FailureKind.UnsupportedMediaType, Problems.UnsupportedMediaType, "Not a PDF, PNG or JPEG file.",
        "Evidence must be a PDF, PNG or JPEG; the type is read from the file's first bytes, not from its name or Content-Type.");

    /// <summary>The type the first bytes show, or null when they are none of PDF, PNG and JPEG.</summary>
    public static EvidenceType? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfMagic) ? EvidenceType.Pdf
        : head.StartsWith(PngMagic) ? EvidenceType.Png
        : head.StartsWith(JpegMagic) ? EvidenceType.Jpeg
        : null;

    /// <summary>
    /// The name to store a file under, or an error. Path separators, <c>..</c>, control characters and an empty name
    /// are refused; every other character outside <c>[A-Za-z0-9._-]</c> becomes <c>-</c>; the name starts with a
    /// letter or digit; its extension is the sniffed type's (an evidence extension given is replaced, any other kept
    /// before it), so a PNG sent as <c>scan.pdf</c> is stored as <c>scan.png</c>. At most 100 characters.
    /// </summary>
    public static (string? Name, string? Error) StoredFileName(string requested, EvidenceType type)
    {
        if (requested.IndexOfAny(['/', '\\']) >= 0 || requested.Contains("..", StringComparison.Ordinal))
        {
            return (null, "Path separators and '..' are not allowed in a file name.");
        }
        if (requested.Any(char.IsControl))
        {
            return (null, "Control characters are not allowed in a file name.");
        }
        var kept = new StringBuilder(requested.Length);
        foreach (var c in requested)
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            if (allowed)
            {
                kept.Append(c);
            }
            else if (kept.Length == 0 || kept[^1] != '-')
            {
                kept.Append('-');
            }
        }
        var sanitised = kept.ToString();
        var extension = Path.GetExtension(sanitised);
        var stem = sanitised;
        if (AllEvidenceExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            stem = sanitised[..^extension.Length];
            extension = type.Extensions.FirstOrDefault(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase)) ?? type.Extension;
        }
        else
        {
            extension = type.Extension;
        }
        var name = stem.Trim('.', '_', '-');
        if (name.Length == 0)
        {
            return (null, "The file name needs at least one letter or digit.");
        }
        var stored = name + extension;
        return stored.Length > MaxFileNameLength
            ? (null, $"At most {MaxFileNameLength} characters (stored as {stored.Length}).")
            : (stored, null);
    }

    private static readonly string[] AllEvidenceExtensions = [.. new[] { EvidenceType.Pdf, EvidenceType.Png, EvidenceType.Jpeg }.SelectMany(t => t.Extensions)];

    /// <summary>Only the owning supplier uploads, and only to a draft (anything later is what the association saw).</summary>
    public static Refusal? MayUpload(Actor actor, Attestation attestation) =>
        !AttestationAccess.IsOwner(actor, attestation.SupplierId)
            ? new Refusal(RefusalKind.Forbidden, $"Only {attestation.SupplierId}'s own users upload evidence to its attestations.")
            : attestation.Status != AttestationStatus.Draft
                ? new Refusal(RefusalKind.InvalidTransition,
                    $"Evidence is added only while the attestation is a draft; it is {attestation.Status}. Start a new attestation to attest again.",
                    CurrentStatus: attestation.Status,
                    AllowedActions: [.. AttestationWorkflow.UserActionsFrom(attestation.Status).Select(AttestationWorkflow.NameOf)])
                : null;

    /// <summary>
    /// Records <paramref name="file"/> on the attestation. The same name with the same SHA-256 is already recorded
    /// (idempotent); the same name with other bytes, or a 21st file, is refused.
    /// </summary>
    public static (Attestation? Next, EvidenceChange Change, Refusal? Refusal) Record(Attestation attestation, EvidenceFile file)
    {
        if (attestation.Evidence.FirstOrDefault(e => e.FileName.Equals(file.FileName, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return existing.Sha256 == file.Sha256 && existing.FileName == file.FileName
                ? (attestation, EvidenceChange.AlreadyRecorded, null)
                : (null, EvidenceChange.Added, new Refusal(RefusalKind.Conflict,
                    $"A different file named {existing.FileName} is already recorded; upload this one under another name.", "fileName"));
        }
        if (attestation.Evidence.Count >= MaxFiles)
        {
            return (null, EvidenceChange.Added, new Refusal(RefusalKind.Conflict, $"An attestation keeps at most {MaxFiles} evidence files."));
        }
        return (attestation with { Evidence = [.. attestation.Evidence, file] }, EvidenceChange.Added, null);
    }
}
