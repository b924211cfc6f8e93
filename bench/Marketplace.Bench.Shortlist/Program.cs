// One shortlist's cost by step (issue 15), in-process: generate a catalogue, import it into a private Azurite, build the
// candidate projection, start the real app (WebApplicationFactory), then run CreateShortlist's steps one by one as it
// runs them, each with its wall time, the process's CPU time and the bytes allocated (GC.GetTotalAllocatedBytes, exact),
// then the whole use case and the same shortlist over HTTP (br, as the catalogue benchmark's client asks).
// Usage: dotnet run -c Release --project bench/Marketplace.Bench.Shortlist -- [--offerings 20000] [--runs 7]
// (WebApplicationFactory takes any type of the app's assembly: this file's own Program would hide the app's.)
// CPU is the whole process's (the app's background work included), so compare it in one sitting; allocations are exact.
using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.CatalogueGenerator;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Marketplace.Storage;
using Marketplace.Storage.Audit;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var size = int.Parse(Arg("--offerings", "20000"));
var runs = int.Parse(Arg("--runs", "7"));
const string Commissioner = "nhs-mersey-vale-icb";

var work = Directory.CreateTempSubdirectory($"bench-shortlist-{size}-");
try
{
    new CatalogueGenerator(size).WriteTo(work.FullName);
    Directory.CreateDirectory(Path.Combine(work.FullName, "templates"));
    foreach (var template in Directory.GetFiles(RepositoryPaths.Combine("catalogue-seed", "templates"), "*.json"))
    {
        File.Copy(template, Path.Combine(work.FullName, "templates", Path.GetFileName(template)));
    }
    await using var azurite = await Azurite.StartAsync(allowExternal: false);
    var names = new StorageNames();
    var tableService = new TableServiceClient(azurite.ConnectionString);
    await new StorageProvisioner(tableService, new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), names,
        NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
    var tables = new CatalogueTables(tableService, names);
    await new CatalogueImport(tables, new ShortlistingTables(tableService, names, new TableAuditLog(tableService, names), NullLogger<ShortlistingTables>.Instance))
        .RunAsync(work.FullName, _ => { }, CancellationToken.None);
    var projected = await new CandidateProjection(tableService, names, tables, NullLogger<CandidateProjection>.Instance).ReconcileAsync(CancellationToken.None);
    Console.WriteLine($"{size:N0} offerings imported; projection {projected.Rows:N0} rows");

    // The factory looks for the app's content root beside a solution file it cannot find from bin/: tell it.
    Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_FUNCTIONS", RepositoryPaths.Combine("functions", "Marketplace.Functions"));
    await using var app = new WebApplicationFactory<ShortlistView>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Development");
        b.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        b.UseSetting("Search:Provider", "Lucene");
        b.UseSetting("Search:LucenePath", Path.Combine(work.FullName, "lucene"));
        b.UseSetting("AbuseLimits:SearchPerMinute", "100000");
        b.UseSetting("AbuseLimits:DevTokensPerMinute", "100000");
        b.UseSetting("Logging:LogLevel:Default", "Warning");
    });
    using var client = app.CreateClient();
    var token = (await (await client.PostAsJsonAsync("/api/dev/token", new { role = "Commissioner", organisationId = Commissioner }))
        .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
    var templateVersion = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "templates", "telehealth-remote-monitoring.json")))
        .RootElement.GetProperty("version").GetInt32();
    var specificationId = (await (await client.PostAsJsonAsync("/api/specifications", new
    {
        title = "Benchmark: telehealth remote monitoring", templateId = "telehealth-remote-monitoring", templateVersion,
        lotId = "ttc-2026-lot-3", region = "north-west", volume = 400, contractMonths = 36,
    })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    // The app reindexes and reconciles at start: wait until it is idle (under 100 ms of CPU a second), so each step's CPU is its own.
    for (var waited = 0; waited < 180; waited++)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(1000);
        if ((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds < 100)
        {
            break;
        }
    }
    var services = app.Services;
    var access = services.GetRequiredService<CommissionerAccess>();
    var check = services.GetRequiredService<SpecificationCheck>();
    var candidates = services.GetRequiredService<IShortlistCandidates>();
    var shortlists = services.GetRequiredService<ICommissionerRecords<ShortlistDocument>>();
    var organisations = services.GetRequiredService<IOrganisations>();
    var create = services.GetRequiredService<CreateShortlist>();
    var wire = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
    var actor = new Actor("bench-user", Commissioner, new HashSet<MarketplaceRole> { MarketplaceRole.Commissioner });
    var ct = CancellationToken.None;

    var steps = new Dictionary<string, List<(double Wall, double Cpu, double AllocatedMb)>>();
    async Task<T> Step<T>(string name, Func<Task<T>> run, bool record)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var mb = (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0;
        if (record)
        {
            (steps.TryGetValue(name, out var list) ? list : steps[name] = []).Add((wall, used, mb));
        }
        return result;
    }

    long answerBytes = 0, packedAnswerBytes = 0, documentBytes = 0;
    for (var run = 0; run <= runs; run++)
    {
        var record = run > 0; // the first run decodes and prepares the lot
        var found = await Step("check", async () =>
        {
            var spec = (await access.SpecificationAsync(actor, specificationId, ct)).Value!.Document;
            return (spec, (await check.RunAsync(spec, null, ct)).Value!);
        }, record);
        var (specification, (template, framework)) = found;
        var now = DateTimeOffset.UtcNow;
        var input = await Step("read", async () =>
        {
            var commissioner = organisations.FindAsync(specification.CommissionerId, ct);
            var read = await candidates.LoadAsync(framework, specification.LotId, DateOnly.FromDateTime(now.UtcDateTime), specification.CommissionerId, ct);
            await commissioner;
            return read;
        }, record);
        var scored = await Step("score", () => Task.FromResult(Scorer.Score(template, specification.ToSpecification(), input)), record);
        var lot = framework.Lots.First(l => l.Id == specification.LotId);
        var context = new ShortlistContext(template.Name, framework.Id, framework.Reference, framework.Name, lot.Name, Commissioner);
        var draft = await Step("draft (ShortlistLocking.Draft)", () => Task.FromResult(
            ShortlistLocking.Draft($"sl-{Guid.NewGuid():N}"[..15], specification, template, input, scored, 8, context, now, actor.UserId)), record);
        documentBytes = (await Step("  of which: document as JSON (once)", () => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(draft, DocumentJson.Options)), record)).Length;
        var created = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, draft.Id, "create", null, ShortlistStatus.Draft, now);
        await Step("store (AddAsync: JSON, pack, write, audit)", () => shortlists.AddAsync(draft, created, ct), record);
        (answerBytes, packedAnswerBytes) = await Step("answer (view JSON, br q4)", async () =>
        {
            var counted = new CountingStream();
            await using (var br = new BrotliStream(counted, new BrotliCompressionOptions { Quality = 4 }, leaveOpen: true))
            {
                var plain = new CountingStream(br);
                await JsonSerializer.SerializeAsync(plain, ShortlistView.Of(draft), wire, ct);
                await br.FlushAsync(ct);
                return (plain.Written, counted.Written);
            }
        }, record);
        await Step("whole use case (CreateShortlist.RunAsync)", async () => (await create.RunAsync(actor, specificationId, 8, ct)).Value, record);
        await Step("over HTTP (POST …/shortlist, br)", async () =>
        {
            using var response = await client.PostAsync($"/api/specifications/{specificationId}/shortlist", null);
            return (await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()).Length;
        }, record);
    }

    Console.WriteLine($"{DateTime.UtcNow:HH:mm} UTC, load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}; " +
        $"{runs} runs after one warm-up, medians (min-max); document {documentBytes:N0} B of JSON, answer {answerBytes:N0} B ({packedAnswerBytes:N0} B br)");
    Console.WriteLine("| step | wall ms | CPU ms | allocated MB |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (name, values) in steps)
    {
        Console.WriteLine($"| {name} | {Median(values.Select(v => v.Wall))} | {Median(values.Select(v => v.Cpu))} | {Median(values.Select(v => v.AllocatedMb), "0.00")} |");
    }
}
finally
{
    work.Delete(recursive: true);
}

static string Median(IEnumerable<double> values, string format = "0")
{
    var sorted = values.Order().ToArray();
    return $"{sorted[sorted.Length / 2].ToString(format)} ({sorted[0].ToString(format)}–{sorted[^1].ToString(format)})";
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

/// <summary>Counts what is written, passing it on when given somewhere to write.</summary>
internal sealed class CountingStream(Stream? inner = null) : Stream
{
    public long Written { get; private set; }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override void Flush() => inner?.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count)
    {
        Written += count;
        inner?.Write(buffer, offset, count);
    }
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        if (inner is not null)
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }
}
