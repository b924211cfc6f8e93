using Marketplace.Core;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Storage.Catalogue;

/// <summary>Organisations, frameworks and standards read from their tables.</summary>
public sealed class TableReferenceData(CatalogueTables tables) : IOrganisations, IFrameworks, IStandards
{
    async Task<Organisation?> IOrganisations.FindAsync(string id, CancellationToken ct) =>
        Ids.IsId(id) ? (await tables.Organisations.FindAsync(id, ct))?.Document : null;

    async Task<IReadOnlyList<Organisation>> IOrganisations.ListAsync(string? kind, CancellationToken ct) =>
        await ToListAsync(tables.Organisations.ListAsync(kind is null ? null : TableFilter.Equal("Kind", kind), ct), ct);

    async Task<Framework?> IFrameworks.FindAsync(string id, CancellationToken ct) =>
        Ids.IsId(id) ? (await tables.Frameworks.FindAsync(id, ct))?.Document : null;

    async Task<IReadOnlyList<Framework>> IFrameworks.ListAsync(CancellationToken ct) =>
        await ToListAsync(tables.Frameworks.ListAsync(null, ct), ct);

    async Task<Standard?> IStandards.FindAsync(string code, CancellationToken ct) =>
        Ids.IsStandardCode(code) ? (await tables.Standards.FindAsync(code, ct))?.Document : null;

    async Task<IReadOnlyList<Standard>> IStandards.ListAsync(CancellationToken ct) =>
        await ToListAsync(tables.Standards.ListAsync(null, ct), ct);

    private static async Task<IReadOnlyList<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }
        return list;
    }
}
