namespace Marketplace.Core.Attestations;

/// <summary>A read-only link to one evidence file and when it stops working.</summary>
public sealed record EvidenceLink(Uri Url, DateTimeOffset ExpiresOn);

/// <summary>Where an evidence file is kept: per supplier, per attestation, by its stored name.</summary>
public sealed record EvidenceLocation(string SupplierId, string AttestationId, string FileName);

/// <summary>Evidence files, kept privately: created once (never overwritten) and read only through short-lived links.</summary>
public interface IEvidenceFiles
{
    /// <summary>Stores the file only if nothing has its name yet: its version, or null when the name is taken (that file is left alone).</summary>
    Task<string?> CreateAsync(EvidenceLocation location, Stream content, string contentType, CancellationToken ct);

    /// <summary>Removes the file if it is still the <paramref name="version"/> we stored, so nobody else's is ever removed.</summary>
    Task DeleteAsync(EvidenceLocation location, string version, CancellationToken ct);

    /// <summary>A read-only link to the file, valid for at most 15 minutes.</summary>
    Task<EvidenceLink> ReadLinkAsync(EvidenceLocation location, string contentType, CancellationToken ct);
}
