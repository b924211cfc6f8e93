namespace Marketplace.Core.Access;

/// <summary>Who is acting: the signed-in user, the organisation they act for and the app roles their token carries.</summary>
public sealed record Actor(string UserId, string? OrganisationId, IReadOnlySet<MarketplaceRole> Roles)
{
    /// <summary>The user id recorded for work the app does on its own (timers, queues).</summary>
    public const string SystemRole = "System";

    /// <summary>Whether the token carries the role.</summary>
    public bool Has(MarketplaceRole role) => Roles.Contains(role);

    /// <summary>Whether the user acts, in <paramref name="role"/>, for <paramref name="organisationId"/>.</summary>
    public bool ActsFor(string organisationId, MarketplaceRole role) => Has(role) && OrganisationId == organisationId;
}
