using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Attestations;

/// <summary>The catalogue's offerings as attestations need them: what a claim is about, and whose search shows it.</summary>
public interface IAttestedOfferings
{
    /// <summary>The offering, or null (a malformed id is simply not found).</summary>
    Task<Offering?> FindAsync(string offeringId, CancellationToken ct);

    /// <summary>A supplier's offerings in every status.</summary>
    Task<IReadOnlyList<Offering>> ListBySupplierAsync(string supplierId, CancellationToken ct);

    /// <summary>
    /// The offerings whose search documents show <paramref name="attestation"/>: its offering, or for an
    /// organisation-level one every active offering of the supplier.
    /// </summary>
    IAsyncEnumerable<string> AffectedByAsync(Attestation attestation, CancellationToken ct);
}
