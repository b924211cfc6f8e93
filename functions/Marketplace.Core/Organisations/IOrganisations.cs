namespace Marketplace.Core.Organisations;

/// <summary>The marketplace's organisations (reference data: suppliers, associations, commissioners, certifiers).</summary>
public interface IOrganisations
{
    /// <summary>The organisation with this id, or null (a malformed id is simply not found).</summary>
    Task<Organisation?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every organisation of one kind (<see cref="OrganisationKind"/>), or of every kind when null.</summary>
    Task<IReadOnlyList<Organisation>> ListAsync(string? kind, CancellationToken ct);
}
