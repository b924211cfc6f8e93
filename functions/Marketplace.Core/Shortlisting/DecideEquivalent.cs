using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The owning commissioner accepts or rejects a supplier's claimed equivalent on one of its draft shortlists, with a
/// reason; the shortlist is re-scored with the decision (<see cref="ShortlistEquivalents.Decide"/>).
/// </summary>
public sealed class DecideEquivalent(CommissionerAccess access, ICommissionerRecords<ShortlistDocument> shortlists, TimeProvider clock)
{
    /// <summary>The re-scored shortlist, or why not (404 shortlist, 403, 428, 409 locked or retired template, 404 claim not pending, 400 reason, 412 stale).</summary>
    public async Task<Outcome<StoredDocument<ShortlistDocument>>> RunAsync(Actor actor, string id, string attestationId, bool accept, string? reason,
        string? ifMatch, CancellationToken ct)
    {
        var found = await access.ShortlistForChangeAsync(actor, id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var (current, version) = found.Value;
        var now = clock.GetUtcNow();
        var (decided, refusal) = ShortlistEquivalents.Decide(current.Document, attestationId, accept, reason, now, actor.UserId);
        if (decided is null)
        {
            return refusal!.Kind switch
            {
                EquivalentRefusalKind.Locked => ShortlistConflict.Of((ShortlistEquivalents.Locked, refusal.Message), "The claimed equivalent cannot be decided."),
                EquivalentRefusalKind.NotPending => Failure.NotFound("pending claimed equivalent", attestationId),
                EquivalentRefusalKind.TemplateRetired => ShortlistConflict.Of((ShortlistLocking.TemplateRetired, refusal.Message), "The claimed equivalent cannot be decided."),
                _ => Failure.Invalid("reason", refusal.Message),
            };
        }
        var claim = decided.Equivalents.First(e => e.AttestationId == attestationId);
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, id, accept ? "accept-equivalent" : "reject-equivalent",
                EquivalentStatus.Pending, claim.Status, now)
            with
            {
                Reason = claim.Decision!.Reason,
                Detail = $"{claim.AttestationId}: {claim.Claim.Name} ({claim.Claim.IssuedBy}) claimed by {claim.SupplierName} as equivalent of {claim.StandardCode}; " +
                    $"{decided.Counts.Eligible} eligible, {decided.Counts.Listed} listed",
            };
        return await shortlists.ReplaceAsync(decided, current.Document, version, change, ct) is { } saved ? saved : Failure.Stale();
    }
}
