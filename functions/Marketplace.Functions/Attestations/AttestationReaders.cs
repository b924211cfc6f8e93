using Marketplace.Core.Access;
using Marketplace.Functions.Access;

namespace Marketplace.Functions.Attestations;

/// <summary>
/// Who may read attestations and their evidence (the same audience as <c>AttestationAccess.MayRead</c>): the owning
/// supplier, validators of an association it belongs to, commissioners and admins. Declared once for every read route.
/// </summary>
internal static class AttestationReaders
{
    public static RouteHandlerBuilder AllowAttestationReaders(this RouteHandlerBuilder builder, string resource) =>
        builder
            .AllowRoles(Enum.GetValues<MarketplaceRole>())
            .ScopedToOrganisation(resource,
                (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier),
                (MarketplaceRole.Association, OrganisationRelation.MemberAssociation),
                (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation),
                (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));
}
