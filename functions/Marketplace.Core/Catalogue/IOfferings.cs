using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>The stored offerings, with ETags for optimistic concurrency and a history row for every change.</summary>
public interface IOfferings
{
    /// <summary>The offering (active or retired) and its ETag, or null.</summary>
    Task<StoredDocument<Offering>?> FindAsync(string id, CancellationToken ct);

    /// <summary>Adds a new offering; null when the id is taken already.</summary>
    Task<StoredDocument<Offering>?> AddAsync(Offering offering, CancellationToken ct);

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="replacement"/> if it is still at
    /// <paramref name="ifMatch"/>, keeping the replaced version as history (who, when); null when stale or gone.
    /// </summary>
    Task<StoredDocument<Offering>?> ReplaceAsync(Offering replacement, Offering current, string ifMatch, string changedBy, DateTimeOffset changedAt, CancellationToken ct);

    /// <summary>The supplier's active offerings.</summary>
    Task<IReadOnlyList<Offering>> ListActiveAsync(string supplierId, CancellationToken ct);
}
