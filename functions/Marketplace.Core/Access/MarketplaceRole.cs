namespace Marketplace.Core.Access;

/// <summary>The app roles a signed-in user can hold (Entra ID app roles of the same names).</summary>
public enum MarketplaceRole
{
    /// <summary>An NHS board or council buyer: searches, specifies, shortlists, awards.</summary>
    Commissioner,

    /// <summary>A supplier's staff: lists offerings and attests to standards.</summary>
    Supplier,

    /// <summary>A trade association's validator: validates, rejects or revokes members' attestations.</summary>
    Association,

    /// <summary>A marketplace operator: manages organisations, users and templates.</summary>
    Admin,
}
