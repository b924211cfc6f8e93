using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Core.Tests.Attestations;

/// <summary>The use cases' ports in memory, over <see cref="Fixtures"/>: what was written, audited, stored and re-indexed can be read back.</summary>
internal sealed class World : IAttestationRecords, IOrganisations, IStandards, IAttestedOfferings, IEvidenceFiles, IEvidenceStaging, ISearchIndexUpdates
{
    private int version;

    public FakeTimeProvider Clock { get; } = new(Fixtures.Now);
    public Dictionary<string, StoredDocument<Attestation>> Attestations { get; } = new(StringComparer.Ordinal);
    public List<AuditEvent> Audit { get; } = [];
    public List<Organisation> Organisations { get; } = [Fixtures.Tsa, Fixtures.Regional, Fixtures.TechUk, Fixtures.Supplier, Fixtures.TecQuality, Fixtures.Brackenford,
        new() { Id = "pennine-careline-services", Kind = OrganisationKind.Supplier, Name = "Pennine Careline Services", Memberships = [Fixtures.Tsa.Id] }];
    public List<Standard> Standards { get; } = [Fixtures.A2dReady, Fixtures.Dspt, Fixtures.Cqc, Fixtures.Qsf, Fixtures.Dcb0129, Fixtures.Dtac];
    public List<Offering> Offerings { get; } =
    [
        Offering("off-000009", Fixtures.Supplier.Id), Offering("off-000010", Fixtures.Supplier.Id),
        Offering("off-000011", Fixtures.Supplier.Id) with { Status = OfferingStatus.Retired }, Offering("off-000014", "pennine-careline-services"),
    ];
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    public List<string> Reindexed { get; } = [];

    public static Offering Offering(string id, string supplierId) => new()
    {
        Id = id, SupplierId = supplierId, Kind = "product", Name = "Offering " + id, Category = "fall-detector", Price = new OfferingPrice("per-unit", 10m),
    };

    /// <summary>Stores <paramref name="attestation"/> as it stands, returning its ETag.</summary>
    public string Put(Attestation attestation)
    {
        var stored = new StoredDocument<Attestation>(attestation, NextETag());
        Attestations[attestation.Id] = stored;
        return stored.ETag;
    }

    public ChangeAttestationStatus ChangeStatus() => new(Scope(), this, Search(), Clock);
    public UploadEvidence Upload() => new(Scope(), this, this, this, Search(), Clock);
    public CreateAttestation Create() => new(Scope(), this, this, this, this, Search(), Clock);
    public EndorseAttestation Endorse() => new(Scope(), this, Clock);
    public MigrateLegacyAttestations Migrate() => new(this, Clock);
    public ReadCertifierQueue Queue() => new(this, this, this);
    public ExpireLapsedAttestations Expire() => new(this, Search(), Clock);
    public AttestationScope Scope() => new(this, this, this);
    private SearchFollowsAttestations Search() => new(this, this);

    private string NextETag() => $"W/\"datetime'{Interlocked.Increment(ref version)}'\"";

    Task<StoredDocument<Attestation>?> IAttestationRecords.FindAsync(string id, CancellationToken ct) => Task.FromResult(Attestations.GetValueOrDefault(id));

    Task<StoredDocument<Attestation>?> IAttestationRecords.AddAsync(Attestation attestation, AuditEvent created, CancellationToken ct)
    {
        if (Attestations.ContainsKey(attestation.Id))
        {
            return Task.FromResult<StoredDocument<Attestation>?>(null);
        }
        Audit.Add(created);
        Put(attestation);
        return Task.FromResult<StoredDocument<Attestation>?>(Attestations[attestation.Id]);
    }

    Task<StoredDocument<Attestation>?> IAttestationRecords.ReplaceAsync(Attestation next, Attestation current, string ifMatch, AuditEvent change, CancellationToken ct)
    {
        if (Attestations.GetValueOrDefault(next.Id)?.ETag != ifMatch)
        {
            return Task.FromResult<StoredDocument<Attestation>?>(null);
        }
        Audit.Add(change);
        Put(next);
        return Task.FromResult<StoredDocument<Attestation>?>(Attestations[next.Id]);
    }

    Task<IReadOnlyList<AuditEvent>> IAttestationRecords.HistoryAsync(string id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditEvent>>([.. Audit.Where(e => e.SubjectId == id)]);

    IAsyncEnumerable<Attestation> IAttestationRecords.ListBySupplierAsync(string supplierId, CancellationToken ct) =>
        Attestations.Values.Select(s => s.Document).Where(a => a.SupplierId == supplierId).ToAsyncEnumerable();

    IAsyncEnumerable<Attestation> IAttestationRecords.ListByStatusAsync(string status, CancellationToken ct) =>
        Attestations.Values.Select(s => s.Document).Where(a => a.Status == status).ToAsyncEnumerable();

    Task<Organisation?> IOrganisations.FindAsync(string id, CancellationToken ct) => Task.FromResult(Organisations.FirstOrDefault(o => o.Id == id));

    Task<IReadOnlyList<Organisation>> IOrganisations.ListAsync(string? kind, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Organisation>>([.. Organisations.Where(o => kind is null || o.Kind == kind)]);

    Task<Standard?> IStandards.FindAsync(string code, CancellationToken ct) => Task.FromResult(Standards.FirstOrDefault(s => s.Code == code));

    Task<IReadOnlyList<Standard>> IStandards.ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Standard>>(Standards);

    Task<Offering?> IAttestedOfferings.FindAsync(string offeringId, CancellationToken ct) => Task.FromResult(Offerings.FirstOrDefault(o => o.Id == offeringId));

    Task<IReadOnlyList<Offering>> IAttestedOfferings.ListBySupplierAsync(string supplierId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Offering>>([.. Offerings.Where(o => o.SupplierId == supplierId)]);

    async IAsyncEnumerable<string> IAttestedOfferings.AffectedByAsync(Attestation attestation, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var offering in Offerings.Where(o => attestation.OfferingId is { } id ? o.Id == id : o.SupplierId == attestation.SupplierId && o.Status == OfferingStatus.Active))
        {
            yield return offering.Id;
        }
    }

    async Task<string?> IEvidenceFiles.CreateAsync(EvidenceLocation location, Stream content, string contentType, CancellationToken ct)
    {
        var path = $"{location.SupplierId}/{location.AttestationId}/{location.FileName}";
        if (Files.ContainsKey(path))
        {
            return null;
        }
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        Files[path] = copy.ToArray();
        return "v1";
    }

    Task IEvidenceFiles.DeleteAsync(EvidenceLocation location, string version, CancellationToken ct)
    {
        Files.Remove($"{location.SupplierId}/{location.AttestationId}/{location.FileName}");
        return Task.CompletedTask;
    }

    Task<EvidenceLink> IEvidenceFiles.ReadLinkAsync(EvidenceLocation location, string contentType, CancellationToken ct) =>
        Task.FromResult(new EvidenceLink(new Uri($"https://evidence.example/{location.SupplierId}/{location.AttestationId}/{location.FileName}"), Clock.GetUtcNow().AddMinutes(15)));

    // No scanner here: the scan rule is tested over HTTP against Azurite's tags (EvidenceMalwareScanTests).
    Task<EvidenceScan> IEvidenceFiles.ScanAsync(EvidenceLocation location, CancellationToken ct) => Task.FromResult(EvidenceScan.Clean);

    async Task<StagedEvidence?> IEvidenceStaging.StageAsync(Stream content, long declaredLength, CancellationToken ct)
    {
        var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        if (copy.Length != declaredLength)
        {
            return null;
        }
        var bytes = copy.ToArray();
        copy.Position = 0;
        return new StagedEvidence(copy, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes[..Math.Min(bytes.Length, EvidenceRules.SniffLength)]);
    }

    Task ISearchIndexUpdates.OfferingChangedAsync(string offeringId, CancellationToken ct)
    {
        Reindexed.Add(offeringId);
        return Task.CompletedTask;
    }
}
