using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Registers;

/// <summary>The snapshot files (Blob Storage, container <c>register-snapshots</c>, blob <c>{register}/{yyyy-MM-dd}.csv</c>).</summary>
public interface IRegisterSnapshots
{
    /// <summary>Stores <paramref name="length"/> bytes of <paramref name="content"/> as the register's snapshot of that date, replacing any earlier file.</summary>
    Task<SnapshotFile> SaveAsync(PublicRegister register, DateOnly date, Stream content, long length, CancellationToken ct);

    /// <summary>The stored file, or null.</summary>
    Task<SnapshotFile?> FindAsync(PublicRegister register, DateOnly date, CancellationToken ct);

    /// <summary>Every stored snapshot's register and date (blobs named otherwise are skipped).</summary>
    IAsyncEnumerable<(PublicRegister Register, DateOnly Date)> ListAsync(CancellationToken ct);

    /// <summary>
    /// The rows of version <paramref name="version"/> of the file, streamed in file order. Throws
    /// <see cref="MalformedSnapshotException"/> for a file that is not UTF-8, lacks a column of the register or has a
    /// row whose field count differs from the header's.
    /// </summary>
    IAsyncEnumerable<RegisterRow> ReadAsync(PublicRegister register, DateOnly date, string version, CancellationToken ct);
}

/// <summary>The imports' progress records, and the queue that runs them.</summary>
public interface IRegisterImports
{
    /// <summary>The import of a register's snapshot of a date, or null.</summary>
    Task<StoredDocument<RegisterImport>?> FindAsync(string register, DateOnly date, CancellationToken ct);

    /// <summary>Every import, newest snapshot first.</summary>
    Task<IReadOnlyList<RegisterImport>> ListAsync(CancellationToken ct);

    /// <summary>Records <paramref name="import"/> (replacing any earlier run of the same snapshot) and queues it.</summary>
    Task<RegisterImport> QueueAsync(RegisterImport import, CancellationToken ct);

    /// <summary>Saves progress if the record is still at <paramref name="ifMatch"/>; null when another run moved it on.</summary>
    Task<StoredDocument<RegisterImport>?> SaveAsync(RegisterImport next, string ifMatch, CancellationToken ct);
}
