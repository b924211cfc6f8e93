using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>A supplier lists a new product or service under its own organisation; search shows it at once.</summary>
public sealed class CreateOffering(IOrganisations organisations, IOfferings offerings, ISearchIndexUpdates index)
{
    /// <summary>403 (not a supplier) → 400 (server-owned fields sent that cannot hold) → 409 (no free id); the new active offering and its ETag.</summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, OfferingListing listing, CancellationToken ct)
    {
        var organisationId = actor.OrganisationId;
        if (organisationId is null || await organisations.FindAsync(organisationId, ct) is not { Kind: OrganisationKind.Supplier })
        {
            return Failure.Forbidden("Only suppliers list offerings.", $"Your organisation ({organisationId ?? "none"}) is not a supplier in the marketplace.");
        }
        if (ListingRules.RefuseServerOwnedOnCreate(listing, organisationId) is { } invalid)
        {
            return invalid;
        }
        // Random ids make a clash vanishingly rare; retrying once covers it without a read-before-write.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var offering = new Offering(listing, ListingRules.NewOfferingId(Guid.NewGuid()), organisationId);
            if (await offerings.AddAsync(offering, ct) is { } stored)
            {
                await index.OfferingChangedAsync(offering.Id, ct);
                return stored;
            }
        }
        return Failure.Conflict("Could not allocate an offering id.", "Please try again.");
    }
}
