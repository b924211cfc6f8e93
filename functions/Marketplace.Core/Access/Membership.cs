using System.Text.RegularExpressions;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Access;

/// <summary>An Entra ID user's membership: which organisation they act for, and in which app role.</summary>
public sealed record Membership(string TenantId, string ObjectId, string OrganisationId, string? Role);

/// <summary>
/// What an Admin sends to record a membership: the organisation and role, and, when the body is a membership fetched
/// with GET, the tenant and object ids it carried (accepted only when they match the path).
/// </summary>
public sealed record MembershipRequest(string? OrganisationId, string? Role, string? TenantId = null, string? ObjectId = null);

/// <summary>The rules for memberships.</summary>
public static partial class MembershipRules
{
    /// <summary>What a membership change is audited as.</summary>
    public const string SubjectKind = "membership";

    /// <summary>
    /// Entra tenant and object ids are GUIDs; development ids are short slugs. Nothing else may become a table key,
    /// so anything else is refused by name before storage is asked.
    /// </summary>
    public static Failure? CheckKeys(string tenantId, string objectId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!KeyPattern().IsMatch(tenantId))
        {
            errors["tenantId"] = ["Letters, digits, '.', '_' and '-' only, at most 128 characters (an Entra ID tenant id)."];
        }
        if (!KeyPattern().IsMatch(objectId))
        {
            errors["objectId"] = ["Letters, digits, '.', '_' and '-' only, at most 128 characters (an Entra ID object id)."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    /// <summary>
    /// The tenant and object ids a request body sent back that differ from the path (field → message): the keys are
    /// the path's, so a GET body can be PUT back unchanged, but it cannot move a membership to another user.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KeyMismatches(MembershipRequest request, string tenantId, string objectId)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.TenantId is not null && request.TenantId != tenantId)
        {
            errors["tenantId"] = $"Must be '{tenantId}' (or left out): it is the tenant in the path.";
        }
        if (request.ObjectId is not null && request.ObjectId != objectId)
        {
            errors["objectId"] = $"Must be '{objectId}' (or left out): it is the user in the path.";
        }
        return errors;
    }

    /// <summary>How a membership reads in the audit trail.</summary>
    public static string? Describe(Membership? membership) => membership is null ? null : $"{membership.Role ?? "any role"} for {membership.OrganisationId}";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// Errors (field → message) in a membership request for <paramref name="organisation"/> (null when it does not
    /// exist). The role must be Commissioner, Supplier, Association or Certifier and match the organisation's kind; Admins act
    /// for no organisation, so they have no membership.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(MembershipRequest request, Organisation? organisation)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        MarketplaceRole? role = null;
        if (string.IsNullOrWhiteSpace(request.Role))
        {
            errors["role"] = "Required: Commissioner, Supplier, Association or Certifier.";
        }
        else if (!Enum.TryParse<MarketplaceRole>(request.Role, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || request.Role.Any(char.IsDigit))
        {
            errors["role"] = "Must be Commissioner, Supplier, Association or Certifier.";
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
        MarketplaceRole.Certifier => OrganisationKind.Certifier,
        _ => OrganisationKind.Commissioner,
    };

    private static string RoleFor(string kind) => kind switch
    {
        OrganisationKind.Supplier => nameof(MarketplaceRole.Supplier),
        OrganisationKind.Association => nameof(MarketplaceRole.Association),
        OrganisationKind.Certifier => nameof(MarketplaceRole.Certifier),
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
