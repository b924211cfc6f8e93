using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>The HTTP calls a commissioner makes, as a test reads them.</summary>
internal static class ShortlistCalls
{
    public const string Commissioner = "nhs-mersey-vale-icb";
    public const string OtherCommissioner = "nhs-trent-valley-icb";

    /// <summary>A telehealth specification for the North West; <paramref name="change"/> edits the body first.</summary>
    public static Dictionary<string, object?> TelehealthBody(Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = "COPD and heart failure remote monitoring",
            ["templateId"] = "telehealth-remote-monitoring",
            ["templateVersion"] = 4,
            ["lotId"] = "ttc-2026-lot-3",
            ["region"] = "north-west",
            ["volume"] = 400,
            ["contractMonths"] = 36,
            ["budgetGbp"] = 250000,
            ["weights"] = new Dictionary<string, int> { ["price"] = 30 },
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<(JsonElement Body, string ETag)> CreateSpecificationAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/specifications", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement, response.Headers.ETag!.ToString());
    }

    public static async Task<(JsonElement Body, string ETag)> ShortlistAsync(HttpClient client, string specificationId, int? maxResults = null)
    {
        var response = await client.PostAsync($"/api/specifications/{specificationId}/shortlist{(maxResults is { } m ? $"?maxResults={m}" : "")}", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement, response.Headers.ETag!.ToString());
    }

    public static async Task<HttpResponseMessage> PostWithIfMatchAsync(HttpClient client, string path, string etag, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await client.SendAsync(request);
    }

    public static async Task<(JsonElement Body, string ETag)> LockAsync(HttpClient client, string shortlistId, string etag)
    {
        var response = await PostWithIfMatchAsync(client, $"/api/shortlists/{shortlistId}/lock", etag);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement, response.Headers.ETag!.ToString());
    }

    /// <summary>An exclusion and debarment check with no supplier excluded and no conflict found, made today.</summary>
    public static object AwardChecksBody() => new
    {
        debarmentListChecked = true,
        checkedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        excludedSupplierIds = Array.Empty<string>(),
        conflictsDeclaration = "Evaluation panel: the digital lead and the clinical lead; neither holds an interest in any framework supplier.",
        conflictFound = false,
    };

    public static IEnumerable<JsonElement> Entries(JsonElement shortlist) => shortlist.GetProperty("result").GetProperty("entries").EnumerateArray();

    public static IEnumerable<JsonElement> Exclusions(JsonElement shortlist) => shortlist.GetProperty("result").GetProperty("exclusions").EnumerateArray();
}
