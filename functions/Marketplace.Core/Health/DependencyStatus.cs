namespace Marketplace.Core.Health;

/// <summary>The outcome of probing one dependency (a storage service or the search index).</summary>
/// <param name="Name">Stable name of the dependency, e.g. <c>tables</c>.</param>
/// <param name="Healthy">True when the dependency answered as expected.</param>
/// <param name="Detail">Why it is unhealthy, in words safe to show a caller; null when healthy.</param>
public sealed record DependencyStatus(string Name, bool Healthy, string? Detail = null);

/// <summary>Probes one dependency; implementations must not throw for an unreachable dependency.</summary>
public interface IDependencyProbe
{
    /// <summary>Stable name of the dependency, e.g. <c>tables</c>.</summary>
    string Name { get; }

    /// <summary>Checks the dependency answers, within the caller's deadline.</summary>
    Task<DependencyStatus> ProbeAsync(CancellationToken ct);
}
