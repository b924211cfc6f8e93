// Progress page benchmark (issue 17), on this machine, with a private Azurite:
//   generate N offerings (the catalogue generator) → their contributions as the queue function computes them, plus M
//   awards across regions, lots, conditions and months → the counters in the aggregates table → the real app on
//   Kestrel (no background runner, so nothing recounts meanwhile) → GET /progress over HTTP, one client, p50/p95.
// The page reads only the counters, so its cost grows with the number of figures (lots × regions, lots × standards,
// months…), not with the number of records behind them.
// Usage: dotnet run -c Release --project bench/Marketplace.Bench.Progress -- [--offerings 100000] [--awards 10000] [--requests 500]
using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Progress;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Progress;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;

internal static class ProgressBenchmark
{
    public static async Task Main(string[] args)
    {
        var offerings = int.Parse(Arg("--offerings", "100000"));
        var awardCount = int.Parse(Arg("--awards", "10000"));
        var requests = int.Parse(Arg("--requests", "500"));

        var work = Directory.CreateTempSubdirectory("bench-progress-");
        try
        {
            var clock = Stopwatch.StartNew();
            new Marketplace.CatalogueGenerator.CatalogueGenerator(offerings).WriteTo(work.FullName);
            T Read<T>(string file) => JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(work.FullName, file)), DocumentJson.Options)!;
            var catalogue = Read<List<Offering>>("offerings.json");
            var organisations = Read<List<Organisation>>("organisations.json").ToDictionary(o => o.Id);
            var attestations = Read<List<Attestation>>("attestations.json").ToLookup(a => a.SupplierId);
            var frameworks = Read<List<Marketplace.Core.Frameworks.Framework>>("frameworks.json");
            Console.WriteLine($"generated {catalogue.Count:N0} offerings in {clock.Elapsed.TotalSeconds:0.0} s");

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var contributions = catalogue
                .Select(o => SearchProjection.Project(o, organisations.GetValueOrDefault(o.SupplierId), attestations[o.SupplierId], today))
                .SelectMany(d => Contributions.OfOffering(d, d is null ? null : organisations.GetValueOrDefault(d.SupplierId)))
                .ToList();
            // Awards as Contributions.OfAward counts them: people in one region, lot and month, and under each cohort condition.
            var random = new Random(17);
            var regions = new[] { "north-east-and-yorkshire", "north-west", "midlands", "east-of-england", "london", "south-east", "south-west", "scotland", "wales", "northern-ireland" };
            var conditions = new[] { "copd", "heart-failure", "diabetes", "hypertension", "dementia", "falls-risk", "frailty", "epilepsy" };
            var lots = frameworks.SelectMany(f => f.Lots).Select(l => l.Id).ToArray();
            for (var i = 0; i < awardCount; i++)
            {
                var id = $"sl-bench-{i:D6}";
                long people = random.Next(50, 2_000);
                var month = new DateOnly(2026, 4, 1).AddMonths(random.Next(0, 48)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                contributions.Add(new(Measures.PeopleByRegion, regions[random.Next(regions.Length)], id, people));
                contributions.Add(new(Measures.PeopleByLot, lots[random.Next(lots.Length)], id, people));
                contributions.Add(new(Measures.PeopleByMonth, month, id, people));
                foreach (var condition in conditions.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                {
                    contributions.Add(new(Measures.PeopleByCondition, condition, id, people));
                }
            }
            var counters = Measures.Count(contributions);
            Console.WriteLine($"{contributions.Count:N0} contributions → {counters.Count:N0} counters");

            await using var azurite = await Azurite.StartAsync(allowExternal: false);
            var names = new StorageNames();
            var tableService = new TableServiceClient(azurite.ConnectionString);
            await new StorageProvisioner(tableService, new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), names,
                NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
            // The page names the lots from the frameworks table, so the generated frameworks go in too.
            await new CatalogueTables(tableService, names).Frameworks.ImportMissingAsync(frameworks, null, CancellationToken.None);
            var store = new TableAggregates(tableService, names);
            foreach (var counter in counters)
            {
                await store.WriteCounterAsync(counter, CancellationToken.None);
            }

            var port = System.Net.Sockets.TcpListener.Create(0) is var listener ? Free(listener) : 0;
            await using var app = new App(azurite.ConnectionString, $"http://127.0.0.1:{port}");
            app.UseKestrel();
            app.StartServer();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var i = 0; i < 20; i++)
            {
                (await http.GetAsync("/progress")).EnsureSuccessStatusCode();
            }
            var timings = new List<double>();
            var bytes = 0L;
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await http.GetAsync(i % 2 == 0 ? "/progress" : $"/progress?lot={lots[i % lots.Length]}");
                var body = await response.Content.ReadAsByteArrayAsync();
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                bytes = body.Length;
            }
            var sorted = timings.Order().ToArray();
            double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
            Console.WriteLine($"| offerings | awards | counters | GET /progress over HTTP p50 / p95 / max | page size |");
            Console.WriteLine($"|---|---|---|---|---|");
            Console.WriteLine($"| {catalogue.Count:N0} | {awardCount:N0} | {counters.Count:N0} | {P(0.5):0.0} / {P(0.95):0.0} / {sorted[^1]:0.0} ms ({requests} requests) | {bytes / 1024.0:0} KiB |");
        }
        finally
        {
            work.Delete(recursive: true);
        }

        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

        int Free(System.Net.Sockets.TcpListener listener)
        {
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}

/// <summary>The app as it runs on a laptop (standalone), but with no background runner: the counters stay as written.</summary>
internal sealed class App(string connectionString, string url) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(RepositoryPaths.Combine("functions", "Marketplace.Functions"));
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Hosting:Urls"] = url,
            ["Storage:ConnectionString"] = connectionString,
            ["Background:RunInProcess"] = "false",
            ["Search:Provider"] = "Lucene",
            ["Search:LucenePath"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            builder.UseSetting(key, value);
        }
    }
}
