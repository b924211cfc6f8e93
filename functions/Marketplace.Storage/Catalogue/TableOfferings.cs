using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Catalogue;

/// <summary>Offerings in their document table: point reads by id, history rows on every change, a column filter per supplier.</summary>
public sealed class TableOfferings(CatalogueTables tables) : IOfferings
{
    public Task<StoredDocument<Offering>?> FindAsync(string id, CancellationToken ct) => tables.Offerings.FindAsync(id, ct);

    public Task<StoredDocument<Offering>?> AddAsync(Offering offering, CancellationToken ct) => tables.Offerings.AddAsync(offering, ct);

    public Task<StoredDocument<Offering>?> ReplaceAsync(Offering replacement, Offering current, string ifMatch, string changedBy, DateTimeOffset changedAt, CancellationToken ct) =>
        tables.Offerings.ReplaceKeepingHistoryAsync(replacement, current, ifMatch, changedBy, changedAt, ct);

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
