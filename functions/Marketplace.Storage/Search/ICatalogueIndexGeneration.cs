namespace Marketplace.Storage.Search;

/// <summary>
/// An index that can say when its answers may have changed: <see cref="Generation"/> moves on after every write is
/// visible to searches, so an answer kept under the generation read before its search is never older than that key.
/// </summary>
public interface ICatalogueIndexGeneration
{
    long Generation { get; }
}
