using Marketplace.Core.Organisations;

namespace Marketplace.Core.Access;

/// <summary>An Entra ID user's membership: which organisation they act for, and in which app role.</summary>
public sealed record Membership(string TenantId, string ObjectId, string OrganisationId, string? Role);

/// <summary>What an Admin sends to record a membership.</summary>
public sealed record MembershipRequest(string? OrganisationId, string? Role);

/// <summary>The rules for memberships.</summary>
public static class MembershipRules
{
    /// <summary>
    /// Errors (field → message) in a membership request for <paramref name="organisation"/> (null when it does not
    /// exist). The role must be Commissioner, Supplier or Association and match the organisation's kind; Admins act
    /// for no organisation, so they have no membership.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(MembershipRequest request, Organisation? organisation)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        MarketplaceRole? role = null;
        if (string.IsNullOrWhiteSpace(request.Role))
        {
            errors["role"] = "Required: Commissioner, Supplier or Association.";
        }
        else if (!Enum.TryParse<MarketplaceRole>(request.Role, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || request.Role.Any(char.IsDigit))
        {
            errors["role"] = "Must be Commissioner, Supplier or Association.";
        }
        else if (parsed == MarketplaceRole.Admin)
        {
            errors["role"] = "Admins act for no organisation, so they have no membership.";
        }
        else
        {
            role = parsed;
        }
        if (string.IsNullOrWhiteSpace(request.OrganisationId))
        {
            errors["organisationId"] = "Required.";
        }
        else if (organisation is null)
        {
            errors["organisationId"] = $"There is no organisation {request.OrganisationId}.";
        }
        else if (role is { } r && KindFor(r) != organisation.Kind)
        {
            errors["role"] = $"{organisation.Id} is a {organisation.Kind}; its users act as {RoleFor(organisation.Kind)}.";
        }
        return errors;
    }

    /// <summary>
    /// Whether a membership lets a signed-in user act for its organisation: only when the token carries the membership's
    /// role (a record without a role, written before roles were kept, names the organisation only).
    /// </summary>
    public static bool Grants(Membership membership, IEnumerable<string> tokenRoles) =>
        membership.Role is null || tokenRoles.Contains(membership.Role, StringComparer.Ordinal);

    private static string KindFor(MarketplaceRole role) => role switch
    {
        MarketplaceRole.Supplier => OrganisationKind.Supplier,
        MarketplaceRole.Association => OrganisationKind.Association,
        _ => OrganisationKind.Commissioner,
    };

    private static string RoleFor(string kind) => kind switch
    {
        OrganisationKind.Supplier => nameof(MarketplaceRole.Supplier),
        OrganisationKind.Association => nameof(MarketplaceRole.Association),
        _ => nameof(MarketplaceRole.Commissioner),
    };
}

/// <summary>The membership records an Admin keeps, with ETags for optimistic concurrency.</summary>
public interface IMembershipRegister
{
    /// <summary>The membership and its ETag, or null.</summary>
    Task<(Membership Membership, string ETag)?> FindAsync(string tenantId, string objectId, CancellationToken ct);

    /// <summary>Adds a membership; null when one exists already.</summary>
    Task<string?> AddAsync(Membership membership, CancellationToken ct);

    /// <summary>Replaces a membership if still at <paramref name="ifMatch"/>; null when stale or gone.</summary>
    Task<string?> ReplaceAsync(Membership membership, string ifMatch, CancellationToken ct);

    /// <summary>Deletes a membership if still at <paramref name="ifMatch"/>; false when stale or gone.</summary>
    Task<bool> DeleteAsync(string tenantId, string objectId, string ifMatch, CancellationToken ct);
}
