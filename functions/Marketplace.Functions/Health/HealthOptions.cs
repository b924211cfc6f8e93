namespace Marketplace.Functions.Health;

public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long each dependency may take to answer before it counts as down.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
