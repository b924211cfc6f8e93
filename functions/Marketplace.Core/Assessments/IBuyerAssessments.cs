using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Assessments;

/// <summary>Commissioners' buyer assessments: every write carries its audit event, and a change names the version it replaces.</summary>
public interface IBuyerAssessments
{
    /// <summary>The assessment and its version, or null.</summary>
    Task<StoredDocument<BuyerAssessment>?> FindAsync(string id, CancellationToken ct);

    /// <summary>Adds a new assessment with its event; null when the id is taken (someone recorded it meanwhile).</summary>
    Task<StoredDocument<BuyerAssessment>?> AddAsync(BuyerAssessment assessment, AuditEvent created, CancellationToken ct);

    /// <summary>Replaces <paramref name="current"/> by <paramref name="next"/> if still at <paramref name="ifMatch"/>; null when stale.</summary>
    Task<StoredDocument<BuyerAssessment>?> ReplaceAsync(BuyerAssessment next, BuyerAssessment current, string ifMatch, AuditEvent change, CancellationToken ct);

    /// <summary>Every commissioner's assessments of one offering.</summary>
    Task<IReadOnlyList<BuyerAssessment>> OfOfferingAsync(string offeringId, CancellationToken ct);

    /// <summary>One commissioner's assessments (what its shortlists count).</summary>
    Task<IReadOnlyList<BuyerAssessment>> OfCommissionerAsync(string commissionerId, CancellationToken ct);

    /// <summary>One assessment's audit events, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct);
}
