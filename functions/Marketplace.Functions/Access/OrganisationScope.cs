using Marketplace.Core.Access;

namespace Marketplace.Functions.Access;

/// <summary>How a caller's organisation must relate to the resource a route is about.</summary>
public enum OrganisationRelation
{
    /// <summary>Any organisation (the role alone decides).</summary>
    AnyOrganisation,
    /// <summary>The supplier that owns the resource (or is named in the path).</summary>
    OwningSupplier,
    /// <summary>An association the owning supplier belongs to.</summary>
    MemberAssociation,
    /// <summary>The certification body the attestation names, accredited for its standard.</summary>
    DecidingCertifier,
    /// <summary>The certification body the attestation names (reading it).</summary>
    NamedByAttestation,
    /// <summary>The certification body named in the path.</summary>
    NamedCertifier,
    /// <summary>The commissioner that owns the resource (a specification or shortlist).</summary>
    OwningCommissioner,
    /// <summary>The commissioner named in the path.</summary>
    NamedCommissioner,
    InvitedSupplier,
}

/// <summary>
/// Declares that a route's answer depends on the caller's organisation, not only their role: for each allowed role,
/// which organisation may act on the <see cref="Resource"/> (<c>attestation</c>, <c>offering</c>, <c>supplier</c>,
/// <c>certifier</c>, <c>specification</c>, <c>shortlist</c>, <c>commissioner</c>) the path names. The handler enforces it (403); the access matrix tests every route that declares
/// it with the caller's own organisation and with another, and fails for a parameterised route that declares none.
/// </summary>
public sealed record OrganisationScope(string Resource, IReadOnlyDictionary<MarketplaceRole, OrganisationRelation> Relations)
{
    public string Describe() => $"Per {Resource}: " + string.Join("; ", Relations.OrderBy(r => r.Key).Select(r => $"{r.Key} — {Describe(r.Value)}")) + ".";

    private static string Describe(OrganisationRelation relation) => relation switch
    {
        OrganisationRelation.OwningSupplier => "its own supplier only",
        OrganisationRelation.MemberAssociation => "an association its supplier belongs to",
        OrganisationRelation.DecidingCertifier => "the certification body it names, accredited for its standard",
        OrganisationRelation.NamedByAttestation => "the certification body it names",
        OrganisationRelation.NamedCertifier => "that certification body only",
        OrganisationRelation.OwningCommissioner => "its own commissioner only",
        OrganisationRelation.NamedCommissioner => "that commissioner only",
        OrganisationRelation.InvitedSupplier => "a supplier it invited",
        _ => "any organisation",
    };
}

public static class OrganisationScopeExtensions
{
    /// <summary>Declares how each role's organisation must relate to the resource (roles not named are refused by the access rule).</summary>
    public static TBuilder ScopedToOrganisation<TBuilder>(this TBuilder builder, string resource, params (MarketplaceRole Role, OrganisationRelation Relation)[] relations)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OrganisationScope(resource, relations.ToDictionary(r => r.Role, r => r.Relation)));
}
