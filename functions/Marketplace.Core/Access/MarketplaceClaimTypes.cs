namespace Marketplace.Core.Access;

/// <summary>Claim names the marketplace reads from a bearer token, whoever issued it.</summary>
public static class MarketplaceClaimTypes
{
    /// <summary>App roles, as Entra ID writes them.</summary>
    public const string Roles = "roles";

    /// <summary>The organisation the user acts for (Entra tokens get it from a membership record).</summary>
    public const string OrganisationId = "organisation_id";

    /// <summary>Entra ID object id of the user.</summary>
    public const string ObjectId = "oid";

    /// <summary>Entra ID tenant id of the user.</summary>
    public const string TenantId = "tid";
}
