using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Access;

/// <summary>An Admin removes a membership: the user no longer acts for any organisation. Audited.</summary>
public sealed class RemoveMembership(IMembershipRegister register, IAuditLog audit, TimeProvider time)
{
    /// <summary>400 (keys) → 404 → 428 (no If-Match) → 412 (stale); on success the membership that was removed.</summary>
    public async Task<Outcome<Membership>> RunAsync(Actor actor, string tenantId, string objectId, string? ifMatch, CancellationToken ct)
    {
        if (MembershipRules.CheckKeys(tenantId, objectId) is { } invalid)
        {
            return invalid;
        }
        if (await register.FindAsync(tenantId, objectId, ct) is not { } before)
        {
            return GetMembership.MembershipNotFound(tenantId, objectId);
        }
        var version = Precondition.Require(ifMatch, before.ETag);
        if (!version.Succeeded)
        {
            return version.Failure;
        }
        if (!await register.DeleteAsync(tenantId, objectId, version.Value, ct))
        {
            return Failure.Stale();
        }
        await audit.AppendAsync(RecordMembership.Audit(actor, tenantId, objectId, "delete", before.Membership, null, time.GetUtcNow()), CancellationToken.None);
        return before.Membership;
    }
}
