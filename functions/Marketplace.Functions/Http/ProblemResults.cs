using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Http;

/// <summary>Typed problem answers for handlers; the type URI and correlation id are added centrally.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        // RFC 9457 members are not extensions: an extension named like one would overwrite it on the wire.
        if (all.Keys.FirstOrDefault(k => k is "type" or "title" or "status" or "detail" or "instance") is { } clash)
        {
            throw new ArgumentException($"'{clash}' is a problem details member, not an extension.", nameof(extensions));
        }
        return TypedResults.Problem(detail, statusCode: status, title: title, type: Problems.TypeOf(code), extensions: all);
    }

    /// <summary>400 naming every field at fault, as <c>errors</c>: field (JSON path) → messages.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Of(400, Problems.ValidationFailed, "The request has invalid fields.",
            detail ?? string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            new Dictionary<string, object?> { ["errors"] = errors });
}
