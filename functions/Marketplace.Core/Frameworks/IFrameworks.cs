namespace Marketplace.Core.Frameworks;

/// <summary>Framework agreements and their lots (reference data).</summary>
public interface IFrameworks
{
    /// <summary>The framework with this id, or null.</summary>
    Task<Framework?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every framework.</summary>
    Task<IReadOnlyList<Framework>> ListAsync(CancellationToken ct);

    /// <summary>The framework that has a lot with this id, or null.</summary>
    async Task<Framework?> FindByLotAsync(string lotId, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(f => f.Lots.Any(l => l.Id == lotId));
}
