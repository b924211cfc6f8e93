using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Registers;
using Marketplace.Functions.Registers;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Bench.Registers;

// dotnet run -c Release --project bench/Marketplace.Bench.Registers -- [--rows 100000] [--suppliers 2000] [--batch 1000]
// Generates a DSPT snapshot of --rows rows in which --suppliers fictional suppliers hold submitted DSPT attestations
// (every other one listed under its own name) and as many verified ones that dropped out; uploads it to Azurite's
// register-snapshots container and imports it with the app's own use case, as the queue function does.
internal static class RegisterImportBench
{
    public static async Task<int> Main(string[] args)
    {
        var rows = Option(args, "--rows", 100_000);
        var suppliers = Option(args, "--suppliers", 2_000);
        var batch = Option(args, "--batch", 1_000);

        await using var azurite = await Azurite.StartAsync();
        await using var app = new BenchApp(azurite.ConnectionString, batch);
        var services = app.Services;
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);

        var tables = services.GetRequiredService<CatalogueTables>();
        var organisations = Enumerable.Range(0, suppliers).Select(i => new Organisation { Id = $"bench-supplier-{i:D6}", Kind = OrganisationKind.Supplier, Name = $"Bench Supplier {i} Ltd" }).ToList();
        var attestations = organisations.SelectMany((o, i) => new[]
        {
            Attestation(o.Id, $"att-b{i:D6}s", AttestationStatus.Submitted, Code(i)),
            Attestation(o.Id, $"att-b{i:D6}v", AttestationStatus.Verified, Code(suppliers + i)),
        }).ToList();
        var clock = Stopwatch.StartNew();
        await tables.Organisations.ImportMissingAsync(organisations, null, CancellationToken.None);
        await tables.Attestations.ImportMissingAsync(attestations, null, CancellationToken.None);
        Console.WriteLine($"set-up: {organisations.Count} suppliers, {attestations.Count} DSPT attestations written in {clock.Elapsed.TotalSeconds:0.0} s");

        var csv = new StringBuilder("Organisation Code,Organisation Name,Status,Published Date\r\n");
        for (var i = 0; i < rows; i++)
        {
            // The first rows are the bench suppliers' own codes: every other one under the supplier's name, the rest under another.
            var name = i < suppliers ? (i % 2 == 0 ? $"BENCH SUPPLIER {i} LIMITED" : $"Someone Else {i} Ltd") : $"Register Organisation {i} Ltd";
            csv.Append(CultureInfo.InvariantCulture, $"{Code(i < suppliers ? i : 2 * suppliers + i)},{name},{(i % 7 == 3 && i >= suppliers ? "Approaching Standards" : "Standards Met")},2026-10-31\r\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        var date = new DateOnly(2026, 11, 1);
        clock.Restart();
        await using (var content = new MemoryStream(bytes))
        {
            var file = await services.GetRequiredService<IRegisterSnapshots>().SaveAsync(PublicRegisters.Dspt, date, content, bytes.Length, CancellationToken.None);
            await services.GetRequiredService<IRegisterImports>().QueueAsync(UploadRegisterSnapshot.Queued(PublicRegisters.Dspt, date, file, DateTimeOffset.UtcNow), CancellationToken.None);
        }
        var upload = clock.Elapsed;
        clock.Restart();
        var import = (await services.GetRequiredService<ImportRegisterSnapshot>().RunAsync(ImportRegisterSnapshotFunction.Job, PublicRegisters.Dspt, date, CancellationToken.None))!;
        var importing = clock.Elapsed;

        Console.WriteLine($"snapshot: {rows:N0} rows, {bytes.Length / 1024.0 / 1024.0:0.0} MB; upload to Azurite {upload.TotalSeconds:0.00} s");
        Console.WriteLine($"import: {import.Status} in {importing.TotalSeconds:0.00} s = {import.RowsRead / importing.TotalSeconds:N0} rows/s " +
            $"({import.RowsRead:N0} rows read twice: checked, then applied in {import.BatchesDone} batches); {import.Verified} verified, {import.Lapsed} lapsed");
        Console.WriteLine($"total (upload + import): {(upload + importing).TotalSeconds:0.00} s");
        return import.Status == RegisterImportStatus.Done && import.Verified == suppliers / 2 + suppliers % 2 && import.Lapsed == suppliers ? 0 : 1;

        static Attestation Attestation(string supplier, string id, string status, string reference) => new()
        {
            Id = id, SupplierId = supplier, StandardCode = "DSPT", Status = status, RegisterReference = reference, CertificateNumber = "DSPT-" + reference,
            IssuedOn = new DateOnly(2026, 7, 1), DecidedBy = status == AttestationStatus.Verified ? "techuk" : null,
            DecidedAt = status == AttestationStatus.Verified ? new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.Zero) : null,
        };

        // A distinct five-character ODS-style code per number.
        static string Code(int n) => "8" + (char)('A' + n / 26 / 26 / 100 % 26) + (char)('A' + n / 26 / 100 % 26) + (char)('A' + n / 100 % 26) + (n % 100).ToString("D2", CultureInfo.InvariantCulture);

        static int Option(string[] args, string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}

/// <summary>The function app's services on Azurite, with no background runner (the benchmark drives the import itself).</summary>
internal sealed class BenchApp(string connectionString, int batch) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(RepositoryPaths.Combine("functions", "Marketplace.Functions"));
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Storage:NamePrefix", "bench");
        builder.UseSetting("Search:Provider", "Lucene");
        builder.UseSetting("Search:LucenePath", "");
        builder.UseSetting("Background:RunInProcess", "false");
        builder.UseSetting("Registers:BatchSize", batch.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
