namespace Marketplace.Core.Catalogue;

/// <summary>
/// What a supplier sends to create or replace a listing (<c>schemas/offering-listing.schema.json</c>): the offering
/// without the fields the marketplace owns (id, supplier, status).
/// </summary>
public sealed record OfferingListing
{
    /// <summary><c>product</c> or <c>service</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>At most 280 characters.</summary>
    public string Summary { get; init; } = "";
    /// <summary>Long description.</summary>
    public string Description { get; init; } = "";
    /// <summary>Category slug.</summary>
    public required string Category { get; init; }
    /// <summary>Condition slugs.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>Feature phrases.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
    /// <summary>Interoperability slugs.</summary>
    public IReadOnlyList<string> Interoperability { get; init; } = [];
    /// <summary><c>analogue</c>, <c>digital</c> or <c>both</c>.</summary>
    public string? Connectivity { get; init; }
    /// <summary>Region slugs served.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Price.</summary>
    public required OfferingPrice Price { get; init; }
    /// <summary>Lead time in days.</summary>
    public int LeadTimeDays { get; init; }
    /// <summary>Framework lot ids.</summary>
    public IReadOnlyList<string> Lots { get; init; } = [];
    /// <summary>Outcome evidence.</summary>
    public IReadOnlyList<OutcomeEvidence> OutcomeEvidence { get; init; } = [];
    /// <summary>Accessibility statement.</summary>
    public string AccessibilityStatement { get; init; } = "";

    /// <summary>The active offering this listing describes.</summary>
    public Offering ToOffering(string id, string supplierId) => new()
    {
        Id = id,
        SupplierId = supplierId,
        Kind = Kind,
        Name = Name,
        Summary = Summary,
        Description = Description,
        Category = Category,
        Conditions = Conditions,
        Features = Features,
        Interoperability = Interoperability,
        Connectivity = Connectivity,
        Regions = Regions,
        Price = Price,
        LeadTimeDays = LeadTimeDays,
        Lots = Lots,
        OutcomeEvidence = OutcomeEvidence,
        AccessibilityStatement = AccessibilityStatement,
        Status = OfferingStatus.Active,
    };
}
