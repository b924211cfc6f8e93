using System.Security.Cryptography;
using Marketplace.Core.Attestations;

namespace Marketplace.Storage.Attestations;

/// <summary>
/// Stages an upload in memory up to 1 MiB and in a temporary file (deleted on dispose) beyond, hashing and counting
/// it as it is read, and never reading past the declared length or the size limit.
/// </summary>
public sealed class TempFileEvidenceStaging : IEvidenceStaging
{
    private const int InMemoryLimit = 1024 * 1024;

    public async Task<StagedEvidence?> StageAsync(Stream body, long declaredLength, CancellationToken ct)
    {
        Stream content = declaredLength <= InMemoryLimit
            ? new MemoryStream((int)declaredLength)
            : new FileStream(Path.Combine(Path.GetTempPath(), "evidence-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var cap = Math.Min(declaredLength, EvidenceRules.MaxBytes);
            var buffer = new byte[81920];
            var head = new List<byte>(EvidenceRules.SniffLength);
            long total = 0;
            while (true)
            {
                // Ask for one byte more than allowed, so a body longer than declared is noticed without reading it all.
                var wanted = (int)Math.Min(buffer.Length, cap - total + 1);
                var read = await body.ReadAsync(buffer.AsMemory(0, wanted), ct);
                if (read == 0)
                {
                    break;
                }
                total += read;
                if (total > cap)
                {
                    await content.DisposeAsync();
                    return null;
                }
                hash.AppendData(buffer, 0, read);
                head.AddRange(buffer.Take(Math.Max(0, Math.Min(read, EvidenceRules.SniffLength - head.Count))));
                await content.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            if (total != declaredLength)
            {
                await content.DisposeAsync();
                return null;
            }
            content.Position = 0;
            return new StagedEvidence(content, total, Convert.ToHexStringLower(hash.GetHashAndReset()), [.. head]);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }
}
