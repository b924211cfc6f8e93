using System.Text.Json.Serialization;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Storage.Search;

/// <summary>
/// What is uploaded to (and read back from) Azure AI Search: the search document with explicit field names, plus
/// the sort keys the index needs (fair-ordering key, normalised name). The names are pinned here so they match the
/// index definition whatever serializer the client is configured with.
/// </summary>
internal sealed record AzureOfferingDocument
{
    [JsonPropertyName(CatalogueFields.Id)] public string Id { get; init; } = "";
    [JsonPropertyName(CatalogueFields.Name)] public string Name { get; init; } = "";
    [JsonPropertyName(CatalogueFields.Summary)] public string? Summary { get; init; }
    [JsonPropertyName(CatalogueFields.Description)] public string? Description { get; init; }
    [JsonPropertyName(CatalogueFields.SupplierId)] public string SupplierId { get; init; } = "";
    [JsonPropertyName(CatalogueFields.SupplierName)] public string? SupplierName { get; init; }
    [JsonPropertyName(CatalogueFields.Category)] public string Category { get; init; } = "";
    [JsonPropertyName(CatalogueFields.Conditions)] public IReadOnlyList<string>? Conditions { get; init; }
    [JsonPropertyName(CatalogueFields.Regions)] public IReadOnlyList<string>? Regions { get; init; }
    [JsonPropertyName(CatalogueFields.Lots)] public IReadOnlyList<string>? Lots { get; init; }
    [JsonPropertyName(CatalogueFields.Connectivity)] public string? Connectivity { get; init; }
    [JsonPropertyName("interoperability")] public IReadOnlyList<string>? Interoperability { get; init; }
    [JsonPropertyName(CatalogueFields.Features)] public IReadOnlyList<string>? Features { get; init; }
    [JsonPropertyName(CatalogueFields.VerifiedStandards)] public IReadOnlyList<string>? VerifiedStandards { get; init; }
    [JsonPropertyName(CatalogueFields.Capabilities)] public IReadOnlyList<string>? Capabilities { get; init; }
    [JsonPropertyName("priceModel")] public string? PriceModel { get; init; }
    [JsonPropertyName(CatalogueFields.PriceGbp)] public decimal PriceGbp { get; init; }
    [JsonPropertyName("leadTimeDays")] public int LeadTimeDays { get; init; }
    [JsonPropertyName(CatalogueFields.FairKey)] public long FairKey { get; init; }
    [JsonPropertyName(CatalogueFields.NameSort)] public string? NameSort { get; init; }

    public static AzureOfferingDocument From(OfferingSearchDocument d) => new()
    {
        Id = d.Id,
        Name = d.Name,
        Summary = d.Summary,
        Description = d.Description,
        SupplierId = d.SupplierId,
        SupplierName = d.SupplierName,
        Category = d.Category,
        Conditions = d.Conditions,
        Regions = d.Regions,
        Lots = d.Lots,
        Connectivity = d.Connectivity,
        Interoperability = d.Interoperability,
        Features = d.Features,
        VerifiedStandards = d.VerifiedStandards,
        Capabilities = d.Capabilities,
        PriceModel = d.PriceModel,
        PriceGbp = d.PriceGbp,
        LeadTimeDays = d.LeadTimeDays,
        FairKey = FairOrdering.KeyOf(d.Id),
        NameSort = NameOrdering.KeyOf(d.Name),
    };

    public OfferingSearchDocument ToSearchDocument() => new()
    {
        Id = Id,
        Name = Name,
        Summary = Summary ?? "",
        Description = Description ?? "",
        SupplierId = SupplierId,
        SupplierName = SupplierName ?? "",
        Category = Category,
        Conditions = Conditions ?? [],
        Regions = Regions ?? [],
        Lots = Lots ?? [],
        Connectivity = Connectivity ?? "",
        Interoperability = Interoperability ?? [],
        Features = Features ?? [],
        VerifiedStandards = VerifiedStandards ?? [],
        Capabilities = Capabilities ?? [],
        PriceModel = PriceModel ?? "",
        PriceGbp = PriceGbp,
        LeadTimeDays = LeadTimeDays,
    };
}
