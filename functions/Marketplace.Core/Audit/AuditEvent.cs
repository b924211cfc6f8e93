using Marketplace.Core.Access;

namespace Marketplace.Core.Audit;

/// <summary>
/// One append-only audit record: who did what to which object, when, and how its state moved. Generic over the
/// object (attestations, memberships, shortlists …), so every history reads the same way.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>Unique event id; writing the same event twice stores it once.</summary>
    public required string Id { get; init; }
    /// <summary>What kind of object, e.g. <c>attestation</c>.</summary>
    public required string SubjectKind { get; init; }
    /// <summary>The object's id.</summary>
    public required string SubjectId { get; init; }
    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>What was done, e.g. <c>create</c>, <c>submit</c>, <c>upload-evidence</c>, <c>expire</c>.</summary>
    public required string Action { get; init; }
    /// <summary>User id of the actor (for the app itself, the job's name).</summary>
    public required string ActorUserId { get; init; }
    /// <summary>Organisation the actor acted for; null for an Admin or the app itself.</summary>
    public string? ActorOrganisationId { get; init; }
    /// <summary>Role the actor acted in (an app role name, or <c>System</c>).</summary>
    public required string ActorRole { get; init; }
    /// <summary>State before; null when the object was created.</summary>
    public string? From { get; init; }
    /// <summary>State after; null when the object was removed.</summary>
    public string? To { get; init; }
    /// <summary>Why (rejections, revocations).</summary>
    public string? Reason { get; init; }
    /// <summary>SHA-256 (lower-case hex) of any file the event concerns.</summary>
    public IReadOnlyList<string> EvidenceSha256 { get; init; } = [];
    /// <summary>Anything else worth keeping, in words (e.g. a file name).</summary>
    public string? Detail { get; init; }

    /// <summary>An event by <paramref name="actor"/>, acting as <paramref name="role"/>, at <paramref name="at"/> (an Admin acts for no organisation).</summary>
    public static AuditEvent By(Actor actor, MarketplaceRole role, string subjectKind, string subjectId, string action, string? from, string? to, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        SubjectKind = subjectKind,
        SubjectId = subjectId,
        At = at,
        Action = action,
        ActorUserId = actor.UserId,
        ActorOrganisationId = role == MarketplaceRole.Admin ? null : actor.OrganisationId,
        ActorRole = role.ToString(),
        From = from,
        To = to,
    };
}

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Appends the event; appending an event with the same id again changes nothing.</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken ct);

    /// <summary>Every event of one object, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAsync(string subjectKind, string subjectId, CancellationToken ct);
}
