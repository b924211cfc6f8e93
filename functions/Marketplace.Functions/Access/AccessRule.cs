using Marketplace.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Access;

/// <summary>
/// Who may call an endpoint, declared on the endpoint itself so the endpoint table (and the OpenAPI document)
/// shows it. An endpoint with no rule fails the start-up check and the tests.
/// </summary>
public sealed record AccessRule(AccessKind Kind, IReadOnlyList<MarketplaceRole> Roles)
{
    public static readonly AccessRule Anyone = new(AccessKind.Anyone, []);
    public static readonly AccessRule FunctionsHost = new(AccessKind.FunctionsHost, []);

    public string Describe() => Kind switch
    {
        AccessKind.Anyone => "Anyone, signed in or not.",
        AccessKind.FunctionsHost => "The Azure Functions host only (trigger invocations).",
        _ => "Signed-in users with the role " + string.Join(" or ", Roles) + ".",
    };
}

public enum AccessKind
{
    Anyone,
    Roles,
    FunctionsHost,
}

public static class AccessRuleExtensions
{
    /// <summary>Public endpoint (catalogue reads are public, as on G-Cloud).</summary>
    public static TBuilder AllowAnyone<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(AccessRule.Anyone);

    /// <summary>Signed-in users holding one of these app roles; organisation checks stay in the handler.</summary>
    public static TBuilder AllowRoles<TBuilder>(this TBuilder builder, params MarketplaceRole[] roles) where TBuilder : IEndpointConventionBuilder
    {
        if (roles.Length == 0)
        {
            throw new ArgumentException("Name at least one role.", nameof(roles));
        }
        var policy = new AuthorizationPolicyBuilder(Authentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(roles.Select(r => r.ToString()))
            .Build();
        builder.Add(endpoint =>
        {
            // Every role-protected route can answer these; saying so puts them in the OpenAPI document.
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
        });
        return builder.RequireAuthorization(policy).WithMetadata(new AccessRule(AccessKind.Roles, roles));
    }

    /// <summary>Trigger invocations, which only the Functions host sends.</summary>
    public static TBuilder AllowFunctionsHost<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Authentication.FunctionsHostPolicy).WithMetadata(AccessRule.FunctionsHost);
}
