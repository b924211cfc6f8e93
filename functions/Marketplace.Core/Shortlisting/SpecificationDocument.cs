namespace Marketplace.Core.Shortlisting;

/// <summary>
/// A commissioner's stored specification: the <see cref="SpecificationDraft"/> it wrote plus the fields the server
/// owns (id, owner, when and by whom it changed). Only the owning commissioner organisation reads or changes it.
/// </summary>
public sealed record SpecificationDocument : SpecificationDraft
{
    /// <summary>The fields a client may send back unchanged with a PUT, but never change (JSON names).</summary>
    public static readonly IReadOnlyList<string> ServerOwnedFields = ["id", "commissionerId", "createdAt", "createdBy", "updatedAt", "updatedBy"];

    /// <summary>Specification id, e.g. <c>spec-3f2a…</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The commissioner organisation that owns it.</summary>
    public required string CommissionerId { get; init; }
    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>User id of its author.</summary>
    public string CreatedBy { get; init; } = "";
    /// <summary>When it last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>User id of who last changed it.</summary>
    public string UpdatedBy { get; init; } = "";

    /// <summary>The draft stored as <paramref name="id"/> for <paramref name="commissionerId"/>, its title trimmed.</summary>
    public static SpecificationDocument From(SpecificationDraft draft, string id, string commissionerId, DateTimeOffset createdAt, string createdBy,
        DateTimeOffset now, string userId) => new(draft, id, commissionerId)
    {
        Title = draft.Title.Trim(),
        CreatedAt = createdAt,
        CreatedBy = createdBy,
        UpdatedAt = now,
        UpdatedBy = userId,
    };

    /// <summary>An empty document to fill in (deserialisation, tests).</summary>
    public SpecificationDocument()
    {
    }

    // Copies the draft's fields through the record copy constructor instead of naming each again.
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private SpecificationDocument(SpecificationDraft draft, string id, string commissionerId) : base(draft) =>
        (Id, CommissionerId) = (id, commissionerId);
}
