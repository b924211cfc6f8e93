using System.Security.Claims;
using Marketplace.Core.Access;

namespace Marketplace.Functions.Access;

/// <summary><c>GET /api/me</c>: who the bearer token says the caller is, and which organisation they act for.</summary>
public static class GetSignedInUser
{
    public sealed record SignedInUser(string UserId, string DisplayName, IReadOnlyList<string> Roles, string? OrganisationId);

    /// <summary>Maps the route on the sign-in group (<c>/api</c>).</summary>
    public static RouteHandlerBuilder MapGetSignedInUser(this RouteGroupBuilder signIn) =>
        signIn.MapGet("/me", Handle)
            .WithName("GetSignedInUser")
            .WithSummary("Returns the signed-in user's id, name, roles and organisation.")
            .AllowRoles(Enum.GetValues<MarketplaceRole>());

    public static SignedInUser Handle(ClaimsPrincipal user) => new(
        user.FindFirstValue(MarketplaceClaimTypes.ObjectId) ?? user.FindFirstValue("sub") ?? "",
        user.FindFirstValue("name") ?? "",
        [.. user.FindAll(MarketplaceClaimTypes.Roles).Select(c => c.Value).Order(StringComparer.Ordinal)],
        user.FindFirstValue(MarketplaceClaimTypes.OrganisationId));
}
