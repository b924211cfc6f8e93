namespace Marketplace.Core.Catalogue;

/// <summary>A product or service in the catalogue, as <c>schemas/offering.schema.json</c> describes it.</summary>
public sealed record Offering
{
    /// <summary>Offering id (kebab-case slug).</summary>
    public required string Id { get; init; }
    /// <summary>Owning supplier organisation id.</summary>
    public required string SupplierId { get; init; }
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
    /// <summary>Condition slugs supported.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>Short feature phrases.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
    /// <summary>Interoperability slugs.</summary>
    public IReadOnlyList<string> Interoperability { get; init; } = [];
    /// <summary><c>analogue</c>, <c>digital</c> or <c>both</c>; absent for services where it does not apply.</summary>
    public string? Connectivity { get; init; }
    /// <summary>Region slugs served (at least one).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Price under a price model, in GBP excluding VAT.</summary>
    public required OfferingPrice Price { get; init; }
    /// <summary>Days from order to delivery or go-live.</summary>
    public int LeadTimeDays { get; init; }
    /// <summary>Framework lot ids the offering is listed in.</summary>
    public IReadOnlyList<string> Lots { get; init; } = [];
    /// <summary>Published outcome evidence, each with its source.</summary>
    public IReadOnlyList<OutcomeEvidence> OutcomeEvidence { get; init; } = [];
    /// <summary>Accessibility statement or a link to it.</summary>
    public string AccessibilityStatement { get; init; } = "";
    /// <summary><c>active</c> or <c>retired</c>.</summary>
    public string Status { get; init; } = OfferingStatus.Active;
}

/// <summary>Offering statuses.</summary>
public static class OfferingStatus
{
    /// <summary>Listed and searchable.</summary>
    public const string Active = "active";
    /// <summary>Withdrawn by its supplier; kept with its history, never searchable.</summary>
    public const string Retired = "retired";
}

/// <summary>A price: model slug, amount in GBP, and for managed services an optional outcome reward.</summary>
public sealed record OfferingPrice(string Model, decimal AmountGbp, decimal? OutcomeRewardGbp = null);

/// <summary>An outcome claim and where it comes from.</summary>
public sealed record OutcomeEvidence(string Summary, string Source, int Year);
