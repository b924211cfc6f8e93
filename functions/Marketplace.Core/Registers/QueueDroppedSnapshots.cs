namespace Marketplace.Core.Registers;

/// <summary>
/// Snapshots dropped straight into the container (without the upload route) are found and queued: every stored file
/// whose version has no import yet gets one. The app's own timer job.
/// </summary>
public sealed class QueueDroppedSnapshots(IRegisterSnapshots snapshots, IRegisterImports imports, TimeProvider clock)
{
    /// <summary>The imports queued now.</summary>
    public async Task<IReadOnlyList<RegisterImport>> RunAsync(CancellationToken ct)
    {
        var queued = new List<RegisterImport>();
        await foreach (var (register, date) in snapshots.ListAsync(ct))
        {
            if (await snapshots.FindAsync(register, date, ct) is not { } file)
            {
                continue;
            }
            var known = await imports.FindAsync(register.Slug, date, ct);
            if (known?.Document.SnapshotVersion != file.Version)
            {
                queued.Add(await imports.QueueAsync(UploadRegisterSnapshot.Queued(register, date, file, clock.GetUtcNow()), ct));
            }
        }
        return queued;
    }
}
