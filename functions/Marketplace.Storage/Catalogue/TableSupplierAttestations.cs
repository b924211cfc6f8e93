using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Catalogue;

/// <summary>A supplier's attestations for its profile, by the attestations table's <c>SupplierId</c> column.</summary>
public sealed class TableSupplierAttestations(CatalogueTables tables) : ISupplierAttestations
{
    public async Task<IReadOnlyList<Attestation>> ListAsync(string supplierId, CancellationToken ct)
    {
        var attestations = new List<Attestation>();
        await foreach (var attestation in tables.Attestations.ListAsync(TableFilter.Equal("SupplierId", supplierId), ct))
        {
            attestations.Add(attestation);
        }
        return attestations;
    }
}
