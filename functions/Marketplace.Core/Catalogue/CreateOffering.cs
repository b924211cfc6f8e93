using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>A supplier lists a new product or service under its own organisation; search shows it at once.</summary>
public sealed class CreateOffering(IOrganisations organisations, IOfferings offerings, ISearchIndexUpdates index, TimeProvider time)
{
    /// <summary>
    /// 403 (not a supplier) → 400 (server-owned fields sent that cannot hold, or declarations that break their rules)
    /// → 409 (no free id); the new active offering, its declarations dated today, and its ETag. Audited.
    /// </summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, OfferingListing listing, CancellationToken ct)
    {
        var organisationId = actor.OrganisationId;
        if (organisationId is null || await organisations.FindAsync(organisationId, ct) is not { Kind: OrganisationKind.Supplier })
        {
            return Failure.Forbidden("Only suppliers list offerings.", $"Your organisation ({organisationId ?? "none"}) is not a supplier in the marketplace.");
        }
        if (ListingRules.RefuseNew(listing, organisationId) is { } invalid)
        {
            return invalid;
        }
        var now = time.GetUtcNow();
        var declarations = CapabilityDeclarations.Stamp(listing.Capabilities, [], DateOnly.FromDateTime(now.UtcDateTime));
        // Random ids make a clash vanishingly rare; retrying once covers it without a read-before-write.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var offering = new Offering(listing, ListingRules.NewOfferingId(Guid.NewGuid()), organisationId) { Capabilities = declarations };
            if (await offerings.AddAsync(offering, OfferingAudit.Of(actor, "create", null, offering, now), ct) is { } stored)
            {
                await index.OfferingChangedAsync(offering.Id, ct);
                return stored;
            }
        }
        return Failure.Conflict("Could not allocate an offering id.", "Please try again.");
    }
}
