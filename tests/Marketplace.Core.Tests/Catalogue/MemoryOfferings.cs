using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Tests.Catalogue;

/// <summary>Offerings in memory: versions as ETags <c>v1</c>, <c>v2</c> …, replaced versions and audit events kept to be read back.</summary>
internal sealed class MemoryOfferings : IOfferings
{
    public Dictionary<string, StoredDocument<Offering>> Stored { get; } = new(StringComparer.Ordinal);
    public List<Offering> History { get; } = [];
    public List<AuditEvent> Audit { get; } = [];
    /// <summary>When set, the next replace finds the offering changed by someone else (a race lost after the checks).</summary>
    public bool LoseNextRace { get; set; }
    private int version;

    public StoredDocument<Offering> Put(Offering offering) => Stored[offering.Id] = new(offering, $"v{++version}");

    public Task<StoredDocument<Offering>?> FindAsync(string id, CancellationToken ct) => Task.FromResult(Stored.GetValueOrDefault(id));

    public Task<StoredDocument<Offering>?> AddAsync(Offering offering, AuditEvent created, CancellationToken ct)
    {
        if (Stored.ContainsKey(offering.Id))
        {
            return Task.FromResult<StoredDocument<Offering>?>(null);
        }
        Audit.Add(created);
        return Task.FromResult<StoredDocument<Offering>?>(Put(offering));
    }

    public Task<StoredDocument<Offering>?> ReplaceAsync(Offering replacement, Offering current, string ifMatch, AuditEvent change, CancellationToken ct)
    {
        if (LoseNextRace)
        {
            LoseNextRace = false;
            Put(Stored[current.Id].Document);
        }
        if (Stored.GetValueOrDefault(replacement.Id)?.ETag != ifMatch)
        {
            return Task.FromResult<StoredDocument<Offering>?>(null);
        }
        History.Add(current);
        Audit.Add(change);
        return Task.FromResult<StoredDocument<Offering>?>(Put(replacement));
    }

    public Task<IReadOnlyList<Offering>> ListActiveAsync(string supplierId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Offering>>([.. Stored.Values.Select(s => s.Document).Where(o => o.SupplierId == supplierId && o.Status == OfferingStatus.Active)]);
}
