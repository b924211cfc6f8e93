using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Functions.Tests.Pages;

/// <summary>Posts a page's form as a browser would: opened first, sent back with the page's own antiforgery token and ETag (when it has one).</summary>
internal static partial class PageFormPosts
{
    public static async Task<HttpResponseMessage> PostFromAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token().Match(html).Groups[1].Value), new("etag", WebUtility.HtmlDecode(ETag().Match(html).Groups[1].Value)),
             .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    /// <summary>The antiforgery token of a page's forms (to post one later, as a browser left open would).</summary>
    public static string TokenIn(string html) => Token().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"etag\" value=\"([^\"]*)\"")]
    private static partial Regex ETag();
}
