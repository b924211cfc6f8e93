using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>
/// The one organisation-scope decision for offerings, used by every use case that changes one: it exists (404),
/// the caller acts for its supplier (403), the change names the version it is based on (428) and that version is still
/// the stored one (412), and the listing is still active (409), in that order.
/// </summary>
public static class OfferingAccess
{
    /// <summary>Existence and scope: null when <paramref name="current"/> exists and belongs to the caller's supplier.</summary>
    public static Failure? Scope(Actor actor, string id, Offering? current) =>
        ListingRules.Decide(current, actor.OrganisationId) switch
        {
            ListingDecision.NotFound => Failure.NotFound("offering", id),
            ListingDecision.NotOwner => Failure.Forbidden("Not your listing.",
                $"Offering {id} belongs to another supplier; only its own supplier's users may change it."),
            _ => null,
        };

    /// <summary>The refusal for a change to a retired listing, or null while it is active.</summary>
    public static Failure? Frozen(string id, Offering current) =>
        current.Status == OfferingStatus.Retired
            ? Failure.Conflict("The offering is retired.",
                $"Offering {id} has been retired; retired listings are kept unchanged as history. List a new offering instead.",
                extensions: new Dictionary<string, object?> { ["offeringStatus"] = OfferingStatus.Retired })
            : null;

    /// <summary>May the caller open the listing to change it (the form shown before any If-Match exists)?</summary>
    public static Failure? ForEditing(Actor actor, string id, Offering? current) =>
        Scope(actor, id, current) ?? Frozen(id, current!);

    /// <summary>May the caller change the listing now: the whole ordered check; on success the If-Match value to save with.</summary>
    public static Outcome<string> ForChange(Actor actor, string id, StoredDocument<Offering>? current, string? ifMatch)
    {
        if (Scope(actor, id, current?.Document) is { } refused)
        {
            return refused;
        }
        var version = Precondition.Require(ifMatch, current!.ETag);
        if (!version.Succeeded)
        {
            return version;
        }
        return Frozen(id, current.Document) is { } frozen ? frozen : version;
    }
}
