using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Core.Catalogue.Search;

/// <summary>
/// The last sort key of every catalogue order (ANCHORS.md, fair ordering): ties are broken by a stable hash of
/// the offering id, so no supplier wins by name, id or the order offerings were listed in.
/// </summary>
public static class FairOrdering
{
    /// <summary>
    /// The first 8 bytes of SHA-256 over the UTF-8 id, read big-endian as a signed 64-bit integer; ascending order.
    /// The same id always gives the same key, on every machine and in every index.
    /// </summary>
    public static long KeyOf(string offeringId)
    {
        ArgumentNullException.ThrowIfNull(offeringId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(offeringId), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

/// <summary>The sort key for ordering by name, identical in every search index.</summary>
public static class NameOrdering
{
    /// <summary>The name lower-cased (invariant), trimmed, with runs of white space collapsed to one space.</summary>
    public static string KeyOf(string name) =>
        string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
