using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Access;

/// <summary>A membership as recorded: the record, its new ETag, and whether it was created (rather than replaced).</summary>
public sealed record RecordedMembership(Membership Membership, string ETag, bool Created);

/// <summary>
/// An Admin records which organisation, in which role, a user acts for: a new membership without If-Match, a change
/// to an existing one with it. Every change is audited.
/// </summary>
public sealed class RecordMembership(IMembershipRegister register, IOrganisations organisations, IAuditLog audit, TimeProvider time)
{
    /// <summary>
    /// 400 (keys) → 404 (If-Match for a membership that does not exist) → 428 (no If-Match for one that does) → 412
    /// (not the stored version) → 400 by field (organisation, role, keys sent back changed) → 412 (changed meanwhile).
    /// </summary>
    public async Task<Outcome<RecordedMembership>> RunAsync(Actor actor, string tenantId, string objectId, MembershipRequest request, string? ifMatch,
        CancellationToken ct)
    {
        if (MembershipRules.CheckKeys(tenantId, objectId) is { } badKeys)
        {
            return badKeys;
        }
        var creating = string.IsNullOrWhiteSpace(ifMatch);
        var before = await register.FindAsync(tenantId, objectId, ct);
        if (!creating && before is null)
        {
            return GetMembership.MembershipNotFound(tenantId, objectId, " to change; send no If-Match to create one");
        }
        if (creating && before is not null)
        {
            return AlreadyRecorded();
        }
        if (!creating && Precondition.Require(ifMatch, before!.Value.ETag).Failure is { } stale)
        {
            return stale;
        }
        var organisation = Ids.IsId(request.OrganisationId) ? await organisations.FindAsync(request.OrganisationId, ct) : null;
        var errors = MembershipRules.Check(request, organisation).Concat(MembershipRules.KeyMismatches(request, tenantId, objectId))
            .ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var membership = new Membership(tenantId, objectId, organisation!.Id, request.Role);
        var now = time.GetUtcNow();
        if (creating)
        {
            // Someone may have recorded it since the read: the add still refuses to overwrite.
            if (await register.AddAsync(membership, ct) is not { } created)
            {
                return AlreadyRecorded();
            }
            await audit.AppendAsync(Audit(actor, tenantId, objectId, "create", null, membership, now), CancellationToken.None);
            return new RecordedMembership(membership, created, Created: true);
        }
        if (await register.ReplaceAsync(membership, ifMatch!, ct) is not { } replaced)
        {
            return Failure.Stale();
        }
        await audit.AppendAsync(Audit(actor, tenantId, objectId, "replace", before!.Value.Membership, membership, now), CancellationToken.None);
        return new RecordedMembership(membership, replaced, Created: false);
    }

    private static Failure AlreadyRecorded() => new(FailureKind.PreconditionRequired, Problems.PreconditionRequired,
        "The user already has a membership.", "To change it, GET it and send its ETag in If-Match.");

    internal static AuditEvent Audit(Actor actor, string tenantId, string objectId, string action, Membership? from, Membership? to, DateTimeOffset at) =>
        AuditEvent.By(actor, MarketplaceRole.Admin, MembershipRules.SubjectKind, $"{tenantId}:{objectId}", action,
            MembershipRules.Describe(from), MembershipRules.Describe(to), at);
}
