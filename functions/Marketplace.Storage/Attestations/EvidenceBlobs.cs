using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Marketplace.Core.Attestations;

namespace Marketplace.Storage.Attestations;

/// <summary>
/// Evidence files in the private <c>evidence</c> container at <c>{supplierId}/{attestationId}/{fileName}</c>. Files are
/// only ever created (never overwritten) and read through short-lived read-only SAS links.
/// </summary>
public sealed class EvidenceBlobs(BlobServiceClient service, StorageNames names, TimeProvider time, EvidenceScanningOptions? scanning = null) : IEvidenceFiles
{
    /// <summary>The blob index tag Microsoft Defender for Storage's on-upload malware scanning writes its verdict to.</summary>
    public const string ScanResultTag = "Malware Scanning scan result";
    /// <summary>The tag's value for a clean file; <see cref="MaliciousResult"/> for a threat. Anything else is an error or "not scanned".</summary>
    public const string NoThreatsFound = "No threats found";
    public const string MaliciousResult = "Malicious";

    private readonly bool scanned = (scanning ?? new EvidenceScanningOptions()).MalwareScanning;

    Task<string?> IEvidenceFiles.CreateAsync(EvidenceLocation location, Stream content, string contentType, CancellationToken ct) =>
        CreateAsync(PathOf(location), content, contentType, ct);

    Task IEvidenceFiles.DeleteAsync(EvidenceLocation location, string version, CancellationToken ct) => DeleteAsync(PathOf(location), version, ct);

    Task<EvidenceLink> IEvidenceFiles.ReadLinkAsync(EvidenceLocation location, string contentType, CancellationToken ct) =>
        ReadLinkAsync(PathOf(location), contentType, MaxLinkLifetime, ct);

    async Task<EvidenceScan> IEvidenceFiles.ScanAsync(EvidenceLocation location, CancellationToken ct)
    {
        if (!scanned)
        {
            return EvidenceScan.Clean;
        }
        // Defender tags the blob when its scan finishes; until then there is no tag. Reading tags needs only the
        // tags/read data action (infra: the app's custom role on the evidence container), never the file itself.
        var tags = (await Container.GetBlobClient(PathOf(location)).GetTagsAsync(cancellationToken: ct)).Value.Tags;
        return !tags.TryGetValue(ScanResultTag, out var result) ? EvidenceScan.Pending
            : result == NoThreatsFound ? EvidenceScan.Clean
            : result == MaliciousResult ? EvidenceScan.Malicious
            : EvidenceScan.Unscannable;
    }

    /// <summary>Longest a read link lives.</summary>
    public static readonly TimeSpan MaxLinkLifetime = TimeSpan.FromMinutes(15);

    // Tolerates a few minutes of clock difference between this app and the storage service.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public BlobContainerClient Container => service.GetBlobContainerClient(names.EvidenceContainer);

    public static string PathOf(string supplierId, string attestationId, string fileName) => $"{supplierId}/{attestationId}/{fileName}";

    private static string PathOf(EvidenceLocation location) => PathOf(location.SupplierId, location.AttestationId, location.FileName);

    /// <summary>
    /// Uploads the file only if nothing has that name yet (If-None-Match: *). Returns the new blob's ETag, or null
    /// when a blob of that name exists (it is left untouched).
    /// </summary>
    public async Task<string?> CreateAsync(string path, Stream content, string contentType, CancellationToken ct)
    {
        try
        {
            var response = await Container.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, ct);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Deletes the blob if it is still the version we wrote (<paramref name="etag"/>), so we never remove someone else's.</summary>
    public async Task DeleteAsync(string path, string etag, CancellationToken ct)
    {
        try
        {
            await Container.GetBlobClient(path).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots,
                new BlobRequestConditions { IfMatch = new ETag(etag) }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Replaced since we wrote it: it is not ours to delete.
        }
    }

    /// <summary>
    /// A read-only SAS link to the blob, valid from now for <paramref name="lifetime"/> (at most 15 minutes), that
    /// downloads the file as an attachment. Signed with the account key when the client holds one (Azurite,
    /// connection strings), otherwise with a user-delegation key from Entra ID (managed identity in Azure; no keys).
    /// </summary>
    public async Task<EvidenceLink> ReadLinkAsync(string path, string contentType, TimeSpan lifetime, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expires = now + (lifetime > MaxLinkLifetime ? MaxLinkLifetime : lifetime);
        var blob = Container.GetBlobClient(path);
        var sas = ReadOnly(blob, now, expires, contentType);
        if (blob.CanGenerateSasUri)
        {
            return new EvidenceLink(blob.GenerateSasUri(sas), expires);
        }
        var key = await service.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expires) { StartsOn = now - ClockSkew }, ct);
        return new EvidenceLink(SignWithDelegationKey(blob.Uri, sas, key.Value, service.AccountName), expires);
    }

    /// <summary>The SAS a link carries: read only, this one blob, HTTPS only outside local development.</summary>
    public static BlobSasBuilder ReadOnly(BlobClient blob, DateTimeOffset now, DateTimeOffset expires, string contentType)
    {
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentType = contentType,
            ContentDisposition = "attachment; filename=\"" + Path.GetFileName(blob.Name) + "\"",
        };
        return sas;
    }

    /// <summary>Signs <paramref name="sas"/> with a user-delegation key and appends it to the blob's address.</summary>
    public static Uri SignWithDelegationKey(Uri blobUri, BlobSasBuilder sas, UserDelegationKey key, string accountName) =>
        new BlobUriBuilder(blobUri) { Sas = sas.ToSasQueryParameters(key, accountName) }.ToUri();
}
