namespace Marketplace.Core.Catalogue.Search;

/// <summary>
/// A catalogue index that can say when its answers may have changed: <see cref="Generation"/> moves on after every write is
/// visible to searches, so an answer kept under the generation read before its search is never older than that key.
/// </summary>
public interface ICatalogueIndexGeneration
{
    /// <summary>Grows with every write searches can see; equal numbers mean equal answers to equal queries.</summary>
    long Generation { get; }
}
