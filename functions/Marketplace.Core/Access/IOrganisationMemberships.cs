namespace Marketplace.Core.Access;

/// <summary>Which organisation an Entra ID user acts for.</summary>
public interface IOrganisationMemberships
{
    /// <summary>The organisation id of the user, or null when the user has no membership.</summary>
    Task<string?> FindOrganisationAsync(string tenantId, string objectId, CancellationToken ct);
}
