namespace Marketplace.Core.Outcomes;

/// <summary>Optimistic concurrency: every change names the version (ETag) it was based on.</summary>
public static class Precondition
{
    /// <summary>
    /// The version a change is based on, or <see cref="Failure.PreconditionRequired"/> when none was sent
    /// (<c>*</c> is refused too: only system jobs may overwrite blindly).
    /// </summary>
    public static Outcome<string> Require(string? ifMatch) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch == "*" ? Failure.PreconditionRequired() : ifMatch;

    /// <summary>
    /// The version a change is based on, checked against the stored one before any rule is applied: 428 when none was
    /// sent, 412 when it is not the current version (someone changed it since, or the value is not a version at all).
    /// The conditional write still refuses a change that loses a race after this check.
    /// </summary>
    public static Outcome<string> Require(string? ifMatch, string current)
    {
        var sent = Require(ifMatch);
        return !sent.Succeeded || string.Equals(sent.Value, current, StringComparison.Ordinal) ? sent : Failure.Stale();
    }
}
