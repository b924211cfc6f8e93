using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>Who may see and decide a supplier's attestations.</summary>
public static class AttestationAccess
{
    /// <summary>
    /// The supplier itself, validators of the associations it belongs to, commissioners (who rely on them) and admins.
    /// Other suppliers and other associations may not.
    /// </summary>
    public static bool MayRead(Actor actor, Organisation supplier) =>
        actor.Has(MarketplaceRole.Admin)
        || actor.Has(MarketplaceRole.Commissioner)
        || actor.ActsFor(supplier.Id, MarketplaceRole.Supplier)
        || (actor.Has(MarketplaceRole.Association) && actor.OrganisationId is { } association && supplier.Memberships.Contains(association, StringComparer.Ordinal));

    /// <summary>Only the supplier's own users change its attestations and upload its evidence.</summary>
    public static bool IsOwner(Actor actor, string supplierId) => actor.ActsFor(supplierId, MarketplaceRole.Supplier);

    /// <summary>
    /// An association's remit: the standard is on the association's <c>validates</c> list and the standard names the
    /// association among its <c>validatingAssociations</c>. They are two views of one relation; both must agree.
    /// </summary>
    public static bool Covers(Organisation association, Standard standard) =>
        association.Kind == OrganisationKind.Association
        && association.Validates.Contains(standard.Code, StringComparer.Ordinal)
        && standard.ValidatingAssociations.Contains(association.Id, StringComparer.Ordinal);

    /// <summary>
    /// Only a member's own association decides (DOMAIN.md): the caller is a validator of an association the supplier
    /// belongs to, and the standard is in that association's remit.
    /// </summary>
    public static bool MayDecide(Actor actor, Organisation? actorOrganisation, Organisation supplier, Standard standard) =>
        actorOrganisation is not null
        && actor.ActsFor(actorOrganisation.Id, MarketplaceRole.Association)
        && supplier.Memberships.Contains(actorOrganisation.Id, StringComparer.Ordinal)
        && Covers(actorOrganisation, standard);

    /// <summary>A submitted attestation of one of the association's members, for a standard in its remit.</summary>
    public static bool AwaitsDecisionBy(Attestation attestation, Organisation supplier, Standard standard, Organisation association) =>
        attestation.Status == AttestationStatus.Submitted
        && attestation.SupplierId == supplier.Id
        && supplier.Memberships.Contains(association.Id, StringComparer.Ordinal)
        && Covers(association, standard);

    /// <summary>An association's queue is for its own validators (and admins).</summary>
    public static bool MayReadQueue(Actor actor, string associationId) =>
        actor.Has(MarketplaceRole.Admin) || actor.ActsFor(associationId, MarketplaceRole.Association);
}
