using Marketplace.Core.Assessments;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;
using Marketplace.Storage.Audit;

namespace Marketplace.Storage.Assessments;

/// <summary>Buyer assessments in their audited table, found by the <c>OfferingId</c> and <c>CommissionerId</c> columns.</summary>
public sealed class TableBuyerAssessments(AuditedDocuments<BuyerAssessment> records) : IBuyerAssessments
{
    public Task<StoredDocument<BuyerAssessment>?> FindAsync(string id, CancellationToken ct) => records.FindAsync(id, ct);

    public Task<StoredDocument<BuyerAssessment>?> AddAsync(BuyerAssessment assessment, AuditEvent created, CancellationToken ct) =>
        records.AddAsync(assessment, created, ct);

    public Task<StoredDocument<BuyerAssessment>?> ReplaceAsync(BuyerAssessment next, BuyerAssessment current, string ifMatch, AuditEvent change, CancellationToken ct) =>
        records.ReplaceAsync(next, current, ifMatch, change, ct);

    public async Task<IReadOnlyList<BuyerAssessment>> OfOfferingAsync(string offeringId, CancellationToken ct) =>
        await records.Table.ListAllAsync(TableFilter.Equal("OfferingId", offeringId), ct, ranges: 1);

    public async Task<IReadOnlyList<BuyerAssessment>> OfCommissionerAsync(string commissionerId, CancellationToken ct) =>
        await records.Table.ListAllAsync(TableFilter.Equal("CommissionerId", commissionerId), ct, ranges: 1);

    public Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct) => records.HistoryAsync(id, ct);
}
