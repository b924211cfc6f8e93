using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Storage.Search;

/// <summary>
/// Field names shared by both search indexes (the camel-cased properties of the search document, plus the sort
/// keys), and how each catalogue filter maps onto them.
/// </summary>
internal static class CatalogueFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Summary = "summary";
    public const string Description = "description";
    public const string Features = "features";
    public const string SupplierName = "supplierName";
    public const string SupplierId = "supplierId";
    public const string Category = "category";
    public const string Conditions = "conditions";
    public const string Regions = "regions";
    public const string Lots = "lots";
    public const string Connectivity = "connectivity";
    public const string VerifiedStandards = "verifiedStandards";
    public const string Capabilities = "capabilities";
    public const string PriceGbp = "priceGbp";
    public const string FairKey = "fairKey";
    public const string NameSort = "nameSort";

    /// <summary>A match in the name counts three times a match elsewhere, in both indexes.</summary>
    public const double NameWeight = 3;

    /// <summary>The text fields searched, with their weights.</summary>
    public static readonly IReadOnlyDictionary<string, double> Searched = new Dictionary<string, double>
    {
        [Name] = NameWeight,
        [Summary] = 1,
        [Description] = 1,
        [Features] = 1,
        [SupplierName] = 1,
    };

    /// <summary>Where snippets come from, best first on a tie.</summary>
    public static readonly IReadOnlyList<string> Highlighted = [Summary, Description];

    public static string Of(CatalogueFilter filter) => filter switch
    {
        CatalogueFilter.Category => Category,
        CatalogueFilter.Condition => Conditions,
        CatalogueFilter.Standard => VerifiedStandards,
        CatalogueFilter.Region => Regions,
        CatalogueFilter.Lot => Lots,
        CatalogueFilter.Connectivity => Connectivity,
        CatalogueFilter.Supplier => SupplierId,
        CatalogueFilter.Capability => Capabilities,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    public static bool IsCollection(CatalogueFilter filter) =>
        filter is CatalogueFilter.Condition or CatalogueFilter.Standard or CatalogueFilter.Region or CatalogueFilter.Lot or CatalogueFilter.Capability;

    /// <summary>The distinct, non-empty values an offering holds for a filter.</summary>
    public static IEnumerable<string> ValuesOf(OfferingSearchDocument d, CatalogueFilter filter) => (filter switch
    {
        CatalogueFilter.Category => [d.Category],
        CatalogueFilter.Condition => d.Conditions,
        CatalogueFilter.Standard => d.VerifiedStandards,
        CatalogueFilter.Region => d.Regions,
        CatalogueFilter.Lot => d.Lots,
        CatalogueFilter.Connectivity => [d.Connectivity],
        CatalogueFilter.Supplier => [d.SupplierId],
        CatalogueFilter.Capability => d.Capabilities,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    }).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal);
}
