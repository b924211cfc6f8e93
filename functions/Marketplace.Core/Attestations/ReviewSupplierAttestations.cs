using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>A supplier's attestations as its own list shows them: which expire soon, and the names of the offerings they are for.</summary>
public sealed record SupplierAttestationsReview(IReadOnlyList<Attestation> Attestations, IReadOnlySet<string> Expiring, IReadOnlyDictionary<string, string> OfferingNames);

/// <summary>The signed-in supplier's attestations in every status, with verified ones expiring within the warning period marked.</summary>
public sealed class ReviewSupplierAttestations(ListSupplierAttestations list, IAttestedOfferings offerings)
{
    /// <summary>The review, or why the caller may not see it.</summary>
    public async Task<Outcome<SupplierAttestationsReview>> RunAsync(Actor actor, CancellationToken ct)
    {
        var supplierId = actor.OrganisationId ?? "";
        var all = await list.RunAsync(actor, supplierId, null, null, ct);
        if (!all.Succeeded)
        {
            return all.Failure;
        }
        var soon = await list.RunAsync(actor, supplierId, AttestationStatus.Verified, $"{ReviewAttestation.ExpiryWarningDays}", ct);
        var names = (await offerings.ListBySupplierAsync(supplierId, ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        return new SupplierAttestationsReview(all.Value.Attestations,
            soon.Succeeded ? soon.Value.Attestations.Select(a => a.Id).ToHashSet(StringComparer.Ordinal) : [], names);
    }
}
