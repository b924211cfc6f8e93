using System.Security.Claims;
using Marketplace.Core.Access;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Functions.Access;

/// <summary>
/// Entra ID tokens do not say which organisation a user acts for: that is a membership record keyed by tenant id
/// and object id, kept by an Admin. Development tokens carry the claim already and are left as they are.
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
        if (await memberships.FindOrganisationAsync(tenant, user, CancellationToken.None) is { } organisationId)
        {
            identity.AddClaim(new Claim(MarketplaceClaimTypes.OrganisationId, organisationId));
        }
        return principal;
    }
}
