using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>A capability the listing's own words suggest it may have, and the words that suggested it. Never a declaration, never scored.</summary>
/// <param name="Capability">Capability slug.</param>
/// <param name="Name">Its name.</param>
/// <param name="Definition">What declaring it promises.</param>
/// <param name="Group">Its group slug (<see cref="Capabilities.Groups"/>).</param>
/// <param name="Measure">Its unit when it is declared with a figure; null for yes/no.</param>
/// <param name="Hint">The phrase found, e.g. <c>dashboard</c>.</param>
/// <param name="FoundIn">Where: <c>name</c>, <c>summary</c>, <c>description</c> or <c>features</c>.</param>
public sealed record CapabilitySuggestion(string Capability, string Name, string Definition, string Group, string? Measure, string Hint, string FoundIn);

/// <summary>
/// While declaring, the owning supplier (or an admin) sees which capabilities <see cref="Capabilities.SuggestFor"/>
/// finds in the listing's text and it does not declare yet: a prompt to declare, which the supplier decides.
/// </summary>
public sealed class SuggestCapabilities(IOfferings offerings)
{
    /// <summary>The suggestions in vocabulary order; 404 for no such offering, 403 for anyone but its supplier and admins.</summary>
    public async Task<Outcome<IReadOnlyList<CapabilitySuggestion>>> RunAsync(Actor actor, string offeringId, CancellationToken ct)
    {
        var stored = Ids.IsId(offeringId) ? await offerings.FindAsync(offeringId, ct) : null;
        if (!actor.Has(MarketplaceRole.Admin) && OfferingAccess.Scope(actor, offeringId, stored?.Document) is { } refused)
        {
            return refused;
        }
        if (stored is null)
        {
            return Failure.NotFound("offering", offeringId);
        }
        return Outcome.Of(For(stored.Document));
    }

    /// <summary>The suggestions for a listing, each with the first hint found and where.</summary>
    public static IReadOnlyList<CapabilitySuggestion> For(OfferingListing listing)
    {
        // Lower-cased as SuggestFor reads them, so the hint it matched is found again.
        var fields = new (string Name, string Text)[]
        {
            ("name", listing.Name.ToLowerInvariant()), ("summary", listing.Summary.ToLowerInvariant()),
            ("description", listing.Description.ToLowerInvariant()), ("features", string.Join('\n', listing.Features).ToLowerInvariant()),
        };
        return [.. Capabilities.SuggestFor(listing).Select(c =>
        {
            var (hint, field) = c.Hints
                .SelectMany(h => fields.Where(f => f.Text.Contains(h, StringComparison.Ordinal)).Select(f => (h, f.Name)))
                .First();
            return new CapabilitySuggestion(c.Slug, c.Name, c.Definition, c.Group, c.Measure, hint, field);
        })];
    }
}
