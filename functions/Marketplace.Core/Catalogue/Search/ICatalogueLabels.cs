namespace Marketplace.Core.Catalogue.Search;

/// <summary>Names for the ids the catalogue's facets hold: supplier id → name, framework lot id → "reference lot n: name".</summary>
/// <param name="Suppliers">Supplier organisation id → name.</param>
/// <param name="Lots">Framework lot id → the lot as people read it.</param>
/// <param name="Vouched">
/// Supplier id → what its associations vouch for, as one line (<see cref="Organisations.Vouching.Describe"/>), for the
/// results. Display only: deliberately no filter or facet, so membership can never be used as a gate.
/// </param>
public sealed record CatalogueLabels(IReadOnlyDictionary<string, string> Suppliers, IReadOnlyDictionary<string, string> Lots,
    IReadOnlyDictionary<string, string> Vouched)
{
    /// <summary>The lot as people read it, e.g. <c>TTC-2026 lot 1: Telecare devices</c>.</summary>
    public static string LotTitle(string frameworkReference, int number, string name) => $"{frameworkReference} lot {number}: {name}";
}

/// <summary>
/// The labels of the search page's facets. Read on every search view, they change only when reference data is
/// imported, so an adapter may keep them briefly.
/// </summary>
public interface ICatalogueLabels
{
    /// <summary>Current labels (at most a short while old).</summary>
    Task<CatalogueLabels> ReadAsync(CancellationToken ct);
}
