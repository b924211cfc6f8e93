using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Progress;

/// <summary>A member's attestation that lapses soon, with the band it falls in (30, 60 or 90 days).</summary>
public sealed record ExpiringAttestation(Organisation Member, Attestation Attestation, int WithinDays);

/// <summary>A member's current declaration this association has not yet vouched for.</summary>
public sealed record AwaitingEndorsement(Organisation Member, Attestation Declaration);

/// <summary>An association's view of its members: what lapses in the next 30/60/90 days and what awaits its endorsement.</summary>
public sealed record AssociationProgress(Organisation Association, int Members, IReadOnlyList<ExpiringAttestation> Expiring, IReadOnlyList<AwaitingEndorsement> Awaiting)
{
    /// <summary>The bands, in days.</summary>
    public static readonly IReadOnlyList<int> Bands = [30, 60, 90];
}

/// <summary>The association's members' renewals and pending endorsements; only an association, for itself.</summary>
public sealed class ReadAssociationProgress(IOrganisations organisations, IAttestationRecords records, TimeProvider clock)
{
    /// <summary>403 unless the actor is an association user; 404 when its organisation is no association.</summary>
    public async Task<Outcome<AssociationProgress>> RunAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Has(MarketplaceRole.Association) || actor.OrganisationId is not { } id)
        {
            return Failure.Forbidden("Only a trade association sees its members' renewals.", "Sign in as a user of a trade association.");
        }
        if (!Ids.IsId(id) || await organisations.FindAsync(id, ct) is not { Kind: OrganisationKind.Association } association)
        {
            return Failure.NotFound("association", id);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = (await organisations.ListAsync(OrganisationKind.Supplier, ct))
            .Where(s => s.Memberships.Contains(id, StringComparer.Ordinal)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var expiring = new List<ExpiringAttestation>();
        var awaiting = new List<AwaitingEndorsement>();
        foreach (var member in members)
        {
            await foreach (var attestation in records.ListBySupplierAsync(member.Id, ct))
            {
                if (attestation.IsCurrentOn(today) && attestation.ExpiresOn is { } expires
                    && AssociationProgress.Bands.FirstOrDefault(days => expires.DayNumber - today.DayNumber <= days) is var band and > 0)
                {
                    expiring.Add(new ExpiringAttestation(member, attestation, band));
                }
                if (attestation.Status == AttestationStatus.Declared && attestation.IsCurrentOn(today)
                    && !attestation.Endorsements.Any(e => e.AssociationId == id))
                {
                    awaiting.Add(new AwaitingEndorsement(member, attestation));
                }
            }
        }
        return new AssociationProgress(association, members.Count,
            [.. expiring.OrderBy(e => e.Attestation.ExpiresOn).ThenBy(e => e.Member.Name, StringComparer.Ordinal)], awaiting);
    }
}
