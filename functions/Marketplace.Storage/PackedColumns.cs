using System.Buffers;
using System.IO.Compression;
using System.Text;
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
        WriteChunks(entity, packed.AsSpan(0, length), utf8.Length, tooLarge);
    }

    /// <summary>
    /// A stream to serialise a document into, for a row: the first <paramref name="textBytes"/> bytes are kept, and
    /// past them everything goes straight into the compressor. So a large document is serialised once, and neither its
    /// whole JSON nor a worst-case packing buffer is allocated (a draft shortlist is ~1.8 MB of JSON; ~35 KB packed).
    /// </summary>
    public TextOrPacked OpenWrite(int textBytes) => new(this, textBytes);

    private void WriteChunks(TableEntity entity, ReadOnlySpan<byte> packed, int unpackedLength, string tooLarge)
    {
        var length = packed.Length;
        var chunks = (length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"Row {entity.PartitionKey}/{entity.RowKey} packs to {length:N0} bytes, over the {MaxChunks * ChunkBytes:N0} a row can hold: {tooLarge}");
        }
        entity[lengthColumn] = unpackedLength;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            entity[dataColumn + chunk] = packed.Slice(chunk * ChunkBytes, Math.Min(ChunkBytes, length - chunk * ChunkBytes)).ToArray();
        }
    }

    /// <summary>See <see cref="OpenWrite"/>; <see cref="Complete"/> puts what was written into the row.</summary>
    internal sealed class TextOrPacked(PackedColumns columns, int textBytes) : Stream
    {
        private byte[]? text = ArrayPool<byte>.Shared.Rent(textBytes);
        private int textLength;
        private long written;
        private MemoryStream? packed;
        // BrotliStream's window is the encoder's default, 22 bits: the same as Write's.
        private BrotliStream? packer;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => written;
        public override long Position { get => written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(text is null, this);
            written += buffer.Length;
            if (packer is null && textLength + buffer.Length <= textBytes)
            {
                buffer.CopyTo(text.AsSpan(textLength));
                textLength += buffer.Length;
                return;
            }
            if (packer is null)
            {
                packed = new MemoryStream();
                packer = new BrotliStream(packed, new BrotliCompressionOptions { Quality = Quality }, leaveOpen: true);
                packer.Write(text, 0, textLength);
            }
            packer.Write(buffer);
        }

        /// <summary>
        /// The text in <paramref name="textColumn"/> when it fitted, else packed into the row's columns; <paramref name="tooLarge"/>
        /// says what to do when even packed it cannot fit.
        /// </summary>
        public void Complete(TableEntity entity, string textColumn, string tooLarge)
        {
            ObjectDisposedException.ThrowIf(text is null, this);
            if (packer is null)
            {
                entity[textColumn] = Encoding.UTF8.GetString(text, 0, textLength);
                return;
            }
            packer.Dispose(); // writes the compressor's last block
            if (written > int.MaxValue)
            {
                throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} is {written:N0} bytes of JSON: {tooLarge}");
            }
            columns.WriteChunks(entity, packed!.GetBuffer().AsSpan(0, (int)packed.Length), (int)written, tooLarge);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && text is not null)
            {
                packer?.Dispose();
                ArrayPool<byte>.Shared.Return(text);
                text = null;
            }
            base.Dispose(disposing);
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
