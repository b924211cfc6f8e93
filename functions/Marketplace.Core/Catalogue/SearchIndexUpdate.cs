namespace Marketplace.Core.Catalogue;

/// <summary>
/// A request to bring one offering's search document in line with the tables, sent on a queue after every write.
/// The message names only the offering: the handler reads the current record, so replays and reordering are harmless.
/// </summary>
/// <param name="OfferingId">The offering whose search document is stale.</param>
public sealed record SearchIndexUpdate(string OfferingId);
