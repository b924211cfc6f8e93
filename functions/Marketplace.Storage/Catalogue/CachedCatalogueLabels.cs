using Marketplace.Core.Catalogue.Search;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// Supplier and lot names for the search page's facets, and what associations vouch for each supplier, read from the reference data at most once a minute instead
/// of on every view (suppliers and frameworks change only when the seed import writes, which calls
/// <see cref="Invalidate"/>). One process-wide copy; two views that refresh at once both read, harmlessly.
/// </summary>
public sealed class CachedCatalogueLabels(IOrganisations organisations, IFrameworks frameworks, TimeProvider time) : ICatalogueLabels
{
    /// <summary>How long a read is used before the tables are read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(CatalogueLabels Labels, DateTimeOffset ReadAt);

    private volatile Entry? cached;

    public async Task<CatalogueLabels> ReadAsync(CancellationToken ct)
    {
        if (cached is { } entry && time.GetUtcNow() - entry.ReadAt < Lifetime)
        {
            return entry.Labels;
        }
        var readAt = time.GetUtcNow();
        var supplierList = await organisations.ListAsync(OrganisationKind.Supplier, ct);
        var suppliers = supplierList.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        // Only the few associations suppliers name are looked up (five in the seed), not every organisation.
        var associations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in supplierList.SelectMany(o => o.Memberships.Concat(o.Commitments.Select(c => c.VouchedBy))).Distinct(StringComparer.Ordinal))
        {
            associations[id] = (await organisations.FindAsync(id, ct))?.Name ?? id;
        }
        var vouched = supplierList
            .Select(o => (o.Id, Line: Vouching.Describe([.. o.Memberships.Select(m => associations[m])],
                o.Commitments.Select(c => (Commitments.Title(c.Commitment), associations[c.VouchedBy])))))
            .Where(v => v.Line.Length > 0)
            .ToDictionary(v => v.Id, v => v.Line, StringComparer.Ordinal);
        var lots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var framework in await frameworks.ListAsync(ct))
        {
            foreach (var lot in framework.Lots)
            {
                lots[lot.Id] = CatalogueLabels.LotTitle(framework.Reference, lot.Number, lot.Name);
            }
        }
        var labels = new CatalogueLabels(suppliers, lots, vouched);
        cached = new Entry(labels, readAt);
        return labels;
    }

    /// <summary>Forgets the copy, so the next view reads the tables (after an import).</summary>
    public void Invalidate() => cached = null;
}
