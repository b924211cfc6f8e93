namespace Marketplace.Core.Outcomes;

/// <summary>Why a use case refused, in the terms both the API (a status code) and the pages (a message) need.</summary>
public enum FailureKind
{
    /// <summary>A value at fault, named by field (400).</summary>
    Invalid,
    /// <summary>The caller may not do this to this resource (403).</summary>
    Forbidden,
    /// <summary>No such resource (404).</summary>
    NotFound,
    /// <summary>The resource's state does not allow it (409).</summary>
    Conflict,
    /// <summary>A change came without the version it was based on (428).</summary>
    PreconditionRequired,
    /// <summary>The resource changed since the caller read it (412).</summary>
    Stale,
    /// <summary>An upload without a declared length (411).</summary>
    LengthRequired,
    /// <summary>An upload over the size limit (413).</summary>
    TooLarge,
    /// <summary>Content of a kind that is not accepted (415).</summary>
    UnsupportedMediaType,
}

/// <summary>
/// A typed refusal: its kind, the stable problem code (<see cref="Problems"/>), a title and a detail for people,
/// the fields at fault (for <see cref="FailureKind.Invalid"/>) and any further members the answer carries.
/// </summary>
public sealed record Failure(FailureKind Kind, string Code, string Title, string Detail)
{
    /// <summary>Field (JSON path) → messages; empty unless <see cref="Kind"/> is <see cref="FailureKind.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Further members of the answer (e.g. <c>currentStatus</c>, <c>allowedActions</c>).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>No resource of this kind has the id.</summary>
    public static Failure NotFound(string what, string id) =>
        new(FailureKind.NotFound, Problems.NotFound, $"No such {what}.", $"There is no {what} '{id}'.");

    /// <summary>The caller's organisation or role does not allow it.</summary>
    public static Failure Forbidden(string title, string detail) => new(FailureKind.Forbidden, Problems.Forbidden, title, detail);

    /// <summary>The resource's state does not allow it; <paramref name="code"/> says which rule.</summary>
    public static Failure Conflict(string title, string detail, string code = Problems.Conflict, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(FailureKind.Conflict, code, title, detail) { Extensions = extensions ?? new Dictionary<string, object?>() };

    /// <summary>Fields at fault: field (JSON path) → messages.</summary>
    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(FailureKind.Invalid, Problems.ValidationFailed, "The request has invalid fields.",
            detail ?? string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))) { Errors = errors };

    /// <summary>One field at fault.</summary>
    public static Failure Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A change sent without If-Match: a blind overwrite could lose someone's edit.</summary>
    public static Failure PreconditionRequired() => new(FailureKind.PreconditionRequired, Problems.PreconditionRequired, "If-Match is required.",
        "Send the ETag from your last GET in an If-Match header, so that nobody's changes are overwritten unseen.");

    /// <summary>The version the change was based on is no longer current.</summary>
    public static Failure Stale() => new(FailureKind.Stale, Problems.StaleEtag, "The record has changed since you read it.",
        "Someone changed it after your GET. Read it again, reapply your change and send the new ETag.");
}
