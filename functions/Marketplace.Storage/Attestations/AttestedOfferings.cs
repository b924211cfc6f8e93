using System.Runtime.CompilerServices;
using Marketplace.Core;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Storage.Attestations;

/// <summary>Offerings read from the catalogue table, as attestations need them.</summary>
public sealed class AttestedOfferings(CatalogueTables tables) : IAttestedOfferings
{
    public async Task<Offering?> FindAsync(string offeringId, CancellationToken ct) =>
        Ids.IsId(offeringId) ? (await tables.Offerings.FindAsync(offeringId, ct))?.Document : null;

    public async Task<IReadOnlyList<Offering>> ListBySupplierAsync(string supplierId, CancellationToken ct)
    {
        var found = new List<Offering>();
        await foreach (var offering in tables.Offerings.ListAsync(TableFilter.Equal("SupplierId", supplierId), ct))
        {
            found.Add(offering);
        }
        return found;
    }

    public async IAsyncEnumerable<string> AffectedByAsync(Attestation attestation, [EnumeratorCancellation] CancellationToken ct)
    {
        if (attestation.OfferingId is { } offeringId)
        {
            yield return offeringId;
            yield break;
        }
        await foreach (var offering in tables.Offerings.ListAsync(
            $"{TableFilter.Equal("SupplierId", attestation.SupplierId)} and {TableFilter.Equal("Status", OfferingStatus.Active)}", ct))
        {
            yield return offering.Id;
        }
    }
}
