namespace Marketplace.Core.Access;

/// <summary>A known user: name, role and the organisation they act for (development sign-in lists these).</summary>
public sealed record UserProfile
{
    /// <summary>User id.</summary>
    public required string Id { get; init; }
    /// <summary>Name to show.</summary>
    public required string DisplayName { get; init; }
    /// <summary>Contact address.</summary>
    public string Email { get; init; } = "";
    /// <summary>App role name.</summary>
    public required string Role { get; init; }
    /// <summary>Organisation id; null for an Admin.</summary>
    public string? OrganisationId { get; init; }
}
