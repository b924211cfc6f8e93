using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// Who may open a declaration's evidence file (<see cref="CapabilityEvidence.MayRead"/>, as for attestation evidence):
/// the offering's own supplier, associations it belongs to, commissioners and admins. Declared once for the API's
/// link and the page that redirects to it.
/// </summary>
internal static class CapabilityEvidenceReaders
{
    public static RouteHandlerBuilder AllowCapabilityEvidenceReaders(this RouteHandlerBuilder builder) =>
        builder
            .AllowRoles(MarketplaceRole.Supplier, MarketplaceRole.Association, MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation("offering",
                (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier),
                (MarketplaceRole.Association, OrganisationRelation.MemberAssociation),
                (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation),
                (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));
}
