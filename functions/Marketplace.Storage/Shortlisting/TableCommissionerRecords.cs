using Marketplace.Core.Audit;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Audit;

namespace Marketplace.Storage.Shortlisting;

/// <summary>A commissioner's audited records in their table, found by the <c>CommissionerId</c> column.</summary>
public sealed class TableCommissionerRecords<T>(AuditedDocuments<T> records) : ICommissionerRecords<T> where T : class
{
    public Task<StoredDocument<T>?> FindAsync(string id, CancellationToken ct) => records.FindAsync(id, ct);

    public Task<StoredDocument<T>?> AddAsync(T record, AuditEvent created, CancellationToken ct) => records.AddAsync(record, created, ct);

    public Task<StoredDocument<T>?> ReplaceAsync(T next, T current, string ifMatch, AuditEvent change, CancellationToken ct) =>
        records.ReplaceAsync(next, current, ifMatch, change, ct);

    public Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct) => records.HistoryAsync(id, ct);

    public async Task<IReadOnlyList<T>> OfCommissionerAsync(string commissionerId, CancellationToken ct) =>
        await records.Table.ListAllAsync(TableFilter.Equal("CommissionerId", commissionerId), ct, ranges: 1);
}
