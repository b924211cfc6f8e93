// Catalogue benchmark (issue 4): for each size, on this machine, with a private Azurite:
//   generate → import into Azurite (throughput) → build the Lucene index from the tables (time)
//   → search in-process (p50/p95) → the same query mix on a raw Lucene.Net index of the same documents (p50/p95)
//   → start the real app and search over HTTP (p50/p95, and both ratios to raw) → shortlist over HTTP (p50/p95) → memory.
// Usage: dotnet run -c Release --project bench/Marketplace.Bench.Catalogue -- [--offerings 10000,100000] [--queries 300] [--shortlists 20]
//   [--load-seconds 60] [--skip-raw] [--hold-seconds 120] [--app-env "default|DOTNET_GCConserveMemory=5,DOTNET_GCgen0size=0x1000000|standalone"]
using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Bench.Catalogue;
using Marketplace.CatalogueGenerator;
using Marketplace.Storage;
using Marketplace.Storage.Audit;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Marketplace.Storage.Provisioning;
using Marketplace.Storage.Search;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

var sizes = Arg("--offerings", "10000,100000").Split(',').Select(int.Parse).ToArray();
var queryCount = int.Parse(Arg("--queries", "300"));
var shortlistCount = int.Parse(Arg("--shortlists", "20"));
// The load benchmark (bench/load.mjs) runs after the single-client measurements when given a duration.
var loadSeconds = int.Parse(Arg("--load-seconds", "0"));
// Memory work needs the app, not the raw-Lucene comparison: --skip-raw leaves out the in-process and raw Lucene searches.
var skipRaw = args.Contains("--skip-raw");
// --hold-seconds N keeps the app up N seconds after the shortlists and after the load, so that tools
// (dotnet-gcdump, dotnet-counters, /proc/<pid>/smaps) can be pointed at it.
var holdSeconds = int.Parse(Arg("--hold-seconds", "0"));
// --app-env runs the app once per variant ('|'-separated; each a ','-separated list of NAME=VALUE set for the app alone,
// or "default", or "standalone") against the same generated catalogue, Azurite and index: GC settings compared without
// generating, importing and indexing 100,000 offerings again for each. Every variant runs the app as the Functions host
// runs it (Background__RunInProcess=false: timers and queue messages come from the host, so none runs in the app during
// the measurement; the benchmark has built the index and the candidate projection itself), unless it sets
// Background__RunInProcess: "standalone" is the laptop's app, which also reindexes and reconciles at start and measures
// beside that work. A standalone variant's start-up reconciliation writes the aggregates, so variants after it are not
// like the ones before: put standalone last.
var appVariants = Arg("--app-env", "default").Split('|').Select(AppEnvironment).ToArray();
var loadReport = new List<string>();
var report = new List<string> { "| offerings | generate | import (records/s) | index build | raw Lucene p50 / p95 | search in-process p50 / p95 (× raw p95) | search over HTTP p50 / p95 (× raw p95) | shortlist over HTTP p50 / p95 (eligible of considered) | app memory (RSS / peak) |", "|---|---|---|---|---|---|---|---|---|" };

Console.WriteLine("Building the app (Release)...");
var appFolder = AppBuild.Release();

foreach (var size in sizes)
{
    var work = Directory.CreateTempSubdirectory($"bench-{size}-");
    try
    {
        Console.WriteLine($"== {size:N0} offerings");
        var clock = Stopwatch.StartNew();
        new CatalogueGenerator(size).WriteTo(work.FullName);
        // The hand-written key-requirements templates are imported with the catalogue.
        Directory.CreateDirectory(Path.Combine(work.FullName, "templates"));
        foreach (var template in Directory.GetFiles(RepositoryPaths.Combine("catalogue-seed", "templates"), "*.json"))
        {
            File.Copy(template, Path.Combine(work.FullName, "templates", Path.GetFileName(template)));
        }
        var generate = clock.Elapsed;
        Console.WriteLine($"generated in {generate.TotalSeconds:0.0} s");

        await using var azurite = await Azurite.StartAsync(allowExternal: false);
        var names = new StorageNames();
        var tableService = new TableServiceClient(azurite.ConnectionString);
        await new StorageProvisioner(tableService, new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), names,
            NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
        var tables = new CatalogueTables(tableService, names);

        clock.Restart();
        var counts = await new CatalogueImport(tables, new ShortlistingTables(tableService, names, new TableAuditLog(tableService, names), NullLogger<ShortlistingTables>.Instance)).RunAsync(work.FullName, _ => { }, CancellationToken.None);
        var import = clock.Elapsed;
        var records = counts.Sum(c => c.Added);
        Console.WriteLine($"imported {records:N0} records in {import.TotalSeconds:0.0} s ({records / import.TotalSeconds:N0} records/s)");

        // What the app's import does next: shortlists read the candidate projection, built here from the imported tables.
        clock.Restart();
        var candidates = await new CandidateProjection(tableService, names, tables, NullLogger<CandidateProjection>.Instance).ReconcileAsync(CancellationToken.None);
        Console.WriteLine($"candidate projection: {candidates.Rows:N0} rows ({candidates.CountExpected:N0} active offerings) built in {clock.Elapsed.TotalSeconds:0.0} s");

        var lucenePath = Path.Combine(work.FullName, "lucene");
        var source = new TableOfferingSearchSource(tables, TimeProvider.System);
        TimeSpan build;
        Latency? inProcess = null;
        Latency? rawLatency = null;
        using (var index = new LuceneCatalogueIndex(lucenePath))
        {
            clock.Restart();
            var indexed = await index.RebuildAsync(source.ListActiveAsync(CancellationToken.None), CancellationToken.None);
            build = clock.Elapsed;
            Console.WriteLine($"indexed {indexed:N0} offerings in {build.TotalSeconds:0.0} s");
            if (!skipRaw)
            {
                inProcess = await InProcessSearch.MeasureAsync(index, queryCount);
                Console.WriteLine($"in-process search: {inProcess}");
                // On disk through FSDirectory.Open, as the app keeps its index.
                var (raw, rawBuild) = await RawLucene.BuildAsync(source.ListActiveAsync(CancellationToken.None), Lucene.Net.Store.FSDirectory.Open(Path.Combine(work.FullName, "raw-lucene")));
                Console.WriteLine($"raw Lucene index built in {rawBuild.TotalSeconds:0.0} s");
                await RawLucene.CheckSameAnswersAsync(raw, index);
                rawLatency = raw.Measure(queryCount);
                raw.Dispose();
                Console.WriteLine($"raw Lucene search: {rawLatency}; in-process {inProcess.P95 / rawLatency.P95:0.0}× raw p95");
            }
        }

        foreach (var (label, environment) in appVariants)
        {
            if (appVariants.Length > 1)
            {
                Console.WriteLine($"-- app with {label} ({DateTime.UtcNow:HH:mm:ss} UTC, load average {LoadAverage()})");
            }
            clock.Restart();
            await using var app = await RunningApp.StartAsync(appFolder, azurite.ConnectionString, lucenePath, environment);
            Console.WriteLine($"app ready after its start-up work in {clock.Elapsed.TotalSeconds:0} s; {app.CompactionLog}; memory then: {app.Memory().Breakdown()}");
            var overHttp = await app.MeasureSearchAsync(queryCount);
            Console.WriteLine($"HTTP search: {overHttp} ({Ratio(overHttp, rawLatency)} raw p95)");
            var (shortlist, firstShortlist, eligible, considered) = await app.MeasureShortlistAsync(shortlistCount);
            var memory = app.Memory();
            Console.WriteLine($"HTTP shortlist: {shortlist} ({eligible} eligible of {considered:N0}); app memory {memory}");
            Console.WriteLine($"last shortlist, as the app logged it: {app.LastShortlistLog}");
            Console.WriteLine($"first shortlist of the lot (reads and decodes its buckets; not in the percentiles): {firstShortlist:N0} ms");
            Console.WriteLine($"app memory after the shortlists: {memory.Breakdown()}");
            await HoldAsync(app, "after the shortlists");
            if (loadSeconds > 0)
            {
                Console.WriteLine($"load: 32 search clients for {loadSeconds} s, then the same with 8 commissioners shortlisting for {loadSeconds} s...");
                var droppedBefore = app.KeptPagesDropped;
                var load = await app.LoadAsync(loadSeconds, commissioners: 8);
                Console.WriteLine($"kept search pages dropped by index writes during the load: {app.KeptPagesDropped - droppedBefore} times");
                // Peak resident memory over the whole life of the app, load included.
                var afterLoad = app.Memory();
                loadReport.Add($"{size:N0} offerings{(appVariants.Length > 1 ? $" ({label})" : "")}: {load}; app memory after the load (RSS / peak) {afterLoad}");
                Console.WriteLine(loadReport[^1]);
                Console.WriteLine($"app memory after the load: {afterLoad.Breakdown()}");
                await HoldAsync(app, "after the load");
            }
            report.Add($"| {size:N0}{(appVariants.Length > 1 ? $" ({label})" : "")} | {generate.TotalSeconds:0.0} s | {records:N0} in {import.TotalSeconds:0.0} s ({records / import.TotalSeconds:N0}/s) | {build.TotalSeconds:0.0} s | {rawLatency?.ToString() ?? "–"} | {inProcess?.ToString() ?? "–"} ({Ratio(inProcess, rawLatency)}) | {overHttp} ({Ratio(overHttp, rawLatency)}) | {shortlist} ({eligible} of {considered:N0}) | {memory} |");
        }
    }
    finally
    {
        work.Delete(recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine($"Catalogue benchmark, {Environment.ProcessorCount} cores, {queryCount} queries per measurement:");
report.ForEach(Console.WriteLine);
loadReport.ForEach(Console.WriteLine);

static string Ratio(Latency? measured, Latency? raw) => measured is null || raw is null ? "– ×" : $"{measured.P95 / raw.P95:0.0}×";

async Task HoldAsync(RunningApp app, string when)
{
    if (holdSeconds > 0)
    {
        Console.WriteLine($"holding the app (pid {app.ProcessId}) {holdSeconds} s {when}...");
        await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
    }
}

static (string Label, IReadOnlyDictionary<string, string> Environment) AppEnvironment(string variant) => variant switch
{
    "default" => (variant, new Dictionary<string, string>()),
    "standalone" => (variant, new Dictionary<string, string> { ["Background__RunInProcess"] = "true" }),
    _ => (variant, variant.Split(',').Select(setting => setting.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1])),
};

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
