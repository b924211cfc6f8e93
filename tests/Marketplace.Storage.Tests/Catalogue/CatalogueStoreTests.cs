using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Storage.Audit;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Storage.Tests.Catalogue;

/// <summary>Catalogue tables, the seed import and the search source, on a real Azurite.</summary>
public sealed class CatalogueStoreTests
{
    private static async Task<CatalogueTables> TablesAsync() => (await StoresAsync()).Catalogue;

    private static async Task<(CatalogueTables Catalogue, ShortlistingTables Shortlisting)> StoresAsync()
    {
        var azurite = await Azurite.Shared;
        var names = new StorageNames(UniqueNames.Prefix());
        var tables = new TableServiceClient(azurite.ConnectionString);
        await new StorageProvisioner(tables, new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), names,
            NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
        return (new CatalogueTables(tables, names), new ShortlistingTables(tables, names, new TableAuditLog(tables, names), NullLogger<ShortlistingTables>.Instance));
    }

    private static Offering Offering(string id, string supplier = "pennine-careline", string status = OfferingStatus.Active) => new()
    {
        Id = id,
        SupplierId = supplier,
        Kind = "product",
        Name = "Pennine fall detector " + id,
        Category = "fall-detector",
        Regions = ["north-west"],
        Price = new OfferingPrice("per-unit", 120m),
        Status = status,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(256)]
    public async Task Reading_a_whole_table_by_partition_ranges_returns_every_current_row_once(int ranges)
    {
        var (tables, shortlisting) = await StoresAsync();
        await new CatalogueImport(tables, shortlisting).RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        var retired = (await tables.Offerings.FindAsync("off-000001", CancellationToken.None))!;
        await tables.Offerings.ReplaceKeepingHistoryAsync(retired.Document with { Status = OfferingStatus.Retired }, retired.Document, retired.ETag, "test", DateTimeOffset.UtcNow, CancellationToken.None);
        var expected = new List<string>();
        await foreach (var offering in tables.Offerings.ListAsync("Status eq 'active'", CancellationToken.None))
        {
            expected.Add(offering.Id);
        }

        var all = await tables.Offerings.ListAllAsync(null, CancellationToken.None, ranges);
        var active = await tables.Offerings.ListAllAsync("Status eq 'active'", CancellationToken.None, ranges);

        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Select(o => o.Id).Distinct().Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), active.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("off-000001", active.Select(o => o.Id));
    }

    [Fact]
    public async Task Importing_the_seed_catalogue_twice_adds_everything_once_then_nothing()
    {
        var (tables, shortlisting) = await StoresAsync();
        var import = new CatalogueImport(tables, shortlisting);
        var seed = RepositoryPaths.Combine("catalogue-seed");

        var first = await import.RunAsync(seed, _ => { }, CancellationToken.None);
        var second = await import.RunAsync(seed, _ => { }, CancellationToken.None);

        Assert.Equal(300, first.Single(c => c.Table.EndsWith("offerings", StringComparison.Ordinal)).Added);
        // 43 suppliers, 5 associations, 12 commissioners and 5 certification bodies.
        Assert.Equal(65, first.Single(c => c.Table.EndsWith("organisations", StringComparison.Ordinal)).Added);
        Assert.All(second, c => Assert.Equal(0, c.Added));
        Assert.Equal(first.Sum(c => c.Added), second.Sum(c => c.AlreadyPresent));
    }

    [Fact]
    public async Task An_import_completes_one_that_was_interrupted_without_duplicating_anything()
    {
        var tables = await TablesAsync();
        var all = Enumerable.Range(1, 250).Select(i => Offering($"off-{i:D6}")).ToList();
        await tables.Offerings.ImportMissingAsync(all.Take(90).ToList(), null, CancellationToken.None);

        var resumed = await tables.Offerings.ImportMissingAsync(all, null, CancellationToken.None);

        Assert.Equal(160, resumed.Added);
        Assert.Equal(90, resumed.AlreadyPresent);
        var stored = new List<string>();
        await foreach (var offering in tables.Offerings.ListAsync(null, CancellationToken.None))
        {
            stored.Add(offering.Id);
        }
        Assert.Equal(all.Select(o => o.Id).Order(), stored.Order());
    }

    [Fact]
    public async Task A_cancelled_import_leaves_only_whole_documents_and_a_rerun_completes_it()
    {
        var tables = await TablesAsync();
        var all = Enumerable.Range(1, 600).Select(i => Offering($"off-{i:D6}")).ToList();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            tables.Offerings.ImportMissingAsync(all, done => { if (done > 100) { cancel.Cancel(); } }, cancel.Token));
        // A batch already sent when the import was cancelled may still be committed by the server a moment later (seen
        // under load): count once two readings a moment apart agree.
        var partial = await CountWholeAsync(tables);
        for (var reading = 0; reading < 20; reading++)
        {
            await Task.Delay(250);
            var again = await CountWholeAsync(tables);
            if (again == partial)
            {
                break;
            }
            partial = again;
        }
        var rerun = await tables.Offerings.ImportMissingAsync(all, null, CancellationToken.None);

        Assert.InRange(partial, 1, 599);
        Assert.Equal(600, rerun.Added + rerun.AlreadyPresent);
        Assert.Equal(partial, rerun.AlreadyPresent);
    }

    private static async Task<int> CountWholeAsync(CatalogueTables tables)
    {
        var count = 0;
        await foreach (var offering in tables.Offerings.ListAsync(null, CancellationToken.None))
        {
            Assert.Equal("Pennine fall detector " + offering.Id, offering.Name);
            count++;
        }
        return count;
    }

    [Fact]
    public async Task An_import_never_overwrites_a_record_edited_since_seeding()
    {
        var tables = await TablesAsync();
        await tables.Offerings.ImportMissingAsync([Offering("off-000001")], null, CancellationToken.None);
        var stored = await tables.Offerings.FindAsync("off-000001", CancellationToken.None);
        await tables.Offerings.ReplaceKeepingHistoryAsync(stored!.Document with { Name = "Renamed by the supplier" }, stored.Document, stored.ETag, "user-1", DateTimeOffset.UtcNow, CancellationToken.None);

        await tables.Offerings.ImportMissingAsync([Offering("off-000001")], null, CancellationToken.None);

        Assert.Equal("Renamed by the supplier", (await tables.Offerings.FindAsync("off-000001", CancellationToken.None))!.Document.Name);
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_changes_nothing_and_a_fresh_one_keeps_the_old_version_as_history()
    {
        var tables = await TablesAsync();
        var added = await tables.Offerings.AddAsync(Offering("off-000002"), CancellationToken.None);
        var first = await tables.Offerings.ReplaceKeepingHistoryAsync(added!.Document with { Name = "v2" }, added.Document, added.ETag, "user-1", DateTimeOffset.UtcNow, CancellationToken.None);

        var stale = await tables.Offerings.ReplaceKeepingHistoryAsync(added.Document with { Name = "lost update" }, added.Document, added.ETag, "user-2", DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(stale);
        Assert.Equal("v2", (await tables.Offerings.FindAsync("off-000002", CancellationToken.None))!.Document.Name);
        Assert.Equal(["Pennine fall detector off-000002"], (await tables.Offerings.HistoryAsync("off-000002", CancellationToken.None)).Select(o => o.Name));
        Assert.Null(await tables.Offerings.AddAsync(Offering("off-000002"), CancellationToken.None));
    }

    [Fact]
    public async Task The_search_source_lists_active_offerings_with_supplier_name_and_only_standards_that_count_today()
    {
        var tables = await TablesAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await tables.Organisations.WriteAsync("pennine-careline", new Organisation { Id = "pennine-careline", Kind = OrganisationKind.Supplier, Name = "Pennine Careline Ltd" }, CancellationToken.None);
        await tables.Offerings.WriteAsync("hub-1", Offering("hub-1"), CancellationToken.None);
        await tables.Offerings.WriteAsync("hub-2", Offering("hub-2", status: OfferingStatus.Retired), CancellationToken.None);
        await tables.Attestations.WriteAsync("a1", Attest("a1", "TSA-QSF", AttestationStatus.Verified, new DateOnly(2027, 3, 1)), CancellationToken.None);
        await tables.Attestations.WriteAsync("a2", Attest("a2", "DSPT", AttestationStatus.Verified, new DateOnly(2026, 11, 22)), CancellationToken.None);
        await tables.Attestations.WriteAsync("a3", Attest("a3", "ISO27001", AttestationStatus.Submitted, new DateOnly(2028, 1, 1)), CancellationToken.None);
        await tables.Attestations.WriteAsync("a4", Attest("a4", "BS8521-2", AttestationStatus.Verified, new DateOnly(2027, 1, 1), offeringId: "hub-1"), CancellationToken.None);
        await tables.Attestations.WriteAsync("a5", Attest("a5", "SCAIP", AttestationStatus.Verified, new DateOnly(2027, 1, 1), offeringId: "hub-9"), CancellationToken.None);
        await tables.Attestations.WriteAsync("a6", Attest("a6", "CQC", AttestationStatus.Verified, new DateOnly(2026, 11, 23)), CancellationToken.None);
        var source = new TableOfferingSearchSource(tables, time);

        var listed = new List<OfferingSearchDocument>();
        await foreach (var document in source.ListActiveAsync(CancellationToken.None))
        {
            listed.Add(document);
        }
        var found = await source.FindAsync("hub-1", CancellationToken.None);

        var hub = Assert.Single(listed);
        Assert.Equal("hub-1", hub.Id);
        Assert.Equal("Pennine Careline Ltd", hub.SupplierName);
        Assert.Equal(["BS8521-2", "CQC", "TSA-QSF"], hub.VerifiedStandards);
        Assert.Equal(hub.VerifiedStandards, found!.VerifiedStandards);
        Assert.Null(await source.FindAsync("hub-2", CancellationToken.None));
        Assert.Null(await source.FindAsync("no-such", CancellationToken.None));
    }

    [Fact]
    public async Task A_document_larger_than_one_table_property_is_stored_and_read_back_whole()
    {
        var tables = await TablesAsync();
        var suppliers = Enumerable.Range(1, 9000).Select(i => $"supplier-{i:D5}").ToArray();
        var framework = FrameworkAdmitting("big-framework", suppliers);

        await tables.Frameworks.ImportMissingAsync([framework], null, CancellationToken.None);
        var read = (await tables.Frameworks.FindAsync("big-framework", CancellationToken.None))!.Document;

        Assert.Equal(suppliers, read.Lots[0].Suppliers);
    }

    [Fact]
    public async Task A_document_of_megabytes_is_stored_within_a_table_rows_1_MiB_and_read_back_whole()
    {
        var tables = await TablesAsync();
        // ~3.6 MB of JSON: as text it would need over 7 MB of UTF-16 properties, which a table row cannot hold.
        var suppliers = Enumerable.Range(1, 200_000).Select(i => $"supplier-{i:D6}").ToArray();
        var framework = FrameworkAdmitting("huge-framework", suppliers);

        await tables.Frameworks.ImportMissingAsync([framework], null, CancellationToken.None);
        var row = (await tables.Frameworks.Client.GetEntityAsync<TableEntity>(DocumentTable<Marketplace.Core.Frameworks.Framework>.BucketOf("huge-framework"), "huge-framework")).Value;
        var read = (await tables.Frameworks.FindAsync("huge-framework", CancellationToken.None))!.Document;

        var rowBytes = row.Sum(p => p.Value switch { byte[] b => b.Length, string t => 2 * t.Length, _ => 8 });
        Assert.True(rowBytes < 1024 * 1024, $"the row holds {rowBytes:N0} bytes");
        Assert.Equal(suppliers, read.Lots[0].Suppliers);
    }

    [Theory]
    [InlineData(0, "Document")]
    [InlineData(1, "Packed0")]
    public async Task A_document_of_up_to_30000_bytes_of_JSON_is_one_text_property_and_one_byte_more_is_packed(int over, string column)
    {
        var tables = await TablesAsync();
        var framework = FrameworkAdmitting($"edge-framework-{over}", [.. Enumerable.Range(1, 1000).Select(i => $"s-{i:D5}")]);
        var padding = 30_000 + over - System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(framework, DocumentJson.Options).Length;
        framework = framework with { Name = framework.Name + new string('x', padding) };
        var json = System.Text.Json.JsonSerializer.Serialize(framework, DocumentJson.Options);
        Assert.Equal(30_000 + over, json.Length);

        await tables.Frameworks.ImportMissingAsync([framework], null, CancellationToken.None);
        var row = (await tables.Frameworks.Client.GetEntityAsync<TableEntity>(DocumentTable<Marketplace.Core.Frameworks.Framework>.BucketOf(framework.Id), framework.Id)).Value;
        var read = (await tables.Frameworks.FindAsync(framework.Id, CancellationToken.None))!.Document;

        Assert.True(row.ContainsKey(column), $"the row's columns: {string.Join(", ", row.Keys)}");
        Assert.Equal(over == 0, row.ContainsKey("Document"));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(read, DocumentJson.Options));
    }

    [Fact]
    public async Task A_large_document_stored_as_text_across_properties_before_packing_still_reads()
    {
        var tables = await TablesAsync();
        var framework = FrameworkAdmitting("text-framework", [.. Enumerable.Range(1, 4000).Select(i => $"supplier-{i:D5}")]);
        var json = System.Text.Json.JsonSerializer.Serialize(framework, DocumentJson.Options);
        Assert.True(json.Length > 30_000);
        // The layout written before packing: the JSON in 30,000-character pieces, Document, Document1, …
        var row = new TableEntity(DocumentTable<Marketplace.Core.Frameworks.Framework>.BucketOf(framework.Id), framework.Id) { ["IsHistory"] = false };
        for (var part = 0; part * 30_000 < json.Length; part++)
        {
            row[part == 0 ? "Document" : $"Document{part}"] = json.Substring(part * 30_000, Math.Min(30_000, json.Length - part * 30_000));
        }
        await tables.Frameworks.Client.AddEntityAsync(row);

        var read = (await tables.Frameworks.FindAsync(framework.Id, CancellationToken.None))!.Document;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(read, DocumentJson.Options));
    }

    private static Marketplace.Core.Frameworks.Framework FrameworkAdmitting(string id, string[] suppliers) => new()
    {
        Id = id,
        Reference = id.ToUpperInvariant(),
        Name = "A framework with thousands of admitted suppliers",
        Status = "live",
        Dates = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 1), new DateOnly(2029, 3, 31)),
        Lots = [new(id + "-lot-1", 1, "Telecare products", "All of them", ["fall-detector"], suppliers)],
    };

    private static Attestation Attest(string id, string code, string status, DateOnly expires, string? offeringId = null) => new()
    {
        Id = id,
        SupplierId = "pennine-careline",
        StandardCode = code,
        OfferingId = offeringId,
        IssuedOn = new DateOnly(2025, 1, 1),
        ExpiresOn = expires,
        Status = status,
    };
}
