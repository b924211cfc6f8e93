using Marketplace.Core.Access;
using Marketplace.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Access;

/// <summary><c>POST /api/dev/token</c>: a token for any role and organisation, mapped in Development only.</summary>
public static class IssueDevToken
{
    /// <summary>The handler checks every field itself (a missing role is an invalid one).</summary>
    public sealed record DevTokenRequest(
        string? Role,
        string? OrganisationId,
        string? UserId,
        string? DisplayName);

    public sealed record DevTokenResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

    /// <summary>Maps the route on the sign-in group (<c>/api</c>); Development only.</summary>
    public static RouteHandlerBuilder MapIssueDevToken(this RouteGroupBuilder signIn) =>
        signIn.MapPost("/dev/token", Handle)
            .WithName("IssueDevToken")
            .RequireRateLimiting(AbuseLimits.DevTokens)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithTags("Development")
            .WithSummary("Issues a development bearer token for a role and organisation (Development environment only).")
            .AllowAnyone();

    public static Results<Ok<DevTokenResponse>, ProblemHttpResult> Handle(JsonBody<DevTokenRequest> body, DevTokenIssuer issuer)
    {
        var request = body.Value;
        if (!Enum.TryParse<MarketplaceRole>(request.Role, ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            return Failure.Invalid("role", $"Must be one of {string.Join(", ", Enum.GetNames<MarketplaceRole>())}.").ToProblem();
        }
        if (role != MarketplaceRole.Admin && string.IsNullOrWhiteSpace(request.OrganisationId))
        {
            return Failure.Invalid("organisationId", "Every role but Admin acts for an organisation.").ToProblem();
        }
        var userId = string.IsNullOrWhiteSpace(request.UserId) ? $"dev-{role.ToString().ToLowerInvariant()}-{request.OrganisationId ?? "admin"}" : request.UserId;
        var token = issuer.Issue(role, request.OrganisationId, userId, request.DisplayName ?? userId);
        return TypedResults.Ok(new DevTokenResponse(token, (int)DevTokenIssuer.Lifetime.TotalSeconds));
    }
}
