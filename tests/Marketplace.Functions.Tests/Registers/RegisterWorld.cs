using System.Text;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Registers;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Registers;

/// <summary>
/// A small world of register-route attestations written straight into an app's tables, and the DSPT and MHRA
/// snapshots that check them. Alder (submitted, on the DSPT under a differently written name) gets verified; Birch
/// (submitted, its reference listed under another organisation's name) and Elm (submitted, "Approaching Standards")
/// stay submitted; Cedar (verified, absent) lapses; Damson (verified, "Standards Exceeded") stays verified; Cedar's CQC
/// registration is another register's business.
/// </summary>
public static class RegisterWorld
{
    public static readonly DateOnly November = new(2026, 11, 1);

    public const string Alder = "att-reg000001";
    public const string Birch = "att-reg000002";
    public const string Cedar = "att-reg000003";
    public const string Damson = "att-reg000004";
    public const string Elm = "att-reg000005";
    public const string CedarCqc = "att-reg000006";
    public const string DamsonHub = "att-reg000007";
    public const string HubOffering = "off-900001";

    public static IReadOnlyList<string> All => [Alder, Birch, Cedar, Damson, Elm, CedarCqc, DamsonHub];

    public static async Task WriteAsync(MarketplaceApp app)
    {
        var tables = app.Services.GetRequiredService<CatalogueTables>();
        foreach (var (id, name) in new[]
        {
            ("alder-telecare", "Alder Telecare Ltd"), ("birch-careline", "Birch Careline Limited"), ("cedar-health", "Cedar Health Ltd"),
            ("damson-devices", "Damson Devices Ltd"), ("elm-response", "Elm Response Ltd"),
        })
        {
            await tables.Organisations.WriteAsync(id, new Organisation { Id = id, Kind = OrganisationKind.Supplier, Name = name });
        }
        await tables.Offerings.WriteAsync(HubOffering, new Offering
        {
            Id = HubOffering, SupplierId = "damson-devices", Kind = "product", Name = "Damson Vital Signs Hub", Summary = "A vital signs hub",
            Category = "vital-signs-hub", Regions = ["north-west"], Price = new OfferingPrice("per-unit", 120m), Status = OfferingStatus.Active,
        });
        foreach (var attestation in new[]
        {
            Make(Alder, "alder-telecare", "DSPT", AttestationStatus.Submitted, "8AA01"),
            Make(Birch, "birch-careline", "DSPT", AttestationStatus.Submitted, "8BB02"),
            Make(Cedar, "cedar-health", "DSPT", AttestationStatus.Verified, "8CC03"),
            Make(Damson, "damson-devices", "DSPT", AttestationStatus.Verified, "8DD04"),
            Make(Elm, "elm-response", "DSPT", AttestationStatus.Submitted, "8EE05"),
            Make(CedarCqc, "cedar-health", "CQC", AttestationStatus.Verified, "1-100000003"),
            Make(DamsonHub, "damson-devices", "MHRA-REG", AttestationStatus.Submitted, "MHRA-GB-000007") with { OfferingId = HubOffering },
        })
        {
            await tables.Attestations.WriteAsync(attestation.Id, attestation);
        }
    }

    private static Attestation Make(string id, string supplier, string code, string status, string reference) => new()
    {
        Id = id, SupplierId = supplier, StandardCode = code, Status = status, RegisterReference = reference, CertificateNumber = reference,
        IssuedOn = new DateOnly(2026, 7, 1), SubmittedAt = new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero),
        DecidedBy = status == AttestationStatus.Verified ? "techuk" : null,
    };

    /// <summary>The November DSPT snapshot: the world's rows among <paramref name="filler"/> other organisations' rows.</summary>
    public static string DsptCsv(int filler = 12, bool withCedar = false)
    {
        var csv = new StringBuilder("Organisation Code,Organisation Name,Status,Published Date\r\n");
        var rows = new List<string>
        {
            "8AA01,ALDER TELECARE LIMITED,Standards Met,2026-10-30",
            "8BB02,Birch Homecare Ltd,Standards Met,2026-10-30",
            "8DD04,\"Damson Devices, Ltd.\",Standards Exceeded,2026-10-30",
            "8EE05,Elm Response Ltd,Approaching Standards,2026-10-30",
        };
        if (withCedar)
        {
            rows.Add("8CC03,Cedar Health Limited,Standards Met,2026-12-01");
        }
        for (var i = 0; i < filler; i++)
        {
            rows.Insert(Math.Min(rows.Count, i % 5), $"9F{i:D3},Filler Organisation {i} Ltd,Standards Met,2026-10-30");
        }
        foreach (var row in rows)
        {
            csv.Append(row).Append("\r\n");
        }
        return csv.ToString();
    }

    public const string MhraCsv = "Registration Number,Manufacturer Name,Device Name,Registration Status\n" +
        "MHRA-GB-000007,Damson Devices Ltd,DAMSON VITAL SIGNS HUB,Registered\n" +
        "MHRA-GB-000099,Other Devices Ltd,Other Hub,Registered\n";

    /// <summary>Each world attestation's status, decider and the import's audit events (without their random-free parts that differ per app).</summary>
    public static async Task<Dictionary<string, (string Status, string? DecidedBy, string[] Events)>> StateAsync(MarketplaceApp app)
    {
        var store = app.Services.GetRequiredService<AttestationStore>();
        var state = new Dictionary<string, (string, string?, string[])>(StringComparer.Ordinal);
        foreach (var id in All)
        {
            var attestation = (await store.FindAsync(id, CancellationToken.None))!.Document;
            var events = (await store.HistoryAsync(id, CancellationToken.None)).Select(Describe).ToArray();
            state[id] = (attestation.Status, attestation.DecidedBy, events);
        }
        return state;
    }

    public static string Describe(AuditEvent e) => $"{e.Action} {e.From}→{e.To} by {e.ActorUserId} ({e.ActorRole}): {e.Detail}";

    public static async Task<RegisterImport> ImportAsync(MarketplaceApp app, PublicRegister register, DateOnly date, CancellationToken ct = default) =>
        (await app.Services.GetRequiredService<ImportRegisterSnapshot>().RunAsync(Functions.Registers.ImportRegisterSnapshotFunction.Job, register, date, ct))!;
}
