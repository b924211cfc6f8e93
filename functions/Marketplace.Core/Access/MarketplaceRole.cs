namespace Marketplace.Core.Access;

/// <summary>The app roles a signed-in user can hold (Entra ID app roles of the same names).</summary>
public enum MarketplaceRole
{
    /// <summary>An NHS board or council buyer: searches, specifies, shortlists, awards.</summary>
    Commissioner,

    /// <summary>A supplier's staff: lists offerings and attests to standards.</summary>
    Supplier,

    /// <summary>A trade association's staff: reads members' attestations and vouches for their declarations.</summary>
    Association,

    /// <summary>A marketplace operator: manages organisations, users and templates.</summary>
    Admin,

    /// <summary>A certification body's staff: verifies, rejects or revokes the attestations that name it, for schemes it is accredited for.</summary>
    Certifier,
}
