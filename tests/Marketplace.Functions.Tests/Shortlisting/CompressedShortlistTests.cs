using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Marketplace.Testing;
using System.Text.Json;
using Marketplace.Core.Access;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>A shortlist's answer (over a megabyte of explained exclusions at scale) is compressed for clients that ask, and reads back the same.</summary>
public sealed class CompressedShortlistTests(ShortlistingApp fixture) : IClassFixture<ShortlistingApp>
{
    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task A_client_asking_for_compression_reads_the_same_shortlist_as_one_that_does_not(string acceptEncoding, string expected)
    {
        using var commissioner = await fixture.App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var (created, _) = await ShortlistAsync(commissioner, specification.GetProperty("id").GetString()!);
        var path = $"/api/shortlists/{created.GetProperty("id").GetString()}";

        using var plain = await commissioner.GetAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var compressed = await commissioner.SendAsync(request);
        var packed = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([expected], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var plainText = await plain.Content.ReadAsStringAsync();
        Assert.True(packed.Length < plainText.Length / 4, $"{packed.Length:N0} bytes compressed of {plainText.Length:N0}");
        Assert.Equal(plainText, Unpack(packed, expected));
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
    }

    [Fact]
    public async Task A_created_shortlist_is_answered_compressed_and_a_problem_stays_plain()
    {
        using var commissioner = await fixture.App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var id = specification.GetProperty("id").GetString()!;

        using var create = new HttpRequestMessage(HttpMethod.Post, $"/api/specifications/{id}/shortlist");
        create.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var created = await commissioner.SendAsync(create);
        using var invalid = new HttpRequestMessage(HttpMethod.Post, $"/api/specifications/{id}/shortlist?maxResults=0");
        invalid.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var refused = await commissioner.SendAsync(invalid);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["br"], created.Content.Headers.ContentEncoding);
        var shortlist = JsonDocument.Parse(Unpack(await created.Content.ReadAsByteArrayAsync(), "br")).RootElement;
        Assert.Equal(id, shortlist.GetProperty("specificationId").GetString());
        Assert.NotEmpty(Entries(shortlist));
        Assert.Equal(shortlist.GetProperty("counts").GetProperty("excluded").GetInt32(), Exclusions(shortlist).Count());
        Assert.Empty(refused.Content.Headers.ContentEncoding);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "validation-failed");
    }

    private static string Unpack(byte[] packed, string encoding)
    {
        using var input = new MemoryStream(packed);
        using Stream unpacking = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(unpacking);
        return reader.ReadToEnd();
    }
}
