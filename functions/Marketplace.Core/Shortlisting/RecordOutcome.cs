using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>The owning commissioner records the call-off outcome of a locked shortlist, once (<see cref="CallOffRules"/>).</summary>
public sealed class RecordOutcome(CommissionerAccess access, ICommissionerRecords<ShortlistDocument> shortlists, CallOffRoutes routes, TimeProvider clock)
{
    /// <summary>The shortlist with its outcome, or why not (404, 403, 428, 400 by field, 409 by rule, 412 stale).</summary>
    public async Task<Outcome<StoredDocument<ShortlistDocument>>> RunAsync(Actor actor, string id, CallOffRequest request, string? ifMatch, CancellationToken ct)
    {
        var found = await access.ShortlistForChangeAsync(actor, id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var (current, version) = found.Value;
        var shortlist = current.Document;
        // Today's framework decides whether a call-off may start and by which route; the snapshot's copy stands in if it was removed.
        var (route, framework) = await routes.RouteOfAsync(shortlist, ct);
        var now = clock.GetUtcNow();
        var (recorded, refusal) = CallOffRules.Decide(request, shortlist, framework, route, DateOnly.FromDateTime(now.UtcDateTime), now, actor.UserId);
        if (recorded is null)
        {
            return refusal!.Conflict is { } conflict
                ? ShortlistConflict.Of(conflict, "The outcome cannot be recorded.")
                : Failure.Invalid(refusal.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var next = shortlist with { Outcome = recorded };
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, id, "outcome", ShortlistStatus.Locked, recorded.Result, now)
            with
            {
                Reason = recorded.Reason,
                Detail = recorded.Result == CallOffResult.Awarded
                    ? $"Awarded {recorded.OfferingName} ({recorded.OfferingId}, rank {recorded.Rank}) to {recorded.SupplierName} by {recorded.Process} ({recorded.Regime}), £{recorded.ValueGbp:#,##0.00}, {recorded.StartDate:yyyy-MM-dd} to {recorded.EndDate:yyyy-MM-dd}"
                    : recorded.Result,
            };
        return await shortlists.ReplaceAsync(next, shortlist, version, change, ct) is { } saved ? saved : Failure.Stale();
    }
}
