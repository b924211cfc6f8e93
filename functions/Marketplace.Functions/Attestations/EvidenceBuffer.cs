using System.Security.Cryptography;

namespace Marketplace.Functions.Attestations;

/// <summary>
/// An uploaded file read once from the request: held in memory up to 1 MiB and in a temporary file (deleted on
/// dispose) beyond, hashed (SHA-256) and counted as it is read, and never read past the declared length or the limit.
/// </summary>
internal sealed class EvidenceBuffer : IAsyncDisposable
{
    private const int InMemoryLimit = 1024 * 1024;

    private EvidenceBuffer(Stream content, long length, string sha256, byte[] head)
    {
        Content = content;
        Length = length;
        Sha256 = sha256;
        Head = head;
    }

    /// <summary>The file, positioned at its start (seekable, so the storage SDK can retry an upload).</summary>
    public Stream Content { get; }
    public long Length { get; }
    public string Sha256 { get; }
    /// <summary>The first bytes, for sniffing the type.</summary>
    public byte[] Head { get; }

    /// <summary>
    /// Reads exactly <paramref name="declaredLength"/> bytes (never more than <paramref name="limit"/>); null when the
    /// body is longer or shorter than declared.
    /// </summary>
    public static async Task<EvidenceBuffer?> ReadAsync(Stream body, long declaredLength, long limit, int headLength, CancellationToken ct)
    {
        Stream content = declaredLength <= InMemoryLimit
            ? new MemoryStream((int)declaredLength)
            : new FileStream(Path.Combine(Path.GetTempPath(), "evidence-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var cap = Math.Min(declaredLength, limit);
            var buffer = new byte[81920];
            var head = new List<byte>(headLength);
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
                head.AddRange(buffer.Take(Math.Max(0, Math.Min(read, headLength - head.Count))));
                await content.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            if (total != declaredLength)
            {
                await content.DisposeAsync();
                return null;
            }
            content.Position = 0;
            return new EvidenceBuffer(content, total, Convert.ToHexStringLower(hash.GetHashAndReset()), [.. head]);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
