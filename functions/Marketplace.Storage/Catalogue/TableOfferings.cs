using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// Offerings in their document table: point reads by id, a history row and an audit event on every change (the event
/// rides on the row, as for attestations, so a change is never left without it), a column filter per supplier.
/// </summary>
public sealed class TableOfferings(CatalogueTables tables, IAuditLog audit, ILogger<TableOfferings> logger) : IOfferings
{
    private readonly AuditedDocuments<Offering> documents = new(tables.Offerings, Offering.SubjectKind, audit, logger);

    public Task<StoredDocument<Offering>?> FindAsync(string id, CancellationToken ct) => documents.FindAsync(id, ct);

    public Task<StoredDocument<Offering>?> AddAsync(Offering offering, AuditEvent created, CancellationToken ct) => documents.AddAsync(offering, created, ct);

    public Task<StoredDocument<Offering>?> ReplaceAsync(Offering replacement, Offering current, string ifMatch, AuditEvent change, CancellationToken ct) =>
        documents.ReplaceAsync(replacement, current, ifMatch, change, ct);

    /// <summary>The offering's audit events, oldest first, including one still waiting on its row.</summary>
    public Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct) => documents.HistoryAsync(id, ct);

    public async Task<IReadOnlyList<Offering>> ListActiveAsync(string supplierId, CancellationToken ct)
    {
        var offerings = new List<Offering>();
        await foreach (var offering in tables.Offerings.ListAsync(
            $"{TableFilter.Equal("SupplierId", supplierId)} and {TableFilter.Equal("Status", OfferingStatus.Active)}", ct))
        {
            offerings.Add(offering);
        }
        return offerings;
    }
}
