namespace Marketplace.Functions.Problems;

/// <summary>
/// Every problem type the API answers with (RFC 9457). The code is the last segment of <c>type</c> and is also
/// sent as <c>code</c>; codes are part of the contract and are never renamed.
/// </summary>
public static class Problems
{
    public const string BaseUri = "https://telecare-marketplace.example/problems/";

    public const string ValidationFailed = "validation-failed";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string Conflict = "conflict";
    public const string LengthRequired = "length-required";
    public const string StaleEtag = "stale-etag";
    public const string PayloadTooLarge = "payload-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string PreconditionRequired = "precondition-required";
    public const string DependencyUnavailable = "dependency-unavailable";
    public const string InternalError = "internal-error";
    public const string InvalidTransition = "invalid-transition";
    public const string EvidenceRequired = "evidence-required";

    public static string TypeOf(string code) => BaseUri + code;

    /// <summary>The default code for a bare status (unknown route, failed challenge, …).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => ValidationFailed,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        411 => LengthRequired,
        412 => StaleEtag,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        428 => PreconditionRequired,
        503 => DependencyUnavailable,
        _ when status >= 500 => InternalError,
        _ => ValidationFailed,
    };
}
