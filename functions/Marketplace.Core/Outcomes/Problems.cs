namespace Marketplace.Core.Outcomes;

/// <summary>
/// Every problem type the API answers with (RFC 9457); a <see cref="Failure"/> carries one. The code is the last segment of <c>type</c> and is also
/// sent as <c>code</c>; codes are part of the contract and are never renamed.
/// </summary>
public static class Problems
{
    /// <summary>Prefix of every problem type URI.</summary>
    public const string BaseUri = "https://telecare-marketplace.example/problems/";

    /// <summary>400: fields at fault.</summary>
    public const string ValidationFailed = "validation-failed";
    /// <summary>401: no valid sign-in.</summary>
    public const string Unauthenticated = "unauthenticated";
    /// <summary>403: not allowed for this caller.</summary>
    public const string Forbidden = "forbidden";
    /// <summary>404: no such resource or route.</summary>
    public const string NotFound = "not-found";
    /// <summary>405.</summary>
    public const string MethodNotAllowed = "method-not-allowed";
    /// <summary>409: the state does not allow it.</summary>
    public const string Conflict = "conflict";
    /// <summary>411: an upload without Content-Length.</summary>
    public const string LengthRequired = "length-required";
    /// <summary>412: changed since read.</summary>
    public const string StaleEtag = "stale-etag";
    /// <summary>413.</summary>
    public const string PayloadTooLarge = "payload-too-large";
    /// <summary>415.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";
    /// <summary>428: If-Match missing.</summary>
    public const string PreconditionRequired = "precondition-required";
    /// <summary>503: storage or search unavailable; retry.</summary>
    public const string DependencyUnavailable = "dependency-unavailable";
    /// <summary>429: too many requests from one client; wait as Retry-After says.</summary>
    public const string TooManyRequests = "too-many-requests";
    /// <summary>503: too much of this work is already running or waiting; retry as Retry-After says.</summary>
    public const string Busy = "busy";
    /// <summary>500.</summary>
    public const string InternalError = "internal-error";
    /// <summary>409: not an allowed workflow step from the current status.</summary>
    public const string InvalidTransition = "invalid-transition";
    /// <summary>409: the standard needs evidence before submission.</summary>
    public const string EvidenceRequired = "evidence-required";
    /// <summary>409: the evidence file has not been cleared by the malware scan yet.</summary>
    public const string EvidenceBeingScanned = "evidence-being-scanned";
    /// <summary>409: the malware scan found a threat in the evidence file (or could not scan it); it is never served.</summary>
    public const string EvidenceBlocked = "evidence-blocked";

    /// <summary>The RFC 9457 <c>type</c> URI of a code.</summary>
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
        429 => TooManyRequests,
        503 => DependencyUnavailable,
        _ when status >= 500 => InternalError,
        _ => ValidationFailed,
    };
}
