using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>
/// What a supplier may attest to: the standards in the register it attests itself (not those the buyer assesses), its
/// own active offerings, and the certification bodies to name, each in display order.
/// </summary>
public sealed record AttestationChoices(IReadOnlyList<Standard> Standards, IReadOnlyList<Offering> Offerings, IReadOnlyList<Organisation> Certifiers);

/// <summary>The choices for starting an attestation, for the supplier's own users only (the same rule as <see cref="CreateAttestation"/>).</summary>
public sealed class PrepareAttestation(AttestationScope scope, IStandards standards, IAttestedOfferings offerings, IOrganisations organisations)
{
    /// <summary>The choices; 404 when the caller's organisation is unknown, 403 when it is not a supplier.</summary>
    public async Task<Outcome<AttestationChoices>> RunAsync(Actor actor, CancellationToken ct)
    {
        var supplier = await scope.OpenOwnSupplierAsync(actor, ct);
        if (!supplier.Succeeded)
        {
            return supplier.Failure;
        }
        var own = await offerings.ListBySupplierAsync(supplier.Value.Id, ct);
        return new AttestationChoices(
            [.. (await standards.ListAsync(ct)).Where(s => s.Route != VerificationRoute.BuyerAssessed).OrderBy(s => s.Code, StringComparer.Ordinal)],
            [.. own.Where(o => o.Status == OfferingStatus.Active).OrderBy(o => o.Name, StringComparer.Ordinal)],
            [.. (await organisations.ListAsync(OrganisationKind.Certifier, ct)).OrderBy(c => c.Name, StringComparer.Ordinal)]);
    }
}
