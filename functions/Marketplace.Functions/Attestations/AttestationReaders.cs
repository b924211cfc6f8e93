using Marketplace.Core.Access;
using Marketplace.Functions.Access;

namespace Marketplace.Functions.Attestations;

/// <summary>
/// Who may read attestations and their evidence (the same audience as <c>AttestationAccess.MayRead</c>): the owning
/// supplier, associations it belongs to (read only), the certification body an attestation names, commissioners and
/// admins. Declared once for every read route; a supplier's whole list is not the certification body's to read.
/// </summary>
internal static class AttestationReaders
{
    public static RouteHandlerBuilder AllowAttestationReaders(this RouteHandlerBuilder builder, string resource) =>
        resource == "attestation"
            ? builder
                .AllowRoles(Enum.GetValues<MarketplaceRole>())
                .ScopedToOrganisation(resource,
                    (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier),
                    (MarketplaceRole.Association, OrganisationRelation.MemberAssociation),
                    (MarketplaceRole.Certifier, OrganisationRelation.NamedByAttestation),
                    (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation),
                    (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation))
            : builder
                .AllowRoles(MarketplaceRole.Supplier, MarketplaceRole.Association, MarketplaceRole.Commissioner, MarketplaceRole.Admin)
                .ScopedToOrganisation(resource,
                    (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier),
                    (MarketplaceRole.Association, OrganisationRelation.MemberAssociation),
                    (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation),
                    (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));
}
