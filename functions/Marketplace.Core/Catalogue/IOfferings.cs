using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>The stored offerings, with ETags for optimistic concurrency, a history row and an audit event for every change.</summary>
public interface IOfferings
{
    /// <summary>The offering (active or retired) and its ETag, or null.</summary>
    Task<StoredDocument<Offering>?> FindAsync(string id, CancellationToken ct);

    /// <summary>Adds a new offering with its audit event; null when the id is taken already (nothing is recorded then).</summary>
    Task<StoredDocument<Offering>?> AddAsync(Offering offering, AuditEvent created, CancellationToken ct);

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="replacement"/> if it is still at
    /// <paramref name="ifMatch"/>, keeping the replaced version as history (who, when) and recording
    /// <paramref name="change"/>; null when stale or gone (then nothing is recorded).
    /// </summary>
    Task<StoredDocument<Offering>?> ReplaceAsync(Offering replacement, Offering current, string ifMatch, AuditEvent change, CancellationToken ct);

    /// <summary>The supplier's active offerings.</summary>
    Task<IReadOnlyList<Offering>> ListActiveAsync(string supplierId, CancellationToken ct);
}
