namespace Marketplace.Core.Catalogue;

/// <summary>Whether a supplier may change a listing, and if not, why.</summary>
public enum ListingDecision
{
    /// <summary>The caller's organisation owns the active listing.</summary>
    Allowed,
    /// <summary>No such offering.</summary>
    NotFound,
    /// <summary>Another supplier owns it.</summary>
    NotOwner,
    /// <summary>It has been retired; retired listings are kept as history and never change.</summary>
    Retired,
}

/// <summary>Who may change a catalogue listing.</summary>
public static class ListingRules
{
    /// <summary>Only a supplier of the owning organisation changes an offering, and only while it is active.</summary>
    public static ListingDecision Decide(Offering? current, string? callerOrganisationId) => current switch
    {
        null => ListingDecision.NotFound,
        _ when current.SupplierId != callerOrganisationId => ListingDecision.NotOwner,
        { Status: OfferingStatus.Retired } => ListingDecision.Retired,
        _ => ListingDecision.Allowed,
    };

    /// <summary>A new offering id: <c>off-</c> and 12 random hex digits (ids never reveal order or supplier).</summary>
    public static string NewOfferingId(Guid random) => "off-" + random.ToString("N")[..12];
}
