namespace Marketplace.Core.Attestations;

/// <summary>An uploaded file read once, hashed and counted: its bytes (from the start, re-readable), length, SHA-256 and first bytes.</summary>
public sealed class StagedEvidence(Stream content, long length, string sha256, byte[] head) : IAsyncDisposable
{
    /// <summary>The file, positioned at its start (seekable, so a storage write can be retried).</summary>
    public Stream Content { get; } = content;
    /// <summary>Bytes read.</summary>
    public long Length { get; } = length;
    /// <summary>SHA-256, lower-case hex.</summary>
    public string Sha256 { get; } = sha256;
    /// <summary>The first bytes (up to <see cref="EvidenceRules.SniffLength"/>), for recognising the type.</summary>
    public byte[] Head { get; } = head;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>Holds an upload while it is checked, so nothing is stored before the bytes have been seen.</summary>
public interface IEvidenceStaging
{
    /// <summary>
    /// Reads exactly <paramref name="declaredLength"/> bytes of <paramref name="content"/> (never more than
    /// <see cref="EvidenceRules.MaxBytes"/>); null when it is longer or shorter than declared.
    /// </summary>
    Task<StagedEvidence?> StageAsync(Stream content, long declaredLength, CancellationToken ct);
}
