using Marketplace.Core.Attestations;

namespace Marketplace.Core.Catalogue;

/// <summary>A supplier's attestations, as its public profile reads them (whatever their status; the profile keeps those that count).</summary>
public interface ISupplierAttestations
{
    /// <summary>Every current attestation of the supplier, for the organisation or one of its offerings.</summary>
    Task<IReadOnlyList<Attestation>> ListAsync(string supplierId, CancellationToken ct);
}
