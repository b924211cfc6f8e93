using System.Security.Claims;
using Marketplace.Core.Access;

namespace Marketplace.Functions.Access;

/// <summary>The signed-in caller as the domain sees them: an <see cref="Actor"/>, which handlers and pages take as a parameter.</summary>
public static class Actors
{
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(MarketplaceClaimTypes.ObjectId) ?? user.FindFirstValue("sub") ?? "",
        user.FindFirstValue(MarketplaceClaimTypes.OrganisationId),
        user.FindAll(MarketplaceClaimTypes.Roles)
            .Select(c => Enum.TryParse<MarketplaceRole>(c.Value, ignoreCase: false, out var role) && Enum.IsDefined(role) ? role : (MarketplaceRole?)null)
            .OfType<MarketplaceRole>()
            .ToHashSet());

    /// <summary>Registers the request's <see cref="Actor"/> (anonymous: no user id, organisation or role) for handlers and pages.</summary>
    public static IServiceCollection AddActors(this IServiceCollection services) =>
        services.AddHttpContextAccessor()
            .AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.ToActor()
                ?? throw new InvalidOperationException("An actor exists only within a request."));
}
