using Marketplace.Functions.Pages.Errors;
using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Functions.Pages;

/// <summary>
/// Reads a page's form after checking its antiforgery token. Every POST page reads its form here, after deciding
/// whether the caller may act at all (so another organisation gets its 403 whatever it sends).
/// </summary>
internal static class PageForms
{
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, await PageErrors.ResultAsync(http, StatusCodes.Status415UnsupportedMediaType, "This page takes a web form.",
                "Send the form from the page itself."));
        }
        try
        {
            if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return (null, await PageErrors.ResultAsync(http, StatusCodes.Status400BadRequest, "The form has expired.",
                    "Go back, reload the page and try again. Nothing was changed."));
            }
            return (await http.Request.ReadFormAsync(http.RequestAborted), null);
        }
        catch (InvalidDataException unreadable)
        {
            // A malformed or oversized multipart body: the caller's mistake, never a 500.
            return (null, await PageErrors.ResultAsync(http, StatusCodes.Status400BadRequest, "The form could not be read.", unreadable.Message));
        }
    }

    public static string Text(this IFormCollection form, string name) => form[name].ToString().Trim();

    public static IReadOnlyList<string> Values(this IFormCollection form, string name) =>
        [.. form[name].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
