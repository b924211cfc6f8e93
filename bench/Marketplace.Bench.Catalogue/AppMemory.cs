namespace Marketplace.Bench.Catalogue;

/// <summary>
/// A process's resident memory from /proc, split the way it is paid for: anonymous pages (the managed heap, native
/// allocations, thread stacks: memory only the process holds) and file-backed pages (mapped files such as the Lucene
/// index and the assemblies: page cache the kernel can drop and read again), with the file-backed pages of the
/// largest files named.
/// </summary>
public sealed record AppMemory(long RssKb, long PeakKb, long AnonKb, long FileKb, long ShmemKb, IReadOnlyList<(string File, long Kb)> Files)
{
    public static AppMemory Of(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => status.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(':')[1].Trim().Split(' ')[0])
            : 0;
        return new AppMemory(Kb("VmRSS"), Kb("VmHWM"), Kb("RssAnon"), Kb("RssFile"), Kb("RssShmem"), MappedFiles(pid));
    }

    /// <summary>Resident kilobytes per mapped file, grouped as the Lucene index (by extension), assemblies, and the rest.</summary>
    private static List<(string, long)> MappedFiles(int pid)
    {
        var byGroup = new Dictionary<string, long>(StringComparer.Ordinal);
        string? file = null;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            // A mapping's header line starts with its address range ("7f..-7f.. r--s 00000000 08:01 1234  /path").
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-') && !fields[0].EndsWith(':'))
            {
                file = fields.Length >= 6 && fields[5].StartsWith('/') ? string.Join(' ', fields[5..]) : null;
            }
            else if (file is not null && fields.Length >= 2 && fields[0] == "Rss:")
            {
                var group = Group(file);
                byGroup[group] = byGroup.GetValueOrDefault(group) + long.Parse(fields[1]);
            }
        }
        return byGroup.Where(g => g.Value > 0).OrderByDescending(g => g.Value).Select(g => (g.Key, g.Value)).ToList();
    }

    private static string Group(string path) =>
        path.Contains("/lucene/", StringComparison.Ordinal) ? "index " + Path.GetExtension(path)
        : path.EndsWith(".dll", StringComparison.Ordinal) ? "assemblies (.dll)"
        : path.EndsWith(".so", StringComparison.Ordinal) || path.Contains(".so.", StringComparison.Ordinal) ? "native libraries (.so)"
        : "other files";

    /// <summary>What the benchmark's table shows: resident and peak resident memory.</summary>
    public override string ToString() => $"{RssKb / 1024} MB / {PeakKb / 1024} MB";

    /// <summary>The breakdown: anonymous, file-backed (largest groups) and shared.</summary>
    public string Breakdown() =>
        $"RSS {RssKb / 1024} MB (peak {PeakKb / 1024} MB) = anonymous {AnonKb / 1024} MB + file-backed {FileKb / 1024} MB + shared {ShmemKb / 1024} MB; "
        + "file-backed: " + string.Join(", ", Files.Take(8).Select(f => $"{f.File} {f.Kb / 1024} MB"));
}
