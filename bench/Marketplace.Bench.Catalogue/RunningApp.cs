using System.Net.Http.Json;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Bench.Catalogue;

/// <summary>The real app as its own process on a free port, against the benchmark's Azurite and index.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient client;
    private volatile bool reindexed;
    private volatile bool startUpWorkDone;
    private int keptPagesDropped;
    // Background__RunInProcess=false (the default here): the app as the Functions host runs it, with no timer or queue work
    // of its own; it serves the index and projection the benchmark built, and there is no start-up work to await.
    private readonly bool hostDrivesBackground;

    private RunningApp(Process process, int port, bool hostDrivesBackground)
    {
        this.process = process;
        this.hostDrivesBackground = hostDrivesBackground;
        // A shortlist at 100,000 offerings on a loaded machine can take minutes: measure it rather than give up. The client
        // asks for compressed answers, as browsers do (the shortlist routes compress for clients that ask).
        client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(15) };
    }

    /// <summary>How often the app has dropped its kept search pages because the index generation moved on (a write).</summary>
    public int KeptPagesDropped => Volatile.Read(ref keptPagesDropped);

    /// <summary>The app's own account of its last shortlist: read, score and store times.</summary>
    public string? LastShortlistLog { get; private set; }

    /// <summary>The app's account of the heap compaction after its start-up work: pause and memory given back.</summary>
    public string? CompactionLog { get; private set; }

    public static async Task<RunningApp> StartAsync(string folder, string connectionString, string lucenePath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["Marketplace.Functions.dll"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Hosting__Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Search__LucenePath"] = lucenePath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The benchmark is one client asking as fast as it can: measure the search, not the abuse limit.
        start.Environment["AbuseLimits__SearchPerMinute"] = "100000";
        // Each shortlist logs where its time went (read, score, store); the benchmark reports the last one.
        start.Environment["Logging__LogLevel__Marketplace.Core.Shortlisting.CreateShortlist"] = "Information";
        // The start-up reindex says when it is done: measuring before that would time searches against the reindex.
        start.Environment["Logging__LogLevel__ReindexCatalogue"] = "Information";
        // Kept search pages dropped by a write to the index: the load benchmark says how often it happened.
        start.Environment["Logging__LogLevel__Marketplace.Functions.Catalogue.SearchResponseCache"] = "Information";
        // The start-up work (reindex, reconciliations) says when it is done, and the heap compaction after it what it gave back:
        // memory is measured after both, as a running app would be.
        start.Environment["Logging__LogLevel__Marketplace.Functions.Background.StandaloneTriggerRunner"] = "Information";
        start.Environment["Logging__LogLevel__Marketplace.Functions.Background.HeapCompaction"] = "Information";
        // As the Functions host runs it: the host sends timers and queue messages, so the app does no background work of its
        // own. A variant may set it back to true (the standalone app of a laptop).
        start.Environment["Background__RunInProcess"] = "false";
        // What a memory comparison varies (GC settings as DOTNET_* variables), for the app alone.
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        var app = new RunningApp(process, port, start.Environment["Background__RunInProcess"]!.Equals("false", StringComparison.OrdinalIgnoreCase));
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Rebuilt the search index", StringComparison.Ordinal) == true)
            {
                app.reindexed = true;
            }
            if (line.Data?.Contains("Compacted the heap after", StringComparison.Ordinal) == true)
            {
                app.CompactionLog = JsonDocument.Parse(line.Data).RootElement.GetProperty("Message").GetString();
                app.startUpWorkDone = true;
            }
            if (line.Data?.Contains("kept search pages of index generation", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref app.keptPagesDropped);
            }
            if (line.Data?.Contains("attestations in", StringComparison.Ordinal) == true)
            {
                app.LastShortlistLog = JsonDocument.Parse(line.Data).RootElement.GetProperty("Message").GetString();
            }
        };
        // A variant that dies (a heap limit too tight) says why on standard error: keep that in the benchmark's output.
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text && (text.Contains("memory", StringComparison.OrdinalIgnoreCase) || text.Contains("Unhandled", StringComparison.Ordinal) || text.Contains("Fatal", StringComparison.Ordinal)))
            {
                Console.WriteLine($"app stderr: {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    // Ready = health is 200 and an empty query counts every active offering, twice alike. As the Functions host runs it
    // (the default) that is all. Standalone, the start-up reindex must also have finished: it logged so (an index left on
    // disk answers at once, while the reindex still runs in the background). Then the rest of the start-up work (the
    // reconciliations, and the heap compaction after them) is awaited too, so that memory is measured as a running app
    // holds it. The first start after a fresh import also writes every progress aggregate, which
    // at 100,000 did not finish in 21 minutes even on the quiet machine (2026-12-02): so after 3 more minutes the benchmark
    // says so and measures anyway, as the command did before the compaction existed.
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        long? lastTotal = null;
        while (true)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The app was not ready in 15 minutes.");
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}.");
            }
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    var total = JsonDocument.Parse(await client.GetStringAsync("/api/catalogue/search?pageSize=1")).RootElement.GetProperty("total").GetInt64();
                    if ((reindexed || hostDrivesBackground) && total > 0 && total == lastTotal)
                    {
                        break;
                    }
                    lastTotal = total;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(1000);
        }
        if (hostDrivesBackground)
        {
            Console.WriteLine("no start-up work: background work is left to a Functions host (Background__RunInProcess=false)");
            return;
        }
        var startUpDeadline = DateTime.UtcNow.AddMinutes(3);
        while (!startUpWorkDone && !process.HasExited && DateTime.UtcNow < startUpDeadline)
        {
            await Task.Delay(1000);
        }
        if (!startUpWorkDone)
        {
            Console.WriteLine("the app's start-up work had not finished after 3 minutes: measuring without the compaction after it");
        }
    }

    public async Task<Latency> MeasureSearchAsync(int queries)
    {
        foreach (var warm in QueryMix.QueryStrings)
        {
            (await client.GetAsync("/api/catalogue/search?" + warm)).EnsureSuccessStatusCode();
        }
        var timings = new List<double>(queries);
        var cpu = AppCpu();
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            // Cache-Control: no-cache, so every request is searched (the app keeps pages of repeated searches): this
            // times the search over HTTP against raw Lucene; the load benchmark shows what the kept pages add.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/search?" + QueryMix.QueryStrings[i % QueryMix.QueryStrings.Length]);
            request.Headers.CacheControl = new() { NoCache = true };
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Latency.Of(timings, AppCpu() - cpu);
    }

    /// <summary>The app process's processor time so far (user + system, from /proc; 10 ms resolution).</summary>
    private TimeSpan AppCpu()
    {
        // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
    }

    /// <summary>
    /// End-to-end shortlist latency: a commissioner creates a telehealth specification, then asks for a shortlist of it
    /// <paramref name="count"/> times (each scores every active offering read from the tables and stores the draft).
    /// The first call is reported apart: it reads and decodes the lot's buckets, which later calls share while no bucket changes.
    /// </summary>
    public async Task<(Latency Latency, double FirstMilliseconds, int Eligible, int Considered)> MeasureShortlistAsync(int count)
    {
        var accessToken = await CommissionerTokenAsync();
        var specification = (await CreateSpecificationsAsync(accessToken, 1))[0];
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        JsonElement last = default;
        var timings = new List<double>(count);
        var first = 0.0;
        for (var i = 0; i <= count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync($"/api/specifications/{specification}/shortlist", null);
            var body = await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i > 0) // the first call warms up
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            last = JsonDocument.Parse(body).RootElement;
        }
        client.DefaultRequestHeaders.Authorization = null;
        var counts = last.GetProperty("counts");
        return (Latency.Of(timings), first, counts.GetProperty("eligible").GetInt32(), counts.GetProperty("considered").GetInt32());
    }

    private async Task<string> CommissionerTokenAsync()
    {
        var token = await client.PostAsJsonAsync("/api/dev/token", new { role = "Commissioner", organisationId = "nhs-mersey-vale-icb" });
        return (await token.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Telehealth specifications, one per commissioner of the load, each in another region.</summary>
    private async Task<string[]> CreateSpecificationsAsync(string accessToken, int count)
    {
        // The template's current version, as imported with the catalogue (an older version is refused).
        var templateVersion = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "templates", "telehealth-remote-monitoring.json")))
            .RootElement.GetProperty("version").GetInt32();
        string[] regions = ["north-west", "london", "north-east-and-yorkshire", "midlands", "east-of-england", "south-east", "south-west"];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/specifications")
            {
                Content = JsonContent.Create(new
                {
                    title = "Benchmark: telehealth remote monitoring", templateId = "telehealth-remote-monitoring", templateVersion,
                    lotId = "ttc-2026-lot-3", region = regions[i % regions.Length], volume = 400, contractMonths = 36,
                }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            ids[i] = (await (await client.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        return ids;
    }

    /// <summary>
    /// The load benchmark (bench/load.mjs, autocannon) on <see cref="QueryMix.LoadSet"/>: 32 search clients for <paramref name="seconds"/>, then the same
    /// together with <paramref name="commissioners"/> commissioners shortlisting; the JSON it printed.
    /// </summary>
    public async Task<string> LoadAsync(int seconds, int commissioners)
    {
        var accessToken = await CommissionerTokenAsync();
        var specifications = await CreateSpecificationsAsync(accessToken, commissioners);
        var script = RepositoryPaths.Combine("bench", "load.mjs");
        // Thousands of query strings: too long for one command-line argument, so they go in a file.
        var querySet = Path.GetTempFileName();
        await File.WriteAllTextAsync(querySet, JsonSerializer.Serialize(QueryMix.LoadSet()));
        var load = Process.Start(new ProcessStartInfo("node", [script, client.BaseAddress!.ToString().TrimEnd('/'), seconds.ToString(), accessToken,
            string.Join(',', specifications), querySet])
        {
            WorkingDirectory = RepositoryPaths.Combine(),
            RedirectStandardOutput = true,
        })!;
        var output = await load.StandardOutput.ReadToEndAsync();
        await load.WaitForExitAsync();
        File.Delete(querySet);
        return load.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"bench/load.mjs exited with {load.ExitCode}.");
    }

    /// <summary>Resident and peak resident memory of the app process, from /proc, with its breakdown.</summary>
    public AppMemory Memory() => AppMemory.Of(process.Id);

    /// <summary>The app's process id, for tools attached while the benchmark holds it (<c>--hold-seconds</c>).</summary>
    public int ProcessId => process.Id;

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
