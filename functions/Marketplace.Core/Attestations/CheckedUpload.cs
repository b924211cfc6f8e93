using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>
/// An upload staged and accepted as evidence: the bytes (the caller disposes them), the sniffed type and the record
/// to keep. Attestation and buyer-assessment evidence are checked by the same rules, in the same order.
/// </summary>
public sealed class CheckedUpload(StagedEvidence file, EvidenceType type, EvidenceFile evidence) : IAsyncDisposable
{
    /// <summary>The staged bytes, from the start.</summary>
    public StagedEvidence File { get; } = file;
    /// <summary>The type the bytes are.</summary>
    public EvidenceType Type { get; } = type;
    /// <summary>Stored name, type, size and SHA-256.</summary>
    public EvidenceFile Evidence { get; } = evidence;

    /// <summary>
    /// Stages <paramref name="content"/> and checks it: a declared length within the limit (refused before a byte is
    /// read), exactly that many bytes, a type recognised from the bytes whatever the request or name claim, and a name
    /// that can be stored (it arrives as a route value, so still percent-encoded). Nothing is kept on a refusal.
    /// </summary>
    public static async Task<Outcome<CheckedUpload>> StageAsync(IEvidenceStaging staging, string fileName, long? declaredLength, Stream content, CancellationToken ct)
    {
        if (EvidenceRules.CheckDeclaredLength(declaredLength) is { } badLength)
        {
            return badLength;
        }
        var file = await staging.StageAsync(content, declaredLength!.Value, ct);
        if (file is null)
        {
            return Failure.Invalid("body", "The body's length differs from its Content-Length.");
        }
        var type = EvidenceRules.Sniff(file.Head);
        var (storedName, nameError) = type is null ? (null, null) : EvidenceRules.StoredFileName(Uri.UnescapeDataString(fileName), type);
        if (type is not null && storedName is not null)
        {
            return new CheckedUpload(file, type, new EvidenceFile(storedName, type.ContentType, file.Length, file.Sha256));
        }
        await file.DisposeAsync();
        return type is null ? EvidenceRules.NotEvidence() : Failure.Invalid("fileName", nameError!);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => File.DisposeAsync();
}
