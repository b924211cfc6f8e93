using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Registers;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Registers;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Functions.Tests.Registers.RegisterWorld;

namespace Marketplace.Functions.Tests.Registers;

/// <summary>Register snapshot imports on Azurite: matching, lapsing, idempotence, resumption after a kill, malformed files, access.</summary>
public sealed class RegisterImportTests
{
    private static async Task<MarketplaceApp> StartAsync(Action<IServiceCollection>? services = null, long? maxBytes = null, bool runner = false)
    {
        var settings = new Dictionary<string, string?> { ["Background:RunInProcess"] = runner ? "true" : "false", ["Registers:BatchSize"] = "2" };
        if (maxBytes is { } max)
        {
            settings["Registers:MaxSnapshotBytes"] = max.ToString(CultureInfo.InvariantCulture);
        }
        var app = await MarketplaceApp.StartAsync(overrides: settings, services: services);
        await WriteAsync(app);
        return app;
    }

    private static async Task<HttpResponseMessage> UploadAsync(MarketplaceApp app, string register, string date, byte[] csv)
    {
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        return await admin.PutAsync($"/api/registers/{register}/snapshots/{date}", new ByteArrayContent(csv));
    }

    private static async Task<RegisterImport> UploadAndImportAsync(MarketplaceApp app, PublicRegister register, DateOnly date, string csv)
    {
        var uploaded = await UploadAsync(app, register.Slug, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(csv));
        Assert.True(uploaded.StatusCode == HttpStatusCode.Accepted, await uploaded.Content.ReadAsStringAsync());
        return await ImportAsync(app, register, date);
    }

    [Fact]
    public async Task An_import_verifies_matching_submitted_attestations_leaves_the_rest_and_lapses_the_dropped_ones_each_audited_with_its_snapshot()
    {
        await using var app = await StartAsync();

        var import = await UploadAndImportAsync(app, PublicRegisters.Dspt, November, DsptCsv());

        Assert.Equal((RegisterImportStatus.Done, 16L, 1, 0, 1, 8), (import.Status, import.RowsRead, import.Verified, import.Reinstated, import.Lapsed, import.BatchesDone));
        var state = await StateAsync(app);
        Assert.Equal((AttestationStatus.Verified, "dspt"), (state[Alder].Status, state[Alder].DecidedBy));
        Assert.Equal(AttestationStatus.Submitted, state[Birch].Status);  // the reference is listed under another name
        Assert.Equal(AttestationStatus.Submitted, state[Elm].Status);    // "Approaching Standards" does not count
        Assert.Equal(AttestationStatus.Lapsed, state[Cedar].Status);
        Assert.Equal(AttestationStatus.Verified, state[Damson].Status);
        Assert.Equal(AttestationStatus.Verified, state[CedarCqc].Status);
        Assert.Empty(state[Birch].Events);
        var verified = Assert.Single(state[Alder].Events);
        Assert.StartsWith("verify submitted→verified by ImportRegisterSnapshot (System): Data Security and Protection Toolkit snapshot 2026-11-01 (dspt/2026-11-01.csv), row ", verified, StringComparison.Ordinal);
        Assert.Contains("Organisation Code 8AA01, \"ALDER TELECARE LIMITED\", Standards Met.", verified, StringComparison.Ordinal);
        Assert.Equal("lapse verified→lapsed by ImportRegisterSnapshot (System): Data Security and Protection Toolkit snapshot 2026-11-01 (dspt/2026-11-01.csv): " +
            "Organisation Code 8CC03 — it is not in the snapshot.", Assert.Single(state[Cedar].Events));

        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/registers/imports")).RootElement.EnumerateArray().Single();
        Assert.Equal(("dspt", "2026-11-01", "done", 16, 1, 1), (listed.GetProperty("register").GetString(), listed.GetProperty("snapshotDate").GetString(),
            listed.GetProperty("status").GetString(), listed.GetProperty("rowsRead").GetInt32(), listed.GetProperty("verified").GetInt32(), listed.GetProperty("lapsed").GetInt32()));
    }

    [Fact]
    public async Task Importing_the_same_snapshot_again_changes_nothing_an_older_one_is_refused_and_a_newer_one_reinstates_what_came_back()
    {
        await using var app = await StartAsync();
        await UploadAndImportAsync(app, PublicRegisters.Dspt, November, DsptCsv());
        var after = await StateAsync(app);

        var again = await UploadAndImportAsync(app, PublicRegisters.Dspt, November, DsptCsv());
        Assert.Equal((RegisterImportStatus.Done, 0, 0, 0), (again.Status, again.Verified, again.Reinstated, again.Lapsed));
        AssertSameState(after, await StateAsync(app));

        var older = await UploadAndImportAsync(app, PublicRegisters.Dspt, new DateOnly(2026, 10, 1), DsptCsv(withCedar: true));
        Assert.Equal(RegisterImportStatus.Refused, older.Status);
        Assert.Equal("The Data Security and Protection Toolkit snapshot of 2026-11-01 has already been imported; an older snapshot never overrides a newer one.", older.Message);
        AssertSameState(after, await StateAsync(app));

        var newer = await UploadAndImportAsync(app, PublicRegisters.Dspt, new DateOnly(2026, 12, 1), DsptCsv(withCedar: true));
        Assert.Equal((RegisterImportStatus.Done, 0, 1, 0), (newer.Status, newer.Verified, newer.Reinstated, newer.Lapsed));
        var state = await StateAsync(app);
        Assert.Equal(AttestationStatus.Verified, state[Cedar].Status);
        Assert.StartsWith("reinstate lapsed→verified by ImportRegisterSnapshot (System): Data Security and Protection Toolkit snapshot 2026-12-01", state[Cedar].Events[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MHRA_rows_are_matched_on_the_devices_name()
    {
        await using var app = await StartAsync();

        var import = await UploadAndImportAsync(app, PublicRegisters.Mhra, November, MhraCsv);

        Assert.Equal((RegisterImportStatus.Done, 2L, 1), (import.Status, import.RowsRead, import.Verified));
        Assert.Equal(AttestationStatus.Verified, (await StateAsync(app))[DamsonHub].Status);
    }

    /// <summary>Cancels its token after a number of attestation changes, or once a number of batches is checkpointed: the kill.</summary>
    private sealed class KillSwitch(int? afterChanges, int? afterBatches)
    {
        private int changes;

        public CancellationTokenSource Source { get; } = new();

        public void Changed()
        {
            if (Interlocked.Increment(ref changes) == afterChanges)
            {
                Source.Cancel();
            }
        }

        public void Saved(RegisterImport import)
        {
            if (import.BatchesDone == afterBatches)
            {
                Source.Cancel();
            }
        }
    }

    private sealed class KillingRecords(IAttestationRecords inner, KillSwitch kill) : IAttestationRecords
    {
        public Task<Core.Outcomes.StoredDocument<Attestation>?> FindAsync(string id, CancellationToken ct) => inner.FindAsync(id, ct);
        public Task<Core.Outcomes.StoredDocument<Attestation>?> AddAsync(Attestation attestation, AuditEvent created, CancellationToken ct) => inner.AddAsync(attestation, created, ct);
        public async Task<Core.Outcomes.StoredDocument<Attestation>?> ReplaceAsync(Attestation next, Attestation current, string ifMatch, AuditEvent change, CancellationToken ct)
        {
            var stored = await inner.ReplaceAsync(next, current, ifMatch, change, ct);
            kill.Changed();
            return stored;
        }
        public Task<IReadOnlyList<AuditEvent>> HistoryAsync(string id, CancellationToken ct) => inner.HistoryAsync(id, ct);
        public IAsyncEnumerable<Attestation> ListBySupplierAsync(string supplierId, CancellationToken ct) => inner.ListBySupplierAsync(supplierId, ct);
        public IAsyncEnumerable<Attestation> ListByStatusAsync(string status, CancellationToken ct) => inner.ListByStatusAsync(status, ct);
    }

    private sealed class KillingImports(IRegisterImports inner, KillSwitch kill) : IRegisterImports
    {
        public Task<Core.Outcomes.StoredDocument<RegisterImport>?> FindAsync(string register, DateOnly date, CancellationToken ct) => inner.FindAsync(register, date, ct);
        public Task<IReadOnlyList<RegisterImport>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);
        public Task<RegisterImport> QueueAsync(RegisterImport import, CancellationToken ct) => inner.QueueAsync(import, ct);
        public async Task<Core.Outcomes.StoredDocument<RegisterImport>?> SaveAsync(RegisterImport next, string ifMatch, CancellationToken ct)
        {
            var saved = await inner.SaveAsync(next, ifMatch, ct);
            kill.Saved(next);
            return saved;
        }
    }

    [Theory]
    [InlineData(1, null)]   // killed mid-batch, just after verifying Alder and before the batch's checkpoint
    [InlineData(2, null)]   // killed while lapsing, after Cedar lapsed and before the lapses were recorded as done
    [InlineData(null, 3)]   // killed after three batches were checkpointed
    public async Task A_killed_import_restarted_ends_with_the_same_records_audit_and_counts_as_an_uninterrupted_one(int? afterChanges, int? afterBatches)
    {
        await using var uninterrupted = await StartAsync();
        var whole = await UploadAndImportAsync(uninterrupted, PublicRegisters.Dspt, November, DsptCsv());
        var kill = new KillSwitch(afterChanges, afterBatches);
        await using var app = await StartAsync(services: s =>
        {
            s.AddSingleton<IAttestationRecords>(sp => new KillingRecords(sp.GetRequiredService<AttestationStore>(), kill));
            s.AddSingleton<IRegisterImports>(sp => new KillingImports(ActivatorUtilities.CreateInstance<TableRegisterImports>(sp), kill));
        });
        var uploaded = await UploadAsync(app, "dspt", "2026-11-01", Encoding.UTF8.GetBytes(DsptCsv()));
        Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(app, PublicRegisters.Dspt, November, kill.Source.Token));
        var killed = (await app.Services.GetRequiredService<IRegisterImports>().FindAsync("dspt", November, CancellationToken.None))!.Document;
        Assert.Equal(RegisterImportStatus.Running, killed.Status);
        Assert.True(killed.BatchesDone < whole.BatchesDone || !killed.LapsesDone, "The kill came too late to interrupt anything.");
        var resumed = await ImportAsync(app, PublicRegisters.Dspt, November);

        Assert.Equal((whole.Status, whole.RowsRead, whole.BatchesDone, whole.Verified, whole.Reinstated, whole.Lapsed),
            (resumed.Status, resumed.RowsRead, resumed.BatchesDone, resumed.Verified, resumed.Reinstated, resumed.Lapsed));
        AssertSameState(await StateAsync(uninterrupted), await StateAsync(app));
    }

    private static void AssertSameState(Dictionary<string, (string Status, string? DecidedBy, string[] Events)> expected,
        Dictionary<string, (string Status, string? DecidedBy, string[] Events)> actual)
    {
        foreach (var (id, (status, decidedBy, events)) in expected)
        {
            Assert.Equal((id, status, decidedBy), (id, actual[id].Status, actual[id].DecidedBy));
            Assert.Equal(events, actual[id].Events);
        }
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "wrong-columns", "Wrong columns: the file lacks Organisation Code, Status." },
        { "bad-encoding", "Bad encoding: the file is not UTF-8" },
        { "duplicates", "Duplicate Organisation Code 8CC03 on rows 2 and 4" },
        { "no-rows", "The file has a header but no rows" },
        { "short-row", "Row 2 has 3 fields; the header has 4." },
        { "unclosed-quote", "is not valid CSV" },
        { "garbage-50mb", "Bad encoding: the file is not UTF-8" },
    };

    private static byte[] FileOf(string kind)
    {
        var valid = DsptCsv(filler: 0);
        return kind switch
        {
            "wrong-columns" => Encoding.UTF8.GetBytes("ODS,Organisation Name,Assessment,Published Date\n8CC03,Cedar Health Ltd,Standards Met,2026-10-30\n"),
            // "Café" in Windows-1252: 0xE9 is not UTF-8.
            "bad-encoding" => [.. Encoding.UTF8.GetBytes(valid), .. "9ZZ99,Caf"u8, 0xE9, .. " Telecare Ltd,Standards Met,2026-10-30\r\n"u8],
            "duplicates" => Encoding.UTF8.GetBytes("Organisation Code,Organisation Name,Status,Published Date\n8AA01,Alder Telecare Ltd,Standards Met,x\n" +
                "8CC03,Cedar Health Ltd,Standards Met,x\n8DD04,Damson Devices Ltd,Standards Met,x\n8cc03,Cedar Health Ltd,Standards Met,x\n"),
            "no-rows" => Encoding.UTF8.GetBytes("Organisation Code,Organisation Name,Status,Published Date\r\n"),
            "short-row" => Encoding.UTF8.GetBytes("Organisation Code,Organisation Name,Status,Published Date\n8AA01,Alder Telecare Ltd,Standards Met,x\n8CC03,Cedar Health Ltd,Standards Met\n"),
            "unclosed-quote" => Encoding.UTF8.GetBytes("Organisation Code,Organisation Name,Status,Published Date\n8AA01,\"Alder Telecare Ltd,Standards Met,x\n8DD04,Damson Devices Ltd,Standards Met,x\n"),
            _ => Garbage(50 * 1024 * 1024),
        };
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(50).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_snapshot_is_refused_with_a_clear_message_and_changes_nothing(string kind, string message)
    {
        await using var app = await StartAsync();
        var before = await StateAsync(app);

        var uploaded = await UploadAsync(app, "dspt", "2026-11-01", FileOf(kind));
        Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
        var import = await ImportAsync(app, PublicRegisters.Dspt, November);

        Assert.Equal(RegisterImportStatus.Refused, import.Status);
        Assert.Contains(message, import.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), (import.BatchesDone, import.Verified, import.Lapsed, import.Reinstated));
        AssertSameState(before, await StateAsync(app));
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/registers/imports")).RootElement.EnumerateArray().Single();
        Assert.Equal(("refused", import.Message), (listed.GetProperty("status").GetString(), listed.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_snapshot_over_the_size_limit_is_refused_at_upload_and_when_dropped_straight_into_the_container()
    {
        await using var app = await StartAsync(maxBytes: 1024);
        var before = await StateAsync(app);
        var big = Encoding.UTF8.GetBytes(DsptCsv(filler: 60));
        Assert.True(big.Length > 1024);

        var problem = await ProblemAssert.IsProblemAsync(await UploadAsync(app, "dspt", "2026-11-01", big), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(1024, problem.GetProperty("maxBytes").GetInt64());
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        using var chunked = new HttpRequestMessage(HttpMethod.Put, "/api/registers/dspt/snapshots/2026-11-01") { Content = new StreamContent(new MemoryStream(big)) };
        chunked.Headers.TransferEncodingChunked = true;
        await ProblemAssert.IsProblemAsync(await admin.SendAsync(chunked), HttpStatusCode.LengthRequired, "length-required");

        var snapshots = app.Services.GetRequiredService<BlobRegisterSnapshots>();
        await snapshots.Container.UploadBlobAsync("dspt/2026-11-01.csv", new BinaryData(big));
        var queued = Assert.Single(await app.Services.GetRequiredService<QueueDroppedSnapshots>().RunAsync(CancellationToken.None));
        Assert.Equal(("dspt/2026-11-01", RegisterImportStatus.Queued), (queued.Key, queued.Status));
        var import = await ImportAsync(app, PublicRegisters.Dspt, November);

        Assert.Equal(RegisterImportStatus.Refused, import.Status);
        Assert.Equal($"The file is {big.Length} bytes; snapshots are at most 1024 bytes.", import.Message);
        AssertSameState(before, await StateAsync(app));
        Assert.Empty(await app.Services.GetRequiredService<QueueDroppedSnapshots>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_snapshot_dropped_into_the_container_is_queued_and_imported()
    {
        await using var app = await StartAsync();
        var snapshots = app.Services.GetRequiredService<BlobRegisterSnapshots>();
        await snapshots.Container.UploadBlobAsync("dspt/2026-11-01.csv", new BinaryData(Encoding.UTF8.GetBytes(DsptCsv())));
        await snapshots.Container.UploadBlobAsync("notes/readme.txt", new BinaryData("not a snapshot"u8.ToArray()));

        Assert.Single(await app.Services.GetRequiredService<QueueDroppedSnapshots>().RunAsync(CancellationToken.None));
        var import = await ImportAsync(app, PublicRegisters.Dspt, November);

        Assert.Equal((RegisterImportStatus.Done, 1, 1), (import.Status, import.Verified, import.Lapsed));
    }

    [Fact]
    public async Task An_uploaded_snapshot_is_imported_by_the_queue_function()
    {
        await using var app = await StartAsync(runner: true);
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(app, "dspt", "2026-11-01", Encoding.UTF8.GetBytes(DsptCsv()))).StatusCode);
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);

        JsonElement listed = default;
        for (var wait = 0; wait < 300; wait++)
        {
            listed = JsonDocument.Parse(await admin.GetStringAsync("/api/registers/imports")).RootElement.EnumerateArray().Single();
            if (listed.GetProperty("status").GetString() == RegisterImportStatus.Done)
            {
                break;
            }
            await Task.Delay(100);
        }

        Assert.Equal(("done", 1, 1), (listed.GetProperty("status").GetString(), listed.GetProperty("verified").GetInt32(), listed.GetProperty("lapsed").GetInt32()));
        Assert.Equal(AttestationStatus.Verified, (await StateAsync(app))[Alder].Status);
    }

    [Fact]
    public async Task Bad_uploads_are_problems_naming_what_is_wrong()
    {
        await using var app = await StartAsync();
        var csv = Encoding.UTF8.GetBytes(DsptCsv());

        await ProblemAssert.IsProblemAsync(await UploadAsync(app, "companies-house", "2026-11-01", csv), HttpStatusCode.NotFound, "not-found");
        var date = await ProblemAssert.IsProblemAsync(await UploadAsync(app, "dspt", "1-11-2026", csv), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(date.GetProperty("errors").TryGetProperty("date", out _));
        await ProblemAssert.IsProblemAsync(await UploadAsync(app, "dspt", "2999-01-01", csv), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await UploadAsync(app, "dspt", "2026-11-01", []), HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData(MarketplaceRole.Supplier, "alder-telecare")]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb")]
    [InlineData(MarketplaceRole.Association, "techuk")]
    public async Task Only_an_Admin_uploads_snapshots_and_sees_imports(MarketplaceRole role, string organisation)
    {
        await using var app = await StartAsync();
        using var client = await app.ClientForAsync(role, organisation);

        await ProblemAssert.IsProblemAsync(await client.PutAsync("/api/registers/dspt/snapshots/2026-11-01", new ByteArrayContent(Encoding.UTF8.GetBytes(DsptCsv()))),
            HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/registers/imports"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/registers")).StatusCode);
        Assert.Null(await app.Services.GetRequiredService<IRegisterImports>().FindAsync("dspt", November, CancellationToken.None));
        Assert.Equal(AttestationStatus.Submitted, (await StateAsync(app))[Alder].Status);
    }
}
