namespace Marketplace.Core.Attestations;

/// <summary>A read-only link to one evidence file and when it stops working.</summary>
public sealed record EvidenceLink(Uri Url, DateTimeOffset ExpiresOn);

/// <summary>Where an evidence file is kept: per supplier, per attestation, by its stored name.</summary>
public sealed record EvidenceLocation(string SupplierId, string AttestationId, string FileName);

/// <summary>What the malware scan says of an evidence file: only a <see cref="Clean"/> file is ever served.</summary>
public enum EvidenceScan
{
    /// <summary>Scanned and no threat found (or scanning is switched off, locally).</summary>
    Clean,
    /// <summary>Not scanned yet: shown as "being scanned".</summary>
    Pending,
    /// <summary>The scan found malicious content: blocked, and the supplier told to upload a clean copy.</summary>
    Malicious,
    /// <summary>The scanner could not scan it (an error, or a kind it does not scan): blocked like a malicious file.</summary>
    Unscannable,
}

/// <summary>Evidence files, kept privately: created once (never overwritten) and read only through short-lived links.</summary>
public interface IEvidenceFiles
{
    /// <summary>Stores the file only if nothing has its name yet: its version, or null when the name is taken (that file is left alone).</summary>
    Task<string?> CreateAsync(EvidenceLocation location, Stream content, string contentType, CancellationToken ct);

    /// <summary>Removes the file if it is still the <paramref name="version"/> we stored, so nobody else's is ever removed.</summary>
    Task DeleteAsync(EvidenceLocation location, string version, CancellationToken ct);

    /// <summary>A read-only link to the file, valid for at most 15 minutes.</summary>
    Task<EvidenceLink> ReadLinkAsync(EvidenceLocation location, string contentType, CancellationToken ct);

    /// <summary>What the malware scan has said of the file so far.</summary>
    Task<EvidenceScan> ScanAsync(EvidenceLocation location, CancellationToken ct);
}

/// <summary>The one rule for serving evidence: a link only once the malware scan has cleared the file.</summary>
public static class EvidenceScanRule
{
    /// <summary>The refusal for a file that is not <see cref="EvidenceScan.Clean"/>, or null when it may be served.</summary>
    public static Outcomes.Failure? Refusal(EvidenceScan scan, string fileName) => scan switch
    {
        EvidenceScan.Clean => null,
        EvidenceScan.Pending => Outcomes.Failure.Conflict("The file is being scanned.",
            $"{fileName} is being scanned for malware; it can be opened once the scan has cleared it, usually within a minute.", Outcomes.Problems.EvidenceBeingScanned,
            new Dictionary<string, object?> { ["scan"] = "pending" }),
        EvidenceScan.Malicious => Outcomes.Failure.Conflict("The file is blocked.",
            $"The malware scan found a threat in {fileName}, so it is never served. The supplier has been asked to upload a clean copy.", Outcomes.Problems.EvidenceBlocked,
            new Dictionary<string, object?> { ["scan"] = "malicious" }),
        _ => Outcomes.Failure.Conflict("The file is blocked.",
            $"{fileName} could not be scanned for malware, so it is not served. The supplier can upload it again as a PDF, PNG or JPEG.", Outcomes.Problems.EvidenceBlocked,
            new Dictionary<string, object?> { ["scan"] = "unscannable" }),
    };

    /// <summary>How a file's scan reads beside its name on a page.</summary>
    public static string Words(EvidenceScan scan) => scan switch
    {
        EvidenceScan.Clean => "scanned, no threat found",
        EvidenceScan.Pending => "being scanned for malware",
        EvidenceScan.Malicious => "blocked: the malware scan found a threat",
        _ => "blocked: it could not be scanned",
    };
}
