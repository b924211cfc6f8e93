using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Catalogue;

/// <summary>Anyone reads a supplier's public profile: who they are, their associations, active offerings and the standards they hold today.</summary>
public sealed class GetSupplierProfile(IOrganisations organisations, IOfferings offerings, ISupplierAttestations attestations, IStandards standards, TimeProvider time)
{
    /// <summary>A supplier's public profile.</summary>
    /// <param name="Supplier">The supplier organisation.</param>
    /// <param name="Memberships">The associations it belongs to, with their names.</param>
    /// <param name="Commitments">Commitments it has signed (3millionlives), with who vouches for them: shown, never a gate.</param>
    /// <param name="Offerings">Its active offerings, by name.</param>
    /// <param name="StandardsHeld">Standards it holds today, by code then offering.</param>
    public sealed record SupplierProfile(
        Organisation Supplier,
        IReadOnlyList<AssociationMembership> Memberships,
        IReadOnlyList<CommitmentVouched> Commitments,
        IReadOnlyList<OfferingSummary> Offerings,
        IReadOnlyList<StandardHeld> StandardsHeld)
    {
        /// <summary>What its associations vouch for, as one line (<see cref="Vouching.Describe"/>); empty when nothing.</summary>
        public string Vouched() => Vouching.Describe([.. Memberships.Select(m => m.Name)], Commitments.Select(c => (c.Title, c.VouchedByName)));
    }

    /// <summary>An association the supplier belongs to.</summary>
    /// <param name="Id">Association id.</param>
    /// <param name="Name">Association name.</param>
    public sealed record AssociationMembership(string Id, string Name);

    /// <summary>A commitment the supplier has signed, vouched for by one of its associations.</summary>
    /// <param name="Commitment">Commitment id, e.g. <c>3millionlives</c>.</param>
    /// <param name="Title">As people read it.</param>
    /// <param name="VouchedBy">Id of the association that vouches for it.</param>
    /// <param name="VouchedByName">That association's name.</param>
    /// <param name="SignedOn">When the supplier signed.</param>
    public sealed record CommitmentVouched(string Commitment, string Title, string VouchedBy, string VouchedByName, DateOnly SignedOn);

    /// <summary>An active offering, as a profile lists it.</summary>
    /// <param name="Id">Offering id.</param>
    /// <param name="Name">Display name.</param>
    /// <param name="Category">Category slug.</param>
    /// <param name="Summary">Short summary.</param>
    /// <param name="Price">Price.</param>
    public sealed record OfferingSummary(string Id, string Name, string Category, string Summary, OfferingPrice Price);

    /// <summary>A standard held through a verified, unexpired attestation, for the organisation or one offering.</summary>
    /// <param name="Code">Standard code.</param>
    /// <param name="Name">Standard name.</param>
    /// <param name="OfferingId">The offering it is held for; null for the whole organisation.</param>
    /// <param name="VerifiedBy">The association that verified it.</param>
    /// <param name="VerifiedByName">That association's name.</param>
    /// <param name="ExpiresOn">When it expires; null when open-ended.</param>
    public sealed record StandardHeld(string Code, string Name, string? OfferingId, string? VerifiedBy, string? VerifiedByName, DateOnly? ExpiresOn);

    /// <summary>The profile, or 404 when <paramref name="supplierId"/> is no supplier (an association or commissioner has none).</summary>
    public async Task<Outcome<SupplierProfile>> RunAsync(Actor actor, string supplierId, CancellationToken ct)
    {
        if (await organisations.FindAsync(supplierId, ct) is not { Kind: OrganisationKind.Supplier } supplier)
        {
            return Failure.NotFound("supplier", supplierId);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var active = await offerings.ListActiveAsync(supplierId, ct);
        var held = (await attestations.ListAsync(supplierId, ct)).Where(a => a.IsCurrentOn(today)).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organisationId in supplier.Memberships.Concat(supplier.Commitments.Select(c => c.VouchedBy)).Concat(held.Select(a => a.DecidedBy).OfType<string>()).Distinct())
        {
            names[organisationId] = (await organisations.FindAsync(organisationId, ct))?.Name ?? organisationId;
        }
        var standardNames = (await standards.ListAsync(ct)).ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        return new SupplierProfile(
            supplier,
            [.. supplier.Memberships.Select(m => new AssociationMembership(m, names[m]))],
            [.. supplier.Commitments.Select(c => new CommitmentVouched(c.Commitment, Commitments.Title(c.Commitment), c.VouchedBy, names[c.VouchedBy], c.SignedOn))],
            [.. active.Select(o => new OfferingSummary(o.Id, o.Name, o.Category, o.Summary, o.Price)).OrderBy(o => o.Name, StringComparer.Ordinal)],
            [.. held.OrderBy(a => a.StandardCode, StringComparer.Ordinal).ThenBy(a => a.OfferingId, StringComparer.Ordinal)
                .Select(a => new StandardHeld(a.StandardCode, standardNames.GetValueOrDefault(a.StandardCode, a.StandardCode), a.OfferingId,
                    a.DecidedBy, a.DecidedBy is null ? null : names[a.DecidedBy], a.ExpiresOn))]);
    }
}
