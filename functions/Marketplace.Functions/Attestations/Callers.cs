using System.Security.Claims;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;

namespace Marketplace.Functions.Attestations;

/// <summary>The signed-in caller as the domain sees them, and the audit events they cause.</summary>
internal static partial class Callers
{
    public static Actor ActorOf(ClaimsPrincipal user) => new(
        user.FindFirstValue(MarketplaceClaimTypes.ObjectId) ?? user.FindFirstValue("sub") ?? "",
        user.FindFirstValue(MarketplaceClaimTypes.OrganisationId),
        user.FindAll(MarketplaceClaimTypes.Roles)
            .Select(c => Enum.TryParse<MarketplaceRole>(c.Value, ignoreCase: false, out var role) && Enum.IsDefined(role) ? role : (MarketplaceRole?)null)
            .OfType<MarketplaceRole>()
            .ToHashSet());

    /// <summary>An audit event by <paramref name="actor"/>, acting as <paramref name="role"/>, now.</summary>
    public static AuditEvent Audit(Actor actor, MarketplaceRole role, string subjectKind, string subjectId, string action, string? from, string? to, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        SubjectKind = subjectKind,
        SubjectId = subjectId,
        At = at,
        Action = action,
        ActorUserId = actor.UserId,
        ActorOrganisationId = role == MarketplaceRole.Admin ? null : actor.OrganisationId,
        ActorRole = role.ToString(),
        From = from,
        To = to,
    };

    /// <summary>Ids are lower-case slugs (vocabulary.schema.json); anything else cannot name a record, so it is a 404, never a storage error.</summary>
    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Standard codes are upper-case letters, digits and hyphens.</summary>
    public static bool IsStandardCode(string? code) => code is not null && StandardCodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,39}$")]
    private static partial Regex StandardCodePattern();
}
