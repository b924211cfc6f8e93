namespace Marketplace.Core.Catalogue;

/// <summary>
/// What the catalogue search index holds for one active offering. Derived data: rebuilt from the tables at will.
/// </summary>
public sealed record OfferingSearchDocument
{
    /// <summary>Offering id (kebab-case slug); the index key.</summary>
    public required string Id { get; init; }
    /// <summary>Display name of the offering.</summary>
    public required string Name { get; init; }
    /// <summary>One-line summary, searched and shown.</summary>
    public string Summary { get; init; } = "";
    /// <summary>Long description, searched.</summary>
    public string Description { get; init; } = "";
    /// <summary>Owning supplier organisation id.</summary>
    public required string SupplierId { get; init; }
    /// <summary>Owning supplier's display name, searched and shown.</summary>
    public string SupplierName { get; init; } = "";
    /// <summary>Category slug, e.g. <c>fall-detector</c>.</summary>
    public required string Category { get; init; }
    /// <summary>Condition slugs the offering supports.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>Region slugs served.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Framework lot ids the offering is listed in.</summary>
    public IReadOnlyList<string> Lots { get; init; } = [];
    /// <summary><c>analogue</c>, <c>digital</c> or <c>both</c>.</summary>
    public string Connectivity { get; init; } = "";
    /// <summary>Interoperability slugs.</summary>
    public IReadOnlyList<string> Interoperability { get; init; } = [];
    /// <summary>Short feature phrases, searched.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
    /// <summary>Standard codes held through verified, unexpired attestations only.</summary>
    public IReadOnlyList<string> VerifiedStandards { get; init; } = [];
    /// <summary>Capability slugs the offering declares (<see cref="Catalogue.Capabilities"/>).</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    /// <summary>Price model slug.</summary>
    public string PriceModel { get; init; } = "";
    /// <summary>Price in GBP under the price model.</summary>
    public decimal PriceGbp { get; init; }
    /// <summary>Days from order to delivery or go-live.</summary>
    public int LeadTimeDays { get; init; }
}
