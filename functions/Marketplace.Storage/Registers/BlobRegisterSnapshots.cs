using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CsvHelper;
using Marketplace.Core.Registers;

namespace Marketplace.Storage.Registers;

/// <summary>
/// Register snapshots in the private <c>register-snapshots</c> container at <c>{register}/{yyyy-MM-dd}.csv</c>, read
/// as strict UTF-8 CSV (RFC 4180 quoting; a byte-order mark is allowed) and streamed row by row.
/// </summary>
public sealed class BlobRegisterSnapshots(BlobServiceClient service, StorageNames names) : IRegisterSnapshots
{
    public BlobContainerClient Container => service.GetBlobContainerClient(names.RegisterSnapshotsContainer);

    public async Task<SnapshotFile> SaveAsync(PublicRegister register, DateOnly date, Stream content, long length, CancellationToken ct)
    {
        var blob = Container.GetBlobClient(RegisterImport.BlobNameOf(register.Slug, date));
        var uploaded = await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" } }, ct);
        var properties = await blob.GetPropertiesAsync(new BlobRequestConditions { IfMatch = uploaded.Value.ETag }, ct);
        return new SnapshotFile(blob.Name, uploaded.Value.ETag.ToString(), properties.Value.ContentLength);
    }

    public async Task<SnapshotFile?> FindAsync(PublicRegister register, DateOnly date, CancellationToken ct)
    {
        var blob = Container.GetBlobClient(RegisterImport.BlobNameOf(register.Slug, date));
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            return new SnapshotFile(blob.Name, properties.Value.ETag.ToString(), properties.Value.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<(PublicRegister Register, DateOnly Date)> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in Container.GetBlobsAsync(cancellationToken: ct))
        {
            if (Parse(item.Name) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    /// <summary>The register and date of a blob named <c>{register}/{yyyy-MM-dd}.csv</c>, or null.</summary>
    public static (PublicRegister Register, DateOnly Date)? Parse(string blobName)
    {
        var parts = blobName.Split('/');
        return parts.Length == 2 && PublicRegisters.BySlug(parts[0]) is { } register && register.Slug == parts[0]
            && parts[1].EndsWith(".csv", StringComparison.Ordinal)
            && DateOnly.TryParseExact(parts[1][..^4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (register, date)
                : null;
    }

    public async IAsyncEnumerable<RegisterRow> ReadAsync(PublicRegister register, DateOnly date, string version, [EnumeratorCancellation] CancellationToken ct)
    {
        var blob = Container.GetBlobClient(RegisterImport.BlobNameOf(register.Slug, date));
        await using var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
        {
            Conditions = new BlobRequestConditions { IfMatch = new ETag(version) },
            BufferSize = 1 << 20,
        }, ct);
        await foreach (var row in ReadCsvAsync(register, stream, ct))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The rows of a register's CSV. Throws <see cref="MalformedSnapshotException"/> when the bytes are not UTF-8, a
    /// column of the register is missing, or a row is not CSV or its field count differs from the header's.
    /// </summary>
    public static async IAsyncEnumerable<RegisterRow> ReadCsvAsync(PublicRegister register, Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        // Strict UTF-8: an invalid byte throws instead of becoming U+FFFD, so a Latin-1 or binary file is refused.
        var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        await using var csv = CsvReader.Create(text, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = MaxRecordBytes,
        }, leaveOpen: false);
        string[] header;
        try
        {
            await csv.ReadHeaderAsync(ct);
            header = [.. csv.Headers.Select((name, i) => (i == 0 ? name.TrimStart('\uFEFF') : name).Trim())];
        }
        catch (Exception ex) when (Malformed(ex, 1) is { } malformed)
        {
            throw malformed;
        }
        if (header.Length == 0 || header.All(h => h.Length == 0))
        {
            throw new MalformedSnapshotException($"The file is empty; a {register.Name} snapshot starts with the header {string.Join(",", register.Columns)}.");
        }
        var missing = register.Columns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            var found = string.Join(",", header.Take(8).Select(h => h.Length > 40 ? h[..40] + "…" : h));
            throw new MalformedSnapshotException($"Wrong columns: the file lacks {string.Join(", ", missing)}. A {register.Name} snapshot has the columns " +
                $"{string.Join(",", register.Columns)}; this file's header is \"{found}\".");
        }
        int Index(string column) => Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        var (reference, name, status) = (Index(register.ReferenceColumn), Index(register.NameColumn), Index(register.StatusColumn));
        while (true)
        {
            RegisterRow row;
            try
            {
                if (!await csv.ReadAsync(ct))
                {
                    yield break;
                }
                if (csv.FieldCount != header.Length)
                {
                    throw new MalformedSnapshotException($"Row {csv.RowNumber} has {csv.FieldCount} fields; the header has {header.Length}.");
                }
                row = new RegisterRow(csv.RowNumber, csv.GetString(reference).Trim(), csv.GetString(name).Trim(), csv.GetString(status).Trim());
            }
            catch (Exception ex) when (Malformed(ex, csv.RowNumber + 1) is { } malformed)
            {
                throw malformed;
            }
            yield return row;
        }
    }

    /// <summary>Longest record read: a register's row is a few hundred bytes; more means an unclosed quote or not a CSV at all.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    private static MalformedSnapshotException? Malformed(Exception ex, long row) => ex switch
    {
        DecoderFallbackException => new($"Bad encoding: the file is not UTF-8 (an invalid byte near row {row}). Save the register's CSV as UTF-8 and upload it again."),
        CsvFormatException format => new($"Row {row} is not valid CSV ({format.Message}); check that this is the register's CSV file."),
        InvalidDataException or FormatException => new($"Row {row} is not valid CSV ({ex.Message}); check that this is the register's CSV file."),
        _ => null,
    };
}
