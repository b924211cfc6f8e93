using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// A commissioner's audited records of one kind (specifications, shortlists): every write carries its audit event,
/// and a change names the version it replaces.
/// </summary>
public interface ICommissionerRecords<T> where T : class
{
    /// <summary>The record and its version, or null.</summary>
    Task<StoredDocument<T>?> FindAsync(string id, CancellationToken ct);

    /// <summary>Adds a new record with its creation event; null when the id is taken.</summary>
    Task<StoredDocument<T>?> AddAsync(T record, AuditEvent created, CancellationToken ct);

    /// <summary>Replaces <paramref name="current"/> by <paramref name="next"/> if still at <paramref name="ifMatch"/>; null when it moved on (stale).</summary>
    Task<StoredDocument<T>?> ReplaceAsync(T next, T current, string ifMatch, AuditEvent change, CancellationToken ct);

    /// <summary>The record's audit events, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct);

    /// <summary>Every record the commissioner owns.</summary>
    Task<IReadOnlyList<T>> OfCommissionerAsync(string commissionerId, CancellationToken ct);
}
