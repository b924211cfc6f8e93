using Marketplace.Core.Outcomes;

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

/// <summary>Who may change a catalogue listing, and what a listing sent back may say about the fields the marketplace owns.</summary>
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

    /// <summary>
    /// The server-owned fields a listing sent back that differ from what the marketplace holds or will assign
    /// (field → message), so a body fetched with GET can be sent back unchanged while an attempt to re-key, move or
    /// re-status an offering is refused by name. Only a <see cref="SubmittedListing"/> carries them; a field left out
    /// (or null) is never at fault. <paramref name="id"/> is null for a new offering, whose id is not chosen yet.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ServerOwnedMismatches(OfferingListing sent, string? id, string supplierId, string status)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (sent is not SubmittedListing echoed)
        {
            return errors;
        }
        if (echoed.Id is not null && echoed.Id != id)
        {
            errors["id"] = [id is null
                ? "must be left out: the marketplace assigns a new offering's id."
                : $"must be '{id}' (or left out): the id is the one in the path and never changes."];
        }
        if (echoed.SupplierId is not null && echoed.SupplierId != supplierId)
        {
            errors["supplierId"] = [$"must be '{supplierId}' (or left out): an offering belongs to the supplier that lists it and never moves."];
        }
        if (echoed.Status is not null && echoed.Status != status)
        {
            errors["status"] = [$"must be '{status}' (or left out): only retiring (DELETE) changes the status."];
        }
        return errors;
    }

    /// <summary>The mismatches against a stored offering, as a refusal naming each field; null when they all match.</summary>
    public static Failure? RefuseServerOwned(OfferingListing sent, Offering stored) =>
        ServerOwnedMismatches(sent, stored.Id, stored.SupplierId, stored.Status) is { Count: > 0 } errors ? Failure.Invalid(errors) : null;

    /// <summary>The mismatches for a new offering of <paramref name="supplierId"/>, as a refusal; null when none.</summary>
    public static Failure? RefuseServerOwnedOnCreate(OfferingListing sent, string supplierId) =>
        ServerOwnedMismatches(sent, null, supplierId, OfferingStatus.Active) is { Count: > 0 } errors ? Failure.Invalid(errors) : null;
}
