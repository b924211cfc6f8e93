using System.Security.Claims;
using Marketplace.Core.Access;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Functions.Access;

/// <summary>
/// Entra ID tokens do not say which organisation a user acts for: that is a membership record keyed by tenant id
/// and object id, kept by an Admin (<c>PUT /api/admin/memberships/{tenantId}/{objectId}</c>). Development tokens carry the claim already and are left as they are.
/// </summary>
public sealed class MembershipClaimsTransformation(IOrganisationMemberships memberships) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || principal.HasClaim(c => c.Type == MarketplaceClaimTypes.OrganisationId))
        {
            return principal;
        }
        var tenant = principal.FindFirstValue(MarketplaceClaimTypes.TenantId);
        var user = principal.FindFirstValue(MarketplaceClaimTypes.ObjectId);
        if (tenant is null || user is null)
        {
            return principal;
        }
        // A membership counts only for the role it was given (an Admin cannot lend a supplier's name to a commissioner).
        if (await memberships.FindMembershipAsync(tenant, user, CancellationToken.None) is { } membership
            && MembershipRules.Grants(membership, principal.FindAll(MarketplaceClaimTypes.Roles).Select(c => c.Value)))
        {
            identity.AddClaim(new Claim(MarketplaceClaimTypes.OrganisationId, membership.OrganisationId));
        }
        return principal;
    }
}
