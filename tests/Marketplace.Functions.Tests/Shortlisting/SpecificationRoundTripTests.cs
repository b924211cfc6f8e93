using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Core.Access;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>A specification read with GET can be sent back with PUT as it is; the server's own fields may come back but not change.</summary>
public sealed class SpecificationRoundTripTests(ShortlistingApp fixture) : IClassFixture<ShortlistingApp>
{
    private MarketplaceApp App => fixture.App;

    private static HttpRequestMessage Put(string id, JsonNode body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/specifications/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }

    [Fact]
    public async Task A_specification_read_with_GET_is_accepted_back_unchanged_by_PUT()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (created, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var id = created.GetProperty("id").GetString()!;
        var read = await commissioner.GetAsync($"/api/specifications/{id}");
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        body["budgetGbp"] = null; // an optional field sent as null counts as absent

        var replaced = await commissioner.SendAsync(Put(id, body, read.Headers.ETag!.ToString()));

        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var stored = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, stored.GetProperty("id").GetString());
        Assert.Equal(Commissioner, stored.GetProperty("commissionerId").GetString());
        Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset(), stored.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(created.GetProperty("weights").GetRawText(), stored.GetProperty("weights").GetRawText());
    }

    [Fact]
    public async Task A_changed_server_owned_field_is_refused_by_name_and_nothing_is_stored()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (created, _) = await CreateSpecificationAsync(commissioner, TelehealthBody());
        var id = created.GetProperty("id").GetString()!;
        var read = await commissioner.GetAsync($"/api/specifications/{id}");
        var etag = read.Headers.ETag!.ToString();
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        body["commissionerId"] = OtherCommissioner;
        body["createdBy"] = "someone-else";
        body["title"] = "Renamed while taking it over";

        var refused = await commissioner.SendAsync(Put(id, body, etag));

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("commissionerId", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("createdBy", out _), errors.GetRawText());
        var after = await commissioner.GetAsync($"/api/specifications/{id}");
        Assert.Equal(etag, after.Headers.ETag!.ToString());
        Assert.Equal(created.GetProperty("title").GetString(), (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
