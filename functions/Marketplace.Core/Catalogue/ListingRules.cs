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
    /// re-status an offering, or to re-date a declaration or swap its evidence file, is refused by name. Only a
    /// <see cref="SubmittedListing"/> carries id, supplier and status; every listing carries its declarations'
    /// <c>declaredOn</c> and <c>evidence</c>, judged against <paramref name="storedCapabilities"/>. A field left out
    /// (or null) is never at fault. <paramref name="id"/> is null for a new offering, whose id is not chosen yet.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ServerOwnedMismatches(OfferingListing sent, string? id, string supplierId, string status,
        IReadOnlyList<CapabilityDeclaration>? storedCapabilities = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (sent is SubmittedListing echoed)
        {
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
        }
        foreach (var (field, messages) in CapabilityDeclarations.ServerOwnedMismatches(sent.Capabilities, storedCapabilities ?? [], id))
        {
            errors[field] = messages;
        }
        return errors;
    }

    /// <summary>
    /// Why a listing cannot replace <paramref name="stored"/>: server-owned fields sent back changed, and declarations
    /// that break <see cref="CapabilityDeclarations.Refusals"/>, every field named in one refusal; null when none.
    /// </summary>
    public static Failure? Refuse(OfferingListing sent, Offering stored) =>
        Refusal(ServerOwnedMismatches(sent, stored.Id, stored.SupplierId, stored.Status, stored.Capabilities), sent);

    /// <summary>Why a listing cannot be a new offering of <paramref name="supplierId"/>, as <see cref="Refuse"/>; null when it can.</summary>
    public static Failure? RefuseNew(OfferingListing sent, string supplierId) =>
        Refusal(ServerOwnedMismatches(sent, null, supplierId, OfferingStatus.Active), sent);

    private static Failure? Refusal(IReadOnlyDictionary<string, string[]> serverOwned, OfferingListing sent)
    {
        var errors = new Dictionary<string, string[]>(serverOwned, StringComparer.Ordinal);
        foreach (var (field, messages) in CapabilityDeclarations.Refusals(sent.Capabilities))
        {
            errors[field] = errors.TryGetValue(field, out var already) ? [.. already, .. messages] : messages;
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }
}
