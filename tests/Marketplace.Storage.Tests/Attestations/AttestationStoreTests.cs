using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Audit;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Storage.Tests.Attestations;

/// <summary>The audit table and the attestation store, on a real Azurite.</summary>
public sealed class AttestationStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private sealed record Stores(CatalogueTables Tables, TableAuditLog Audit, TableServiceClient Service, StorageNames Names);

    private static async Task<Stores> ConnectAsync()
    {
        var azurite = await Azurite.Shared;
        var names = new StorageNames(UniqueNames.Prefix());
        var tables = new TableServiceClient(azurite.ConnectionString);
        await new StorageProvisioner(tables, new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), names,
            NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
        return new Stores(new CatalogueTables(tables, names), new TableAuditLog(tables, names), tables, names);
    }

    private static AuditEvent Event(string subject, string action, DateTimeOffset at, string? from = null, string? to = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        SubjectKind = AttestationStore.SubjectKind,
        SubjectId = subject,
        At = at,
        Action = action,
        ActorUserId = "usr-1",
        ActorOrganisationId = "downs-careline-systems",
        ActorRole = "Supplier",
        From = from,
        To = to,
        EvidenceSha256 = [new string('a', 64)],
    };

    private static Attestation Draft(string id) => new()
    {
        Id = id,
        SupplierId = "downs-careline-systems",
        StandardCode = "DSPT",
        CertificateNumber = "DSPT-1",
        IssuedOn = new DateOnly(2026, 6, 30),
        Status = AttestationStatus.Draft,
    };

    [Fact]
    public async Task Audit_events_read_back_in_time_order_per_object_and_an_event_appended_twice_is_kept_once()
    {
        var s = await ConnectAsync();
        var late = Event("att-1", "submit", Now.AddMinutes(5));
        var early = Event("att-1", "create", Now);

        await s.Audit.AppendAsync(late, CancellationToken.None);
        await s.Audit.AppendAsync(early, CancellationToken.None);
        await s.Audit.AppendAsync(late, CancellationToken.None);
        await s.Audit.AppendAsync(Event("att-2", "create", Now), CancellationToken.None);

        var events = await s.Audit.ReadAsync(AttestationStore.SubjectKind, "att-1", CancellationToken.None);
        Assert.Equal(["create", "submit"], events.Select(e => e.Action));
        Assert.Equal(early, events[0] with { EvidenceSha256 = early.EvidenceSha256 });
        Assert.Equal(early.EvidenceSha256, events[0].EvidenceSha256);
    }

    [Fact]
    public async Task The_audit_table_is_only_ever_added_to()
    {
        var s = await ConnectAsync();
        var first = Event("att-3", "create", Now);
        await s.Audit.AppendAsync(first, CancellationToken.None);

        // Appending the same event with other content does not overwrite the stored one.
        await s.Audit.AppendAsync(first with { Action = "tampered" }, CancellationToken.None);

        Assert.Equal("create", Assert.Single(await s.Audit.ReadAsync(AttestationStore.SubjectKind, "att-3", CancellationToken.None)).Action);
    }

    [Fact]
    public async Task A_stale_replace_writes_nothing_and_records_no_event()
    {
        var s = await ConnectAsync();
        var store = new AttestationStore(s.Tables, s.Audit, NullLogger<AttestationStore>.Instance);
        var created = await store.AddAsync(Draft("att-4"), Event("att-4", "create", Now, null, "draft"), CancellationToken.None);
        var submitted = Draft("att-4") with { Status = AttestationStatus.Submitted };
        await store.ReplaceAsync(submitted, Draft("att-4"), created!.ETag, Event("att-4", "submit", Now.AddMinutes(1), "draft", "submitted"), CancellationToken.None);

        var stale = await store.ReplaceAsync(Draft("att-4") with { Status = AttestationStatus.Withdrawn }, Draft("att-4"), created.ETag,
            Event("att-4", "withdraw", Now.AddMinutes(2), "draft", "withdrawn"), CancellationToken.None);

        Assert.Null(stale);
        Assert.Equal(AttestationStatus.Submitted, (await store.FindAsync("att-4", CancellationToken.None))!.Document.Status);
        Assert.Equal(["create", "submit"], (await store.HistoryAsync("att-4", CancellationToken.None)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_change_whose_audit_append_failed_still_shows_in_its_history()
    {
        var s = await ConnectAsync();
        var broken = new AttestationStore(s.Tables, new UnavailableAuditLog(), NullLogger<AttestationStore>.Instance);
        var healthy = new AttestationStore(s.Tables, s.Audit, NullLogger<AttestationStore>.Instance);
        var created = await healthy.AddAsync(Draft("att-5"), Event("att-5", "create", Now, null, "draft"), CancellationToken.None);

        var submitted = await broken.ReplaceAsync(Draft("att-5") with { Status = AttestationStatus.Submitted }, Draft("att-5"), created!.ETag,
            Event("att-5", "submit", Now.AddMinutes(1), "draft", "submitted"), CancellationToken.None);

        Assert.NotNull(submitted);
        Assert.Equal(["create"], (await s.Audit.ReadAsync(AttestationStore.SubjectKind, "att-5", CancellationToken.None)).Select(e => e.Action));
        Assert.Equal(["create", "submit"], (await healthy.HistoryAsync("att-5", CancellationToken.None)).Select(e => e.Action));
        Assert.Equal(["create", "submit"], (await s.Audit.ReadAsync(AttestationStore.SubjectKind, "att-5", CancellationToken.None)).Select(e => e.Action));
    }

    [Fact]
    public async Task Organisation_level_attestations_affect_every_active_offering_of_the_supplier_and_offering_level_ones_only_theirs()
    {
        var s = await ConnectAsync();
        var offerings = new AttestedOfferings(s.Tables);
        foreach (var (id, supplier, status) in new[] { ("off-a", "downs-careline-systems", "active"), ("off-b", "downs-careline-systems", "retired"),
            ("off-c", "downs-careline-systems", "active"), ("off-d", "pennine-careline-services", "active") })
        {
            await s.Tables.Offerings.WriteAsync(id, new Marketplace.Core.Catalogue.Offering
            {
                Id = id, SupplierId = supplier, Kind = "product", Name = id, Category = "fall-detector",
                Price = new Marketplace.Core.Catalogue.OfferingPrice("per-unit", 10m), Status = status,
            }, CancellationToken.None);
        }

        var organisationLevel = await offerings.AffectedByAsync(Draft("att-6"), CancellationToken.None).ToListAsync();
        var offeringLevel = await offerings.AffectedByAsync(Draft("att-6") with { OfferingId = "off-b" }, CancellationToken.None).ToListAsync();

        Assert.Equal(["off-a", "off-c"], organisationLevel.Order(StringComparer.Ordinal));
        Assert.Equal(["off-b"], offeringLevel);
    }

    /// <summary>The audit table during an outage: the one thing Azurite cannot be made to do on cue.</summary>
    private sealed class UnavailableAuditLog : IAuditLog
    {
        public Task AppendAsync(AuditEvent auditEvent, CancellationToken ct) => throw new RequestFailedException(503, "Server busy");

        public Task<IReadOnlyList<AuditEvent>> ReadAsync(string subjectKind, string subjectId, CancellationToken ct) => throw new RequestFailedException(503, "Server busy");
    }
}
