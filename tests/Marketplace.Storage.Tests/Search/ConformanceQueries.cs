using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Storage.Tests.Search;

/// <summary>
/// The catalogue queries every search adapter must answer alike. The Lucene adapter runs them for real
/// (<see cref="CatalogueSearchConformance"/>); the Azure AI Search adapter's requests for them are checked
/// field by field (<see cref="AzureSearchCatalogueIndexTests"/>).
/// </summary>
public static class ConformanceQueries
{
    private static Dictionary<CatalogueFilter, IReadOnlyList<string>> Filters(params (CatalogueFilter Filter, string[] Values)[] filters) =>
        filters.ToDictionary(f => f.Filter, f => (IReadOnlyList<string>)f.Values);

    public static readonly CatalogueQuery Everything = new();
    public static readonly CatalogueQuery FallDetector = new() { Text = "fall detector" };
    public static readonly CatalogueQuery Either = new() { Text = "oximeter | scales" };
    public static readonly CatalogueQuery AlarmButNotPendant = new() { Text = "alarm -pendant" };
    public static readonly CatalogueQuery NotPendant = new() { Text = "-pendant" };
    public static readonly CatalogueQuery Phrase = new() { Text = "\"monitoring centre\"" };
    public static readonly CatalogueQuery Words = new() { Text = "monitoring centre" };
    public static readonly CatalogueQuery OneCategory = new() { Filters = Filters((CatalogueFilter.Category, ["fall-detector"])) };
    public static readonly CatalogueQuery TwoCategories = new() { Filters = Filters((CatalogueFilter.Category, ["fall-detector", "pendant-alarm"])) };
    public static readonly CatalogueQuery CategoryAndConnectivity = new()
    {
        Filters = Filters((CatalogueFilter.Category, ["pendant-alarm", "fall-detector"]), (CatalogueFilter.Connectivity, ["digital"])),
    };
    public static readonly CatalogueQuery ConditionsAndRegion = new()
    {
        Filters = Filters((CatalogueFilter.Condition, ["falls-risk", "dementia"]), (CatalogueFilter.Region, ["london"])),
    };
    public static readonly CatalogueQuery StandardLotAndSupplier = new()
    {
        Filters = Filters((CatalogueFilter.Standard, ["A2D-READY"]), (CatalogueFilter.Lot, ["lot-1"]), (CatalogueFilter.Supplier, ["pennine-careline"])),
    };
    public static readonly CatalogueQuery TextFiltersAndCeiling = new()
    {
        Text = "alarm",
        Filters = Filters((CatalogueFilter.Lot, ["lot-1"])),
        MaxPrice = 100m,
    };
    public static readonly CatalogueQuery UpToForty = new() { MaxPrice = 40m };
    public static readonly CatalogueQuery ByPrice = new() { Sort = CatalogueSort.Price, PageSize = 100 };
    public static readonly CatalogueQuery ByName = new() { Sort = CatalogueSort.Name, PageSize = 100 };
    public static readonly CatalogueQuery ThirdPageOfSeven = new() { Page = 3, PageSize = 7 };
    public static readonly CatalogueQuery TwoCapabilities = new()
    {
        Filters = Filters((CatalogueFilter.Capability, ["clinician-dashboard", "configurable-alert-limits"])),
        PageSize = 100,
    };
    public static readonly CatalogueQuery CategoryAndCapability = new()
    {
        Filters = Filters((CatalogueFilter.Category, ["blood-pressure-monitor", "vital-signs-hub"]), (CatalogueFilter.Capability, ["clinician-dashboard"])),
        PageSize = 100,
    };
    public static readonly CatalogueQuery QuotedSupplier = new() { Filters = Filters((CatalogueFilter.Supplier, ["o'neill-care", "pennine-careline"])) };
}
