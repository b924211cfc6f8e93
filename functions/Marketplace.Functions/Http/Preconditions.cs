using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Http;

/// <summary>Optimistic concurrency over HTTP: GET sends ETag; updates and deletes must send it back as If-Match.</summary>
public static class Preconditions
{
    /// <summary>The If-Match value, or a 428 problem when it is missing (a blind overwrite could lose someone's edit).</summary>
    public static bool TryGetIfMatch(HttpRequest request, out string etag, out ProblemHttpResult? problem) =>
        TryGetIfMatch(request.Headers.IfMatch.ToString(), out etag, out problem);

    /// <summary>The same check for an ETag a web form sent back in a hidden field.</summary>
    public static bool TryGetIfMatch(string? ifMatch, out string etag, out ProblemHttpResult? problem)
    {
        etag = ifMatch ?? "";
        if (string.IsNullOrWhiteSpace(etag) || etag == "*")
        {
            problem = ProblemResults.Of(428, Problems.PreconditionRequired, "If-Match is required.",
                "Send the ETag from your last GET in an If-Match header, so that nobody's changes are overwritten unseen.");
            return false;
        }
        problem = null;
        return true;
    }

    public static ProblemHttpResult Stale() => ProblemResults.Of(412, Problems.StaleEtag, "The record has changed since you read it.",
        "Someone changed it after your GET. Read it again, reapply your change and send the new ETag.");

    public static void SetETag(HttpResponse response, string etag) => response.Headers.ETag = etag;
}
