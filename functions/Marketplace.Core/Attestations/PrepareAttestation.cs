using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>What a supplier may attest to: the standards in the register and its own active offerings, each in display order.</summary>
public sealed record AttestationChoices(IReadOnlyList<Standard> Standards, IReadOnlyList<Offering> Offerings);

/// <summary>The choices for starting an attestation, for the supplier's own users only (the same rule as <see cref="CreateAttestation"/>).</summary>
public sealed class PrepareAttestation(IOrganisations organisations, IStandards standards, IAttestedOfferings offerings)
{
    /// <summary>The choices, or 403 for a caller who is not a supplier.</summary>
    public async Task<Outcome<AttestationChoices>> RunAsync(Actor actor, CancellationToken ct)
    {
        var actorOrganisation = Ids.IsId(actor.OrganisationId) ? await organisations.FindAsync(actor.OrganisationId, ct) : null;
        if (AttestationAccess.RefuseStart(actor, actorOrganisation, offering: null) is { } refused)
        {
            return refused;
        }
        var own = await offerings.ListBySupplierAsync(actorOrganisation!.Id, ct);
        return new AttestationChoices(
            [.. (await standards.ListAsync(ct)).OrderBy(s => s.Code, StringComparer.Ordinal)],
            [.. own.Where(o => o.Status == OfferingStatus.Active).OrderBy(o => o.Name, StringComparer.Ordinal)]);
    }
}
