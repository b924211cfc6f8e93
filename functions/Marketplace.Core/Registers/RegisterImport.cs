namespace Marketplace.Core.Registers;

/// <summary>
/// One register snapshot's import: which file, how far it got (its checkpoint) and what it did. One per register and
/// snapshot date; uploading that date's file again starts its import afresh.
/// </summary>
public sealed record RegisterImport
{
    /// <summary>The register's slug (<see cref="PublicRegister.Slug"/>).</summary>
    public required string Register { get; init; }
    /// <summary>The date the register published the snapshot.</summary>
    public required DateOnly SnapshotDate { get; init; }
    /// <summary>A <see cref="RegisterImportStatus"/> value.</summary>
    public required string Status { get; init; }
    /// <summary>Why it was refused (what is wrong with the file), or null.</summary>
    public string? Message { get; init; }
    /// <summary>The snapshot's blob name in the <c>register-snapshots</c> container.</summary>
    public required string BlobName { get; init; }
    /// <summary>The version (blob ETag) of the file this import reads; a new upload is a new version.</summary>
    public required string SnapshotVersion { get; init; }
    /// <summary>Size of the file in bytes.</summary>
    public long SizeBytes { get; init; }
    /// <summary>Data rows in the file (known once it has been checked).</summary>
    public long RowsRead { get; init; }
    /// <summary>Batches of rows applied so far: the checkpoint a restarted import resumes after.</summary>
    public int BatchesDone { get; init; }
    /// <summary>Whether the dropped-out attestations have been lapsed (the last step).</summary>
    public bool LapsesDone { get; init; }
    /// <summary>Submitted attestations this snapshot verified.</summary>
    public int Verified { get; init; }
    /// <summary>Lapsed attestations this snapshot verified again (back on the register).</summary>
    public int Reinstated { get; init; }
    /// <summary>Verified attestations this snapshot lapsed (no longer on the register).</summary>
    public int Lapsed { get; init; }
    /// <summary>When it was queued.</summary>
    public required DateTimeOffset QueuedAt { get; init; }
    /// <summary>When the current run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When it finished (done or refused).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The import's key: <c>{register}/{yyyy-MM-dd}</c>, also the blob name without <c>.csv</c>.</summary>
    public string Key => KeyOf(Register, SnapshotDate);

    /// <summary>The key of a register and date.</summary>
    public static string KeyOf(string register, DateOnly date) => $"{register}/{date:yyyy-MM-dd}";

    /// <summary>The blob name of a register and date's snapshot.</summary>
    public static string BlobNameOf(string register, DateOnly date) => KeyOf(register, date) + ".csv";
}

/// <summary>Where an import stands.</summary>
public static class RegisterImportStatus
{
    /// <summary>Uploaded and waiting for the queue.</summary>
    public const string Queued = "queued";
    /// <summary>Being imported (or killed mid-way, to be resumed from its checkpoint).</summary>
    public const string Running = "running";
    /// <summary>Every row applied and dropped-out attestations lapsed.</summary>
    public const string Done = "done";
    /// <summary>The file was refused (see the message); no attestation was changed.</summary>
    public const string Refused = "refused";
}

/// <summary>The queue message that starts (or resumes) an import.</summary>
/// <param name="Register">The register's slug.</param>
/// <param name="SnapshotDate">The snapshot's date, <c>yyyy-MM-dd</c>.</param>
public sealed record RegisterImportRequest(string Register, string SnapshotDate);

/// <summary>One data row of a snapshot: its number (the first row after the header is 1), reference, name and status.</summary>
public sealed record RegisterRow(long Row, string Reference, string Name, string Status);

/// <summary>A snapshot file as stored: its blob name, version (ETag) and size.</summary>
public sealed record SnapshotFile(string BlobName, string Version, long SizeBytes);

/// <summary>The snapshot cannot be read as the register's CSV (encoding, columns, row shape); the message says why.</summary>
public sealed class MalformedSnapshotException(string message) : Exception(message);
