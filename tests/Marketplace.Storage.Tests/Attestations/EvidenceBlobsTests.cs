using System.Web;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Data.Tables;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Storage.Tests.Attestations;

/// <summary>Evidence blobs on a real Azurite: create-only uploads, careful deletes and short read-only links.</summary>
public sealed class EvidenceBlobsTests
{
    private static async Task<(EvidenceBlobs Blobs, BlobServiceClient Service)> ConnectAsync()
    {
        var azurite = await Azurite.Shared;
        var names = new StorageNames(UniqueNames.Prefix());
        var service = new BlobServiceClient(azurite.ConnectionString);
        await new StorageProvisioner(new TableServiceClient(azurite.ConnectionString), service, new QueueServiceClient(azurite.ConnectionString), names,
            NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
        return (new EvidenceBlobs(service, names, TimeProvider.System), service);
    }

    [Fact]
    public async Task The_scan_result_is_read_from_Defenders_index_tag_and_with_scanning_off_every_file_is_clean()
    {
        var (blobs, service) = await ConnectAsync();
        var location = new Marketplace.Core.Attestations.EvidenceLocation("downs-careline-systems", "att-scan", "cert.pdf");
        await blobs.CreateAsync(EvidenceBlobs.PathOf(location.SupplierId, location.AttestationId, location.FileName), Bytes("%PDF-x"), "application/pdf", CancellationToken.None);
        Marketplace.Core.Attestations.IEvidenceFiles files = blobs;
        var blob = blobs.Container.GetBlobClient(EvidenceBlobs.PathOf(location.SupplierId, location.AttestationId, location.FileName));

        Assert.Equal(Marketplace.Core.Attestations.EvidenceScan.Pending, await files.ScanAsync(location, CancellationToken.None));
        await blob.SetTagsAsync(new Dictionary<string, string> { [EvidenceBlobs.ScanResultTag] = EvidenceBlobs.MaliciousResult });
        Assert.Equal(Marketplace.Core.Attestations.EvidenceScan.Malicious, await files.ScanAsync(location, CancellationToken.None));
        await blob.SetTagsAsync(new Dictionary<string, string> { [EvidenceBlobs.ScanResultTag] = "Not scanned" });
        Assert.Equal(Marketplace.Core.Attestations.EvidenceScan.Unscannable, await files.ScanAsync(location, CancellationToken.None));
        await blob.SetTagsAsync(new Dictionary<string, string> { [EvidenceBlobs.ScanResultTag] = EvidenceBlobs.NoThreatsFound });
        Assert.Equal(Marketplace.Core.Attestations.EvidenceScan.Clean, await files.ScanAsync(location, CancellationToken.None));

        Marketplace.Core.Attestations.IEvidenceFiles unscanned = new EvidenceBlobs(service, new StorageNames(UniqueNames.Prefix()), TimeProvider.System,
            new EvidenceScanningOptions { MalwareScanning = false });
        Assert.Equal(Marketplace.Core.Attestations.EvidenceScan.Clean, await unscanned.ScanAsync(location with { AttestationId = "never-uploaded" }, CancellationToken.None));
    }

    private static MemoryStream Bytes(string text) => new(System.Text.Encoding.ASCII.GetBytes(text));

    [Fact]
    public async Task A_name_is_written_once_and_never_overwritten()
    {
        var (blobs, _) = await ConnectAsync();
        var path = EvidenceBlobs.PathOf("downs-careline-systems", "att-1", "cert.pdf");

        var first = await blobs.CreateAsync(path, Bytes("%PDF-first"), "application/pdf", CancellationToken.None);
        var second = await blobs.CreateAsync(path, Bytes("%PDF-second"), "application/pdf", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        var stored = await blobs.Container.GetBlobClient(path).DownloadContentAsync();
        Assert.Equal("%PDF-first", stored.Value.Content.ToString());
        Assert.Equal("application/pdf", stored.Value.Details.ContentType);
    }

    [Fact]
    public async Task A_delete_removes_only_the_version_we_wrote()
    {
        var (blobs, _) = await ConnectAsync();
        var path = EvidenceBlobs.PathOf("downs-careline-systems", "att-2", "cert.pdf");
        var ours = (await blobs.CreateAsync(path, Bytes("%PDF-ours"), "application/pdf", CancellationToken.None))!;
        await blobs.Container.GetBlobClient(path).UploadAsync(Bytes("%PDF-theirs"), overwrite: true);

        await blobs.DeleteAsync(path, ours, CancellationToken.None);
        Assert.True((await blobs.Container.GetBlobClient(path).ExistsAsync()).Value);

        var theirs = (await blobs.Container.GetBlobClient(path).GetPropertiesAsync()).Value.ETag.ToString();
        await blobs.DeleteAsync(path, theirs, CancellationToken.None);
        Assert.False((await blobs.Container.GetBlobClient(path).ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_read_link_downloads_the_file_read_only_and_lives_at_most_15_minutes()
    {
        var (blobs, _) = await ConnectAsync();
        var path = EvidenceBlobs.PathOf("downs-careline-systems", "att-3", "cert.pdf");
        await blobs.CreateAsync(path, Bytes("%PDF-linked"), "application/pdf", CancellationToken.None);
        var before = DateTimeOffset.UtcNow;

        var link = await blobs.ReadLinkAsync(path, "application/pdf", TimeSpan.FromHours(2), CancellationToken.None);

        Assert.InRange(link.ExpiresOn, before, DateTimeOffset.UtcNow + TimeSpan.FromMinutes(15));
        var query = HttpUtility.ParseQueryString(link.Url.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        using var http = new HttpClient();
        var download = await http.GetAsync(link.Url);
        Assert.Equal("%PDF-linked", await download.Content.ReadAsStringAsync());
        Assert.StartsWith("attachment", download.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        var write = new Azure.Storage.Blobs.BlobClient(link.Url);
        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => write.UploadAsync(Bytes("%PDF-overwritten"), overwrite: true));
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public void Without_an_account_key_the_link_is_signed_with_a_user_delegation_key()
    {
        var blob = new BlobClient(new Uri("https://stexample.blob.core.windows.net/evidence/downs-careline-systems/att-1/cert.pdf"));
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var key = BlobsModelFactory.UserDelegationKey("object-id", "tenant-id", now.AddMinutes(-5), now.AddMinutes(15), "b", "2025-01-05",
            Convert.ToBase64String(new byte[32]));

        Assert.False(blob.CanGenerateSasUri);
        var url = EvidenceBlobs.SignWithDelegationKey(blob.Uri, EvidenceBlobs.ReadOnly(blob, now, now.AddMinutes(15), "application/pdf"), key, "stexample");

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("object-id", query["skoid"]);
        Assert.Equal("tenant-id", query["sktid"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("2026-11-23T09:15:00Z", query["se"]);
        Assert.False(string.IsNullOrEmpty(query["sig"]));
    }
}
