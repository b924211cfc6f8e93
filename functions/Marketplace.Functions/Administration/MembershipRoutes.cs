using System.Security.Claims;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Administration;

/// <summary>What the three membership endpoints share: key checks and the audit event of a change.</summary>
internal static partial class MembershipRoutes
{
    public const string Route = "/api/admin/memberships/{tenantId}/{objectId}";
    public const string SubjectKind = "membership";

    /// <summary>Entra tenant and object ids are GUIDs; development ids are short slugs. Nothing else may become a table key.</summary>
    public static ProblemHttpResult? CheckKeys(string tenantId, string objectId)
    {
        var errors = new Dictionary<string, string[]>();
        if (!KeyPattern().IsMatch(tenantId))
        {
            errors["tenantId"] = ["Letters, digits, '.', '_' and '-' only, at most 128 characters (an Entra ID tenant id)."];
        }
        if (!KeyPattern().IsMatch(objectId))
        {
            errors["objectId"] = ["Letters, digits, '.', '_' and '-' only, at most 128 characters (an Entra ID object id)."];
        }
        return errors.Count > 0 ? ProblemResults.Validation(errors) : null;
    }

    public static AuditEvent Audit(ClaimsPrincipal user, string tenantId, string objectId, string action, Membership? from, Membership? to, DateTimeOffset at) =>
        AuditEvent.By(user.ToActor(), MarketplaceRole.Admin, SubjectKind, $"{tenantId}:{objectId}", action, Describe(from), Describe(to), at);

    private static string? Describe(Membership? membership) => membership is null ? null : $"{membership.Role ?? "any role"} for {membership.OrganisationId}";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex KeyPattern();
}
