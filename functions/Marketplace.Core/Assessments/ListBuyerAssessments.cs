using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Assessments;

/// <summary>
/// Who sees an offering's buyer assessments: a commissioner its own; the offering's supplier every one (with the
/// commissioner's name and outcome); an Admin all. Another supplier is refused (403).
/// </summary>
public sealed class ListBuyerAssessments(IOfferings offerings, IBuyerAssessments assessments)
{
    /// <summary>The assessments the caller may see, newest first; or 404, 403.</summary>
    public async Task<Outcome<IReadOnlyList<BuyerAssessment>>> RunAsync(Actor actor, string offeringId, CancellationToken ct)
    {
        if (!Ids.IsId(offeringId) || await offerings.FindAsync(offeringId, ct) is not { } stored)
        {
            return Failure.NotFound("offering", offeringId);
        }
        Func<BuyerAssessment, bool>? visible =
            actor.Has(MarketplaceRole.Admin) || actor.ActsFor(stored.Document.SupplierId, MarketplaceRole.Supplier) ? _ => true
            : actor.Has(MarketplaceRole.Commissioner) && actor.OrganisationId is { } own ? a => a.CommissionerId == own
            : null;
        if (visible is null)
        {
            return Failure.Forbidden("Not your offering.", "Buyer assessments of an offering are shown to the commissioners that made them and to the offering's own supplier.");
        }
        return Outcome.Of<IReadOnlyList<BuyerAssessment>>([.. (await assessments.OfOfferingAsync(offeringId, ct)).Where(visible)
            .OrderByDescending(a => a.AssessedAt).ThenBy(a => a.Id, StringComparer.Ordinal)]);
    }

    /// <summary>The caller's own commissioner's assessment of the offering against <paramref name="standardCode"/> and its ETag (to replace it), or null.</summary>
    public async Task<StoredDocument<BuyerAssessment>?> OwnAsync(Actor actor, string offeringId, string standardCode, CancellationToken ct) =>
        actor.Has(MarketplaceRole.Commissioner) && actor.OrganisationId is { } own && Ids.IsId(offeringId)
            ? await assessments.FindAsync(BuyerAssessment.IdOf(own, offeringId, standardCode), ct)
            : null;
}
