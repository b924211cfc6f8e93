namespace Marketplace.Core.Registers;

/// <summary>Limits of register snapshot imports.</summary>
public sealed record RegisterImportSettings
{
    /// <summary>Largest snapshot accepted: 64 MiB, well above the registers' published files (a 100,000-row file is about 8 MB).</summary>
    public const long DefaultMaxSnapshotBytes = 64L * 1024 * 1024;

    /// <summary>Rows applied between checkpoints.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Largest snapshot accepted, in bytes.</summary>
    public long MaxSnapshotBytes { get; set; } = DefaultMaxSnapshotBytes;
}
