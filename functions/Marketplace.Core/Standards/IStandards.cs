namespace Marketplace.Core.Standards;

/// <summary>The standards register (reference data).</summary>
public interface IStandards
{
    /// <summary>The standard with this code, or null (a malformed code is simply not found).</summary>
    Task<Standard?> FindAsync(string code, CancellationToken ct);

    /// <summary>Every standard in the register.</summary>
    Task<IReadOnlyList<Standard>> ListAsync(CancellationToken ct);
}
