using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Marketplace.Core.Catalogue;

/// <summary>
/// A product or service in the catalogue, as <c>schemas/offering.schema.json</c> describes it: the supplier's
/// <see cref="OfferingListing"/> plus the fields the marketplace owns (id, supplier, status). The JSON stays flat,
/// in the schema's order: id and supplierId first, status last.
/// </summary>
public sealed record Offering : OfferingListing
{
    /// <summary>The audit trail's name for offerings.</summary>
    public const string SubjectKind = "offering";

    /// <summary>For object initialisers and deserialisation.</summary>
    public Offering()
    {
    }

    /// <summary>The active offering <paramref name="listing"/> describes (only the listing's own fields are taken from it).</summary>
    [SetsRequiredMembers]
    public Offering(OfferingListing listing, string id, string supplierId) : base(listing)
    {
        Id = id;
        SupplierId = supplierId;
    }

    /// <summary>Offering id (kebab-case slug).</summary>
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }
    /// <summary>Owning supplier organisation id.</summary>
    [JsonPropertyOrder(-1)]
    public required string SupplierId { get; init; }
    /// <summary><c>active</c> or <c>retired</c>.</summary>
    [JsonPropertyOrder(1)]
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
