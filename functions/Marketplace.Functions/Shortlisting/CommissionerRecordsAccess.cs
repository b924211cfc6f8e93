using Marketplace.Core.Access;

namespace Marketplace.Functions.Shortlisting;

/// <summary>Who may call a route about a commissioner's records, declared once for every shortlisting route.</summary>
internal static class CommissionerRecordsAccess
{
    /// <summary>Only the commissioner that owns the <paramref name="resource"/> (a specification or shortlist) or is named in the path.</summary>
    public static TBuilder AllowOwningCommissioner<TBuilder>(this TBuilder builder, string resource) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowRoles(MarketplaceRole.Commissioner).ScopedToOrganisation(resource, (MarketplaceRole.Commissioner, RelationTo(resource)));

    /// <summary>The owning (or named) commissioner, and an Admin reading any commissioner's records.</summary>
    public static TBuilder AllowOwningCommissionerOrAdmin<TBuilder>(this TBuilder builder, string resource) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation(resource, (MarketplaceRole.Commissioner, RelationTo(resource)), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    private static OrganisationRelation RelationTo(string resource) =>
        resource == "commissioner" ? OrganisationRelation.NamedCommissioner : OrganisationRelation.OwningCommissioner;
}
