using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>An association and its members, each with what it holds today.</summary>
public sealed record AssociationMembers(Organisation Association, IReadOnlyList<MemberCompliance> Members);

/// <summary>A member and the standards it holds today: verified by their certifier or register, and declared.</summary>
public sealed record MemberCompliance(Organisation Supplier, IReadOnlyList<string> Verified, IReadOnlyList<string> Declared);

/// <summary>An association's members and their compliance at a glance (public: membership and verified standards are shown to everyone).</summary>
public sealed class ReadAssociationMembers(IOrganisations organisations, IAttestationRecords records, TimeProvider clock)
{
    /// <summary>The members by name; 404 when <paramref name="associationId"/> is no association.</summary>
    public async Task<Outcome<AssociationMembers>> RunAsync(Actor actor, string associationId, CancellationToken ct)
    {
        if (!Ids.IsId(associationId) || await organisations.FindAsync(associationId, ct) is not { Kind: OrganisationKind.Association } association)
        {
            return Failure.NotFound("association", associationId);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = new List<MemberCompliance>();
        foreach (var supplier in (await organisations.ListAsync(OrganisationKind.Supplier, ct))
            .Where(s => s.Memberships.Contains(association.Id, StringComparer.Ordinal)).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var held = new List<Attestation>();
            await foreach (var attestation in records.ListBySupplierAsync(supplier.Id, ct))
            {
                held.Add(attestation);
            }
            static IReadOnlyList<string> Codes(IEnumerable<Attestation> of) => [.. of.Select(a => a.StandardCode).Distinct().Order(StringComparer.Ordinal)];
            members.Add(new MemberCompliance(supplier,
                Codes(held.Where(a => a.CountsOn(today))),
                Codes(held.Where(a => a.Status == AttestationStatus.Declared && a.IsCurrentOn(today)))));
        }
        return new AssociationMembers(association, members);
    }
}
