namespace Marketplace.Core.Catalogue;

/// <summary>Tells the search index that an offering (or what it shows, e.g. its standards) changed.</summary>
public interface ISearchIndexUpdates
{
    /// <summary>Brings the offering's search document in line with the tables; durable even if the index is down.</summary>
    Task OfferingChangedAsync(string offeringId, CancellationToken ct);
}
