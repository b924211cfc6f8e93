using System.IO.Compression;
using Azure.Data.Tables;

namespace Marketplace.Storage;

/// <summary>
/// UTF-8 JSON kept Brotli-compressed in a row: binary properties of at most 64 KiB each (<c>{data}0</c>, <c>{data}1</c>, …)
/// and the unpacked length. A table entity holds at most 1 MiB, and storage costs (and Azurite's time) go by bytes sent.
/// </summary>
internal sealed class PackedColumns(string lengthColumn, string dataColumn)
{
    private const int ChunkBytes = 64 * 1024;
    // 15 × 64 KiB leaves room for the keys and the other columns within an entity's 1 MiB.
    private const int MaxChunks = 15;
    // Quality 5 with a 4 MiB window: most of the gain of the slow qualities (the JSON repeats its field names and
    // wording) at a few milliseconds per megabyte.
    private const int Quality = 5;
    private const int Window = 22;

    /// <summary>The candidate projection's buckets.</summary>
    public static readonly PackedColumns Buckets = new("Length", "Data");

    /// <summary>Documents too large for one string property.</summary>
    public static readonly PackedColumns Documents = new("PackedLength", "Packed");

    public bool IsOn(TableEntity row) => row.ContainsKey(dataColumn + "0");

    /// <summary>Packs <paramref name="utf8"/> into <paramref name="entity"/>; <paramref name="tooLarge"/> says what to do when it cannot fit.</summary>
    public void Write(TableEntity entity, ReadOnlySpan<byte> utf8, string tooLarge)
    {
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (!BrotliEncoder.TryCompress(utf8, packed, out var length, Quality, Window))
        {
            throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} could not be compressed.");
        }
        var chunks = (length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"Row {entity.PartitionKey}/{entity.RowKey} packs to {length:N0} bytes, over the {MaxChunks * ChunkBytes:N0} a row can hold: {tooLarge}");
        }
        entity[lengthColumn] = utf8.Length;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            entity[dataColumn + chunk] = packed.AsSpan(chunk * ChunkBytes, Math.Min(ChunkBytes, length - chunk * ChunkBytes)).ToArray();
        }
    }

    /// <summary>The UTF-8 JSON as a stream, unpacked as it is read (no buffer of the whole JSON).</summary>
    public Stream OpenRead(TableEntity row) => new BrotliStream(Joined(row), CompressionMode.Decompress);

    /// <summary>The UTF-8 JSON unpacked from the row.</summary>
    public byte[] Read(TableEntity row)
    {
        var packed = Joined(row);
        var json = new byte[row.GetInt32(lengthColumn) ?? throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} has no {lengthColumn}.")];
        if (!BrotliDecoder.TryDecompress(packed.GetBuffer().AsSpan(0, (int)packed.Length), json, out var written) || written != json.Length)
        {
            throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} does not unpack to its recorded length.");
        }
        return json;
    }

    private MemoryStream Joined(TableEntity row)
    {
        var packed = new MemoryStream();
        for (var chunk = 0; row.GetBinary(dataColumn + chunk) is { } part; chunk++)
        {
            packed.Write(part);
        }
        packed.Position = 0;
        return packed;
    }
}
