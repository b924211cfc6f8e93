using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Storage.Attestations;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Attestations;

/// <summary>Evidence uploads and read links over HTTP, with the evidence container listed to prove nothing partial stays.</summary>
public sealed class EvidenceUploadTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Supplier = "downs-careline-systems";
    private const string OtherSupplier = "pennine-careline-services";

    private MarketplaceApp App => seeded.App;
    private AttestationCalls Calls => new(App);

    private async Task<List<string>> BlobsOfAsync(string attestationId)
    {
        var container = App.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(App.Names.EvidenceContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{Supplier}/{attestationId}/" }))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    private async Task<Attestation> DraftAsync() => (await Calls.CreateAsync(Supplier, "CQC", null, "CQC-1-" + Guid.NewGuid().ToString("N")[..9])).Attestation;

    [Fact]
    public async Task A_pdf_is_stored_privately_with_its_hash_and_an_identical_reupload_changes_nothing()
    {
        var draft = await DraftAsync();

        var first = await Calls.UploadAsync(Supplier, draft.Id, "CQC registration (2026).pdf", AttestationCalls.Pdf);
        var again = await Calls.UploadAsync(Supplier, draft.Id, "CQC registration (2026).pdf", AttestationCalls.Pdf);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var file = (await first.Content.ReadFromJsonAsync<EvidenceFile>(JsonSerializerOptions.Web))!;
        Assert.Equal(new EvidenceFile("CQC-registration-2026.pdf", "application/pdf", AttestationCalls.Pdf.Length,
            Convert.ToHexStringLower(SHA256.HashData(AttestationCalls.Pdf))), file);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        using var supplier = await Calls.SupplierAsync(Supplier);
        Assert.Equal([file], (await Calls.GetAsync(supplier, draft.Id)).Attestation.Evidence);
        Assert.Equal([$"{Supplier}/{draft.Id}/CQC-registration-2026.pdf"], await BlobsOfAsync(draft.Id));
        Assert.Single((await Calls.HistoryAsync(draft.Id)).EnumerateArray(), e => e.GetProperty("action").GetString() == "upload-evidence");
    }

    [Fact]
    public async Task A_png_renamed_pdf_with_a_forged_content_type_is_stored_as_a_png()
    {
        var draft = await DraftAsync();

        var response = await Calls.UploadAsync(Supplier, draft.Id, "certificate.pdf", AttestationCalls.Png, contentType: "application/pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = (await response.Content.ReadFromJsonAsync<EvidenceFile>(JsonSerializerOptions.Web))!;
        Assert.Equal("certificate.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal($"/api/attestations/{draft.Id}/evidence/certificate.png", response.Headers.Location!.OriginalString);
        Assert.Equal([$"{Supplier}/{draft.Id}/certificate.png"], await BlobsOfAsync(draft.Id));
        var blob = App.Services.GetRequiredService<EvidenceBlobs>().Container.GetBlobClient($"{Supplier}/{draft.Id}/certificate.png");
        Assert.Equal("image/png", (await blob.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task A_25_MB_upload_is_refused_before_it_is_read_and_leaves_nothing()
    {
        var draft = await DraftAsync();
        var big = new byte[25 * 1024 * 1024];
        AttestationCalls.Pdf.CopyTo(big, 0);

        var response = await Calls.UploadAsync(Supplier, draft.Id, "big.pdf", big);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(20 * 1024 * 1024, problem.GetProperty("maxBytes").GetInt64());
        Assert.Empty(await BlobsOfAsync(draft.Id));
        using var supplier = await Calls.SupplierAsync(Supplier);
        Assert.Empty((await Calls.GetAsync(supplier, draft.Id)).Attestation.Evidence);
    }

    [Fact]
    public async Task A_file_of_exactly_20_MiB_is_accepted()
    {
        var draft = await DraftAsync();
        var largest = new byte[20 * 1024 * 1024];
        AttestationCalls.Pdf.CopyTo(largest, 0);

        var response = await Calls.UploadAsync(Supplier, draft.Id, "largest.pdf", largest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(largest.Length, (await response.Content.ReadFromJsonAsync<EvidenceFile>(JsonSerializerOptions.Web))!.SizeBytes);
    }

    [Fact]
    public async Task Refused_uploads_leave_no_blob_and_no_record()
    {
        var draft = await DraftAsync();
        using var supplier = await Calls.SupplierAsync(Supplier);

        await ProblemAssert.IsProblemAsync(await Calls.UploadAsync(Supplier, draft.Id, "macro.pdf", "PK\u0003\u0004word/document.xml"u8.ToArray()),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAssert.IsProblemAsync(await Calls.UploadAsync(Supplier, draft.Id, "empty.pdf", []), HttpStatusCode.BadRequest, "validation-failed");
        var traversal = await ProblemAssert.IsProblemAsync(await Calls.UploadAsync(Supplier, draft.Id, "../../other/att-1/x.pdf", AttestationCalls.Pdf),
            HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(traversal.GetProperty("errors").TryGetProperty("fileName", out _));
        await ProblemAssert.IsProblemAsync(await Calls.UploadAsync(Supplier, draft.Id, "tab\tname.pdf", AttestationCalls.Pdf), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await Calls.UploadAsync(Supplier, draft.Id, new string('a', 120) + ".pdf", AttestationCalls.Pdf), HttpStatusCode.BadRequest, "validation-failed");
        var chunked = AttestationCalls.Upload(draft.Id, "chunked.pdf", []);
        chunked.Content = new UnknownLengthContent(AttestationCalls.Pdf);
        chunked.Headers.TransferEncodingChunked = true;
        await ProblemAssert.IsProblemAsync(await supplier.SendAsync(chunked), HttpStatusCode.LengthRequired, "length-required");

        Assert.Empty(await BlobsOfAsync(draft.Id));
        Assert.Empty((await Calls.GetAsync(supplier, draft.Id)).Attestation.Evidence);
        Assert.DoesNotContain((await Calls.HistoryAsync(draft.Id)).EnumerateArray(), e => e.GetProperty("action").GetString() == "upload-evidence");
    }

    [Fact]
    public async Task Other_bytes_under_a_recorded_name_are_refused_and_the_first_file_stays()
    {
        var draft = await DraftAsync();
        await Calls.UploadAsync(Supplier, draft.Id, "cert.pdf", AttestationCalls.Pdf);

        var response = await Calls.UploadAsync(Supplier, draft.Id, "cert.pdf", [.. AttestationCalls.Pdf, .. "% changed\n"u8]);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        var stored = await App.Services.GetRequiredService<EvidenceBlobs>().Container.GetBlobClient($"{Supplier}/{draft.Id}/cert.pdf").DownloadContentAsync();
        Assert.Equal(AttestationCalls.Pdf, stored.Value.Content.ToArray());
    }

    [Fact]
    public async Task Another_supplier_can_neither_upload_nor_read_evidence_and_nothing_is_stored()
    {
        var draft = await DraftAsync();
        await Calls.UploadAsync(Supplier, draft.Id, "cert.pdf", AttestationCalls.Pdf);
        using var other = await Calls.SupplierAsync(OtherSupplier);

        await ProblemAssert.IsProblemAsync(await other.SendAsync(AttestationCalls.Upload(draft.Id, "mine.pdf", AttestationCalls.Pdf)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/attestations/{draft.Id}/evidence/cert.pdf"), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal([$"{Supplier}/{draft.Id}/cert.pdf"], await BlobsOfAsync(draft.Id));
    }

    [Fact]
    public async Task Evidence_is_added_only_to_a_draft()
    {
        var (draft, etag) = await Calls.CreateAsync(Supplier, "CQC", null, "CQC-1-submitted");
        using var supplier = await Calls.SupplierAsync(Supplier);
        Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag))).StatusCode);

        var response = await Calls.UploadAsync(Supplier, draft.Id, "late.pdf", AttestationCalls.Pdf);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal("submitted", problem.GetProperty("currentStatus").GetString());
        Assert.Empty(await BlobsOfAsync(draft.Id));
    }

    [Fact]
    public async Task A_read_link_is_short_lived_read_only_and_only_for_those_who_may_see_the_attestation()
    {
        var draft = await DraftAsync();
        await Calls.UploadAsync(Supplier, draft.Id, "registration.pdf", AttestationCalls.Pdf);
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb");
        using var member = await Calls.AssociationAsync("northern-health-technology-network");
        using var stranger = await Calls.AssociationAsync("abhi");
        var before = DateTimeOffset.UtcNow;

        var response = await commissioner.GetAsync($"/api/attestations/{draft.Id}/evidence/registration.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.InRange(link.GetProperty("expiresOn").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddMinutes(15));
        var url = new Uri(link.GetProperty("url").GetString()!);
        Assert.Contains("sp=r&", url.Query + "&", StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(AttestationCalls.Pdf, await http.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/attestations/{draft.Id}/evidence/registration.pdf")).StatusCode);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/attestations/{draft.Id}/evidence/registration.pdf"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await commissioner.GetAsync($"/api/attestations/{draft.Id}/evidence/other.pdf"), HttpStatusCode.NotFound, "not-found");
    }
}
