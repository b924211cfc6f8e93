using System.Globalization;
using Marketplace.Core.Registers;

namespace Marketplace.Functions.Registers;

/// <summary>
/// The seed's register snapshots (<c>catalogue-seed/registers/{register}-{yyyy-MM-dd}.csv</c>): each is stored in the
/// register-snapshots container and imported at once, oldest first, so a freshly seeded app starts with its register
/// checks done. Seeding again imports nothing twice: a snapshot already recorded is only resumed if it did not finish.
/// </summary>
public static class RegisterSeed
{
    public static async Task<IReadOnlyList<RegisterImport>> ImportAsync(IServiceProvider services, string folder, Action<string> report, CancellationToken ct)
    {
        var directory = Path.Combine(folder, "registers");
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var snapshots = services.GetRequiredService<IRegisterSnapshots>();
        var imports = services.GetRequiredService<IRegisterImports>();
        var import = services.GetRequiredService<ImportRegisterSnapshot>();
        var clock = services.GetRequiredService<TimeProvider>();
        var files = Directory.GetFiles(directory, "*.csv").Select(path => (Path: path, Snapshot: Parse(Path.GetFileNameWithoutExtension(path))))
            .Where(f => f.Snapshot is not null).OrderBy(f => f.Snapshot!.Value.Date).ThenBy(f => f.Snapshot!.Value.Register.Slug, StringComparer.Ordinal).ToList();
        var results = new List<RegisterImport>();
        foreach (var (path, snapshot) in files)
        {
            var (register, date) = snapshot!.Value;
            if (await imports.FindAsync(register.Slug, date, ct) is null)
            {
                await using var content = File.OpenRead(path);
                var file = await snapshots.SaveAsync(register, date, content, content.Length, ct);
                await imports.QueueAsync(UploadRegisterSnapshot.Queued(register, date, file, clock.GetUtcNow()), ct);
            }
            var done = (await import.RunAsync(ImportRegisterSnapshotFunction.Job, register, date, ct))!;
            report($"registers: {done.Key} {done.Status}, {done.RowsRead} rows, {done.Verified} verified, {done.Reinstated} reinstated, {done.Lapsed} lapsed" +
                (done.Message is null ? "" : $" ({done.Message})"));
            results.Add(done);
        }
        return results;
    }

    /// <summary>The register and date of a seed file named <c>{register}-{yyyy-MM-dd}</c>, or null.</summary>
    private static (PublicRegister Register, DateOnly Date)? Parse(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && PublicRegisters.BySlug(name[..dash]) is { } register
            && DateOnly.TryParseExact(name[(dash + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (register, date)
                : null;
    }
}
