using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Tests.Attestations;

/// <summary>The attestation API as the tests call it, with real tokens for each role.</summary>
internal sealed class AttestationCalls(MarketplaceApp app)
{
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public Task<HttpClient> SupplierAsync(string supplier) => app.ClientForAsync(MarketplaceRole.Supplier, supplier);

    public Task<HttpClient> AssociationAsync(string association) => app.ClientForAsync(MarketplaceRole.Association, association);

    public Task<HttpClient> CertifierAsync(string certifier) => app.ClientForAsync(MarketplaceRole.Certifier, certifier);

    public async Task<(Attestation Attestation, string ETag)> CreateAsync(string supplier, string standardCode, string? offeringId, string certificate = "CERT-2026-001",
        string? certifierId = null, string? productRelease = null, string? clinicalSafetyOfficer = null, string? testedBy = null)
    {
        using var client = await SupplierAsync(supplier);
        // Register-route standards need the register's reference; any well-formed one does here.
        var registerReference = Marketplace.Core.Registers.PublicRegisters.ForStandard(standardCode)?.ReferenceExample;
        var response = await client.PostAsJsonAsync("/api/attestations", new
        {
            standardCode, offeringId, certificateNumber = certificate, issuedOn = "2026-10-01", certifierId, productRelease, clinicalSafetyOfficer, testedBy,
            registerReference,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ReadAsync(response), response.Headers.ETag!.ToString());
    }

    public static HttpRequestMessage Upload(string id, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/attestations/{id}/evidence/{Uri.EscapeDataString(fileName)}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return request;
    }

    public async Task<HttpResponseMessage> UploadAsync(string supplier, string id, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        using var client = await SupplierAsync(supplier);
        return await client.SendAsync(Upload(id, fileName, bytes, contentType));
    }

    public static HttpRequestMessage Act(string id, string action, string? etag, string? reason = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/attestations/{id}/{action}");
        if (reason is not null)
        {
            request.Content = JsonContent.Create(new { reason });
        }
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return request;
    }

    public async Task<(Attestation Attestation, string ETag)> GetAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/attestations/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await ReadAsync(response), response.Headers.ETag!.ToString());
    }

    public async Task<string> ETagAsync(string id)
    {
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        return (await GetAsync(admin, id)).ETag;
    }

    public async Task<JsonElement> HistoryAsync(string id)
    {
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        var response = await admin.GetAsync($"/api/attestations/{id}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("events");
    }

    public static async Task<Attestation> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Attestation>(JsonSerializerOptions.Web))!;
}

/// <summary>A body sent without a Content-Length (chunked).</summary>
internal sealed class UnknownLengthContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
