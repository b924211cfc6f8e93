namespace Marketplace.Core.Access;

/// <summary>Which organisation an Entra ID user acts for.</summary>
public interface IOrganisationMemberships
{
    /// <summary>The organisation id of the user, or null when the user has no membership.</summary>
    Task<string?> FindOrganisationAsync(string tenantId, string objectId, CancellationToken ct);

    /// <summary>The user's membership (organisation and role), or null when the user has none.</summary>
    Task<Membership?> FindMembershipAsync(string tenantId, string objectId, CancellationToken ct);
}
