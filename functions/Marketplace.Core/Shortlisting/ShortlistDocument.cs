namespace Marketplace.Core.Shortlisting;

/// <summary>Where a shortlist is in its life: a draft can be locked; a locked one can get one outcome.</summary>
public static class ShortlistStatus
{
    /// <summary>Scored, not yet locked: a point-in-time result the commissioner can discard or lock.</summary>
    public const string Draft = "draft";
    /// <summary>Locked: immutable and hashed; an outcome can be recorded once.</summary>
    public const string Locked = "locked";
}

/// <summary>
/// A stored shortlist: the result of scoring one specification at one moment (the ranked entries, cut to
/// <see cref="MaxResults"/>, and the exclusions of offerings in the lot), the inputs it was scored from
/// (<see cref="Snapshot"/>), and once locked its hash and, later, its call-off outcome.
/// </summary>
public sealed record ShortlistDocument
{
    /// <summary>Shortlist id.</summary>
    public required string Id { get; init; }
    /// <summary>The specification it scored.</summary>
    public required string SpecificationId { get; init; }
    /// <summary>The owning commissioner organisation.</summary>
    public required string CommissionerId { get; init; }
    /// <summary>The specification's title when scored.</summary>
    public required string Title { get; init; }
    /// <summary><see cref="ShortlistStatus.Draft"/> or <see cref="ShortlistStatus.Locked"/>.</summary>
    public required string Status { get; init; }
    /// <summary>How many ranked entries were kept (1–50).</summary>
    public required int MaxResults { get; init; }
    /// <summary>When it was scored (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>User id of who asked for it.</summary>
    public required string CreatedBy { get; init; }
    /// <summary>Template name, framework reference and lot, for display and exports.</summary>
    public required ShortlistContext Context { get; init; }
    /// <summary>The ranked entries (at most <see cref="MaxResults"/>) and the exclusions of offerings in the lot.</summary>
    public required Shortlist Result { get; init; }
    /// <summary>How many offerings were considered, eligible, listed and excluded.</summary>
    public required ShortlistCounts Counts { get; init; }
    /// <summary>Exactly what the listed entries were scored from; re-scoring it reproduces them.</summary>
    public required ShortlistSnapshot Snapshot { get; init; }
    /// <summary>Claimed equivalents that would change this shortlist, pending or decided by the owning commissioner.</summary>
    public IReadOnlyList<ShortlistEquivalent> Equivalents { get; init; } = [];
    /// <summary>Set when locked.</summary>
    public ShortlistLock? Lock { get; init; }
    /// <summary>The exclusion and debarment check and the conflicts declaration, recorded after locking and before any award decision.</summary>
    public CallOffs.AwardChecks? Checks { get; init; }
    /// <summary>Set once, after locking, when the call-off ends.</summary>
    public CallOffOutcome? Outcome { get; init; }
}

/// <summary>Names that explain a shortlist without reading other records.</summary>
/// <param name="TemplateName">The template's name.</param>
/// <param name="FrameworkId">Framework id.</param>
/// <param name="FrameworkReference">Framework reference, e.g. <c>TTC-2026</c>.</param>
/// <param name="FrameworkName">Framework name.</param>
/// <param name="LotName">The lot's name.</param>
/// <param name="CommissionerName">The commissioner organisation's name.</param>
public sealed record ShortlistContext(string TemplateName, string FrameworkId, string FrameworkReference, string FrameworkName, string LotName, string CommissionerName);

/// <summary>The shortlist's funnel.</summary>
/// <param name="Considered">Active offerings scored.</param>
/// <param name="NotInLot">Of those, offerings not offered in the lot (counted, not listed).</param>
/// <param name="Excluded">Offerings in the lot left out (listed in the exclusions).</param>
/// <param name="Eligible">Offerings that passed every gate.</param>
/// <param name="Listed">Eligible offerings kept in the shortlist (≤ max results).</param>
public sealed record ShortlistCounts(int Considered, int NotInLot, int Excluded, int Eligible, int Listed);

/// <summary>A lock: when, by whom, and the SHA-256 (lower-case hex) of the canonical JSON of the snapshot and the entries.</summary>
public sealed record ShortlistLock(DateTimeOffset LockedAt, string LockedBy, string Sha256);
