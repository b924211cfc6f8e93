using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Access;

/// <summary>An Admin reads which organisation, in which role, an Entra ID user acts for.</summary>
public sealed class GetMembership(IMembershipRegister register)
{
    /// <summary>400 (keys) → 404; the membership and its ETag.</summary>
    public async Task<Outcome<StoredDocument<Membership>>> RunAsync(Actor actor, string tenantId, string objectId, CancellationToken ct)
    {
        if (MembershipRules.CheckKeys(tenantId, objectId) is { } invalid)
        {
            return invalid;
        }
        return await register.FindAsync(tenantId, objectId, ct) is { } found
            ? new StoredDocument<Membership>(found.Membership, found.ETag)
            : MembershipNotFound(tenantId, objectId);
    }

    internal static Failure MembershipNotFound(string tenantId, string objectId, string? more = null) =>
        new(FailureKind.NotFound, Problems.NotFound, "No such membership.", $"User {objectId} of tenant {tenantId} has no membership{more}.");
}
