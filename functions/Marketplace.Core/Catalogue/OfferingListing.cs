namespace Marketplace.Core.Catalogue;

/// <summary>
/// What a supplier writes about an offering (<c>schemas/offering-listing.schema.json</c>): the one definition of a
/// listing's fields. The stored <see cref="Offering"/> is this plus the fields the marketplace owns, so neither is
/// ever copied into the other by hand. Not sealed for that reason.
/// </summary>
public record OfferingListing
{
    /// <summary><c>product</c> or <c>service</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    // "?? default" because generated JSON code sets a member a body leaves out to null (dotnet/runtime#84484), where
    // reflection kept the initial value; the API binds bodies with generated code (WireJson).
    /// <summary>At most 280 characters.</summary>
    public string Summary { get; init => field = value ?? ""; } = "";
    /// <summary>Long description.</summary>
    public string Description { get; init => field = value ?? ""; } = "";
    /// <summary>Category slug.</summary>
    public required string Category { get; init; }
    /// <summary>Condition slugs supported.</summary>
    public IReadOnlyList<string> Conditions { get; init => field = value ?? []; } = [];
    /// <summary>Short feature phrases.</summary>
    public IReadOnlyList<string> Features { get; init => field = value ?? []; } = [];
    /// <summary>Interoperability slugs.</summary>
    public IReadOnlyList<string> Interoperability { get; init => field = value ?? []; } = [];
    /// <summary><c>analogue</c>, <c>digital</c> or <c>both</c>; absent for services where it does not apply.</summary>
    public string? Connectivity { get; init; }
    /// <summary>Region slugs served (at least one).</summary>
    public IReadOnlyList<string> Regions { get; init => field = value ?? []; } = [];
    /// <summary>Price under a price model, in GBP excluding VAT.</summary>
    public required OfferingPrice Price { get; init; }
    /// <summary>Days from order to delivery or go-live.</summary>
    public int LeadTimeDays { get; init; }
    /// <summary>Framework lot ids the offering is listed in.</summary>
    public IReadOnlyList<string> Lots { get; init => field = value ?? []; } = [];
    /// <summary>Published outcome evidence, each with its source.</summary>
    public IReadOnlyList<OutcomeEvidence> OutcomeEvidence { get; init => field = value ?? []; } = [];
    /// <summary>Accessibility statement or a link to it.</summary>
    public string AccessibilityStatement { get; init => field = value ?? ""; } = "";
    /// <summary>
    /// The product version or release now listed, e.g. <c>3.1</c>; null when the supplier states none. Buyer assessments
    /// and per-release declarations count only while it is unchanged (DOMAIN.md: DTAC, DCB0129).
    /// </summary>
    public string? ProductVersion { get; init; }
    /// <summary>
    /// What the offering is declared to do, one entry per capability from <see cref="Catalogue.Capabilities"/>. The
    /// only thing capability criteria score: descriptions and features are for people.
    /// </summary>
    public IReadOnlyList<CapabilityDeclaration> Capabilities { get; init => field = value ?? []; } = [];
}

/// <summary>
/// A listing as sent to <c>POST</c> or <c>PUT /api/offerings</c>: the listing's fields and, when the body is an
/// offering fetched with <c>GET</c>, the server-owned fields it carried. Those are accepted only when they match the
/// stored values (<see cref="ListingRules.ServerOwnedMismatches"/>); they never change anything.
/// </summary>
public sealed record SubmittedListing : OfferingListing
{
    /// <summary>The offering's id, as GET returned it; null when not sent.</summary>
    public string? Id { get; init; }
    /// <summary>The owning supplier, as GET returned it; null when not sent.</summary>
    public string? SupplierId { get; init; }
    /// <summary>The status, as GET returned it; null when not sent.</summary>
    public string? Status { get; init; }
}
