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
}
