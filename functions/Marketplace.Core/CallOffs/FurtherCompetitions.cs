using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.CallOffs;

/// <summary>Competitions the timer and the suppliers' pages look up beyond one id.</summary>
public interface ICompetitionQueries
{
    /// <summary>Competitions not yet contracted (open, closed, in standstill or awarded).</summary>
    Task<IReadOnlyList<Competition>> UnfinishedAsync(CancellationToken ct);

    /// <summary>Competitions that invited <paramref name="supplierId"/>, newest first.</summary>
    Task<IReadOnlyList<Competition>> InvitingAsync(string supplierId, CancellationToken ct);

    /// <summary>Indexes a new competition under each invited supplier, before the competition itself is stored (idempotent).</summary>
    Task RecordInvitationsAsync(Competition competition, CancellationToken ct);
}

/// <summary>Audit subject kind of competitions.</summary>
public static class CompetitionSubject
{
    /// <summary>The audit subject kind.</summary>
    public const string Kind = "competition";
}

/// <summary>The legal route of a shortlist's call-off and the checks recorded before its award.</summary>
public sealed class CallOffRoutes(CommissionerAccess access, ICommissionerRecords<ShortlistDocument> shortlists, IFrameworks frameworks, IOrganisations organisations, TimeProvider clock)
{
    /// <summary>The route of <paramref name="shortlist"/> under today's framework (its snapshot when the framework was removed).</summary>
    public async Task<(LegalRoute Route, Framework Framework)> RouteOfAsync(ShortlistDocument shortlist, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        var framework = await frameworks.FindAsync(shortlist.Context.FrameworkId, ct) ?? shortlist.Snapshot.Framework;
        var lot = framework.Lots.FirstOrDefault(l => l.Id == shortlist.Result.LotId) ?? shortlist.Snapshot.Framework.Lots.First(l => l.Id == shortlist.Result.LotId);
        var commissioner = await organisations.FindAsync(shortlist.CommissionerId, ct)
            ?? new Organisation { Id = shortlist.CommissionerId, Kind = OrganisationKind.Commissioner, Name = shortlist.Context.CommissionerName };
        return (LegalRoutes.For(commissioner, framework, lot), framework);
    }

    /// <summary>The route, for the shortlist's owner (or an Admin).</summary>
    public async Task<Outcome<LegalRoute>> ReadAsync(Actor actor, string shortlistId, CancellationToken ct)
    {
        var found = await access.ShortlistAsync(actor, shortlistId, ct);
        return found.Succeeded ? (await RouteOfAsync(found.Value.Document, ct)).Route : found.Failure;
    }

    /// <summary>The owning commissioner records the exclusion and debarment check and the conflicts declaration on a locked shortlist, before any award decision.</summary>
    public async Task<Outcome<StoredDocument<ShortlistDocument>>> RecordChecksAsync(Actor actor, string shortlistId, AwardChecksRequest request, string? ifMatch, CancellationToken ct)
    {
        var found = await access.ShortlistForChangeAsync(actor, shortlistId, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var (current, version) = found.Value;
        var now = clock.GetUtcNow();
        var (checks, errors) = AwardCheckRules.Decide(request, DateOnly.FromDateTime(now.UtcDateTime), now, actor.UserId);
        if (checks is null)
        {
            return Failure.Invalid(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var shortlist = current.Document;
        if (shortlist.Status != ShortlistStatus.Locked || shortlist.Outcome is not null)
        {
            return ShortlistConflict.Of((shortlist.Outcome is null ? CallOffRules.NotLocked : CallOffRules.AlreadyRecorded,
                shortlist.Outcome is null ? "Lock the shortlist before the award checks: they are made against what was ranked." : "The call-off has ended."), "The checks cannot be recorded.");
        }
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, shortlistId, "award-checks", null, null, now) with
        {
            Detail = $"Debarment list and exclusion grounds checked on {checks.CheckedOn:yyyy-MM-dd}; excluded: {(checks.ExcludedSupplierIds.Count == 0 ? "none" : string.Join(", ", checks.ExcludedSupplierIds))}; " +
                $"conflict found: {(checks.ConflictFound ? "yes" : "no")}",
            Reason = checks.ConflictsDeclaration,
        };
        return await shortlists.ReplaceAsync(shortlist with { Checks = checks }, shortlist, version, change, ct) is { } saved ? saved : Failure.Stale();
    }
}

/// <summary>
/// Further competitions from a locked shortlist: started by its commissioner, answered by invited suppliers, sealed
/// until the deadline, scored, decided, held in standstill and contracted (<see cref="CompetitionRules"/> decides every step).
/// </summary>
public sealed class FurtherCompetitions(
    CommissionerAccess access, CallOffRoutes routes, ICommissionerRecords<ShortlistDocument> shortlists, ICommissionerRecords<Competition> competitions,
    ICompetitionQueries queries, IOrganisations organisations, IOfferings offerings, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>Starts the competition for the owner's locked shortlist, inviting every supplier admitted to the lot able to deliver.</summary>
    public async Task<Outcome<StoredDocument<Competition>>> StartAsync(Actor actor, string shortlistId, StartCompetitionRequest request, CancellationToken ct)
    {
        var found = await access.ShortlistAsync(actor, shortlistId, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var shortlist = found.Value.Document;
        if (await competitions.FindAsync(shortlistId, ct) is not null)
        {
            return ShortlistConflict.Of((CompetitionRules.AlreadyStarted, "This shortlist's competition has already started."), "The competition cannot start.");
        }
        var (route, framework) = await routes.RouteOfAsync(shortlist, ct);
        var lot = framework.Lots.FirstOrDefault(l => l.Id == shortlist.Result.LotId);
        var suppliers = new List<(Organisation, IReadOnlyList<Offering>)>();
        foreach (var supplierId in lot?.Suppliers ?? [])
        {
            if (await organisations.FindAsync(supplierId, ct) is { Kind: OrganisationKind.Supplier } supplier)
            {
                suppliers.Add((supplier, [.. (await offerings.ListActiveAsync(supplierId, ct)).Where(o => o.Lots.Contains(shortlist.Result.LotId, StringComparer.Ordinal))]));
            }
        }
        var now = clock.GetUtcNow();
        var started = CompetitionRules.Start(request, shortlist, framework, route, suppliers, now, actor.UserId);
        if (!started.Succeeded)
        {
            return started.Failure;
        }
        var created = AuditEvent.By(actor, MarketplaceRole.Commissioner, CompetitionSubject.Kind, shortlistId, "start", null, CompetitionStatus.Open, now) with
        {
            Detail = $"{started.Value.Process}: invited {started.Value.Invitations.Count} suppliers; responses close {started.Value.Deadline:yyyy-MM-dd HH:mm} UTC; standstill {(started.Value.Standstill ? "applies" : "does not apply")}",
        };
        await queries.RecordInvitationsAsync(started.Value, ct);
        return await competitions.AddAsync(started.Value, created, ct) is { } saved
            ? saved
            : ShortlistConflict.Of((CompetitionRules.AlreadyStarted, "This shortlist's competition has already started."), "The competition cannot start.");
    }

    /// <summary>The competition, for its commissioner, an Admin, or an invited supplier.</summary>
    public async Task<Outcome<Competition>> ReadAsync(Actor actor, string id, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var competition = found.Value.Document;
        return IsOwner(actor, competition) || actor.Has(MarketplaceRole.Admin) && !actor.Has(MarketplaceRole.Commissioner) || IsInvited(actor, competition)
            ? competition
            : Failure.Forbidden("This competition is not yours.", "Only its commissioner and the suppliers it invited can see it.");
    }

    /// <summary>The competition, for its own commissioner only (the pages that run it).</summary>
    public async Task<Outcome<Competition>> ReadOwnAsync(Actor actor, string id, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        return !found.Succeeded ? found.Failure : Owner(actor, found.Value.Document) is { } refused ? refused : found.Value.Document;
    }

    /// <summary>
    /// One unsealed response with the scores pre-filled for it, for the commissioner to score: only its commissioner,
    /// only after the deadline (409 sealed before it, as for <see cref="ResponsesAsync"/>).
    /// </summary>
    public async Task<Outcome<ResponseToScore>> ResponseToScoreAsync(Actor actor, string id, string supplierId, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var competition = found.Value.Document;
        if (Owner(actor, competition) is { } refused)
        {
            return refused;
        }
        var responses = CompetitionRules.Unsealed(competition, clock.GetUtcNow());
        if (!responses.Succeeded)
        {
            return responses.Failure;
        }
        if (responses.Value.FirstOrDefault(r => r.SupplierId == supplierId) is not { } response)
        {
            return Failure.NotFound("response", supplierId);
        }
        var shortlist = await shortlists.FindAsync(id, ct);
        return new ResponseToScore(competition, response, Prefilled(competition, shortlist?.Document, supplierId));
    }

    /// <summary>
    /// The scores pre-filled for a supplier's answers: the locked shortlist's explained lines for the offering it was
    /// invited with (its declared capabilities and verified standards); none when the shortlist did not rank it.
    /// </summary>
    public static IReadOnlyDictionary<string, PrefilledScore> Prefilled(Competition competition, ShortlistDocument? shortlist, string supplierId)
    {
        ArgumentNullException.ThrowIfNull(competition);
        var offering = competition.Invitations.FirstOrDefault(i => i.SupplierId == supplierId)?.OfferingId;
        var entry = shortlist?.Result.Entries.FirstOrDefault(e => e.OfferingId == offering);
        return entry?.Criteria.ToDictionary(l => l.RequirementId, l => new PrefilledScore(l.Score, l.Explanation), StringComparer.Ordinal)
            ?? new Dictionary<string, PrefilledScore>();
    }

    /// <summary>The competitions that invited the caller's supplier organisation.</summary>
    public async Task<Outcome<IReadOnlyList<Competition>>> InvitationsAsync(Actor actor, string supplierId, CancellationToken ct) =>
        !Ids.IsId(supplierId) || await organisations.FindAsync(supplierId, ct) is not { Kind: OrganisationKind.Supplier }
            ? Failure.NotFound("supplier", supplierId)
            : actor.ActsFor(supplierId, MarketplaceRole.Supplier) || actor.Has(MarketplaceRole.Admin) && !actor.Has(MarketplaceRole.Supplier)
                ? Outcome.Of(await queries.InvitingAsync(supplierId, ct))
                : Failure.Forbidden("These invitations are another supplier's.", $"Only {supplierId} can see its invitations.");

    /// <summary>An invited supplier asks a clarification question.</summary>
    public Task<Outcome<StoredDocument<Competition>>> AskAsync(Actor actor, string id, string? question, CancellationToken ct) =>
        ChangeAsync(actor, id, c => Invited(actor, c), (c, now) => CompetitionRules.Ask(c, actor.OrganisationId!, question, now), "question", ct);

    /// <summary>The commissioner publishes an answer to every invitee.</summary>
    public Task<Outcome<StoredDocument<Competition>>> AnswerAsync(Actor actor, string id, string questionId, string? answer, CancellationToken ct) =>
        ChangeAsync(actor, id, c => Owner(actor, c), (c, now) => CompetitionRules.Answer(c, questionId, answer, now), "answer", ct);

    /// <summary>An invited supplier submits its sealed response for itself.</summary>
    public Task<Outcome<StoredDocument<Competition>>> SubmitAsync(Actor actor, string id, string supplierId, ResponseRequest request, CancellationToken ct) =>
        ChangeAsync(actor, id, c => actor.OrganisationId != supplierId
                ? Failure.Forbidden("A supplier responds only for itself.", $"You act for {actor.OrganisationId ?? "no organisation"}, not {supplierId}.")
                : Invited(actor, c),
            (c, now) => CompetitionRules.Submit(c, supplierId, request, now, actor.UserId), "respond", ct, audit: false);

    /// <summary>The responses, for the commissioner only, only after the deadline.</summary>
    public async Task<Outcome<IReadOnlyList<SealedResponse>>> ResponsesAsync(Actor actor, string id, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var competition = found.Value.Document;
        return Owner(actor, competition) is { } refused ? refused : CompetitionRules.Unsealed(competition, clock.GetUtcNow());
    }

    /// <summary>The commissioner scores one response (pre-filled from the locked shortlist's explained lines).</summary>
    public async Task<Outcome<StoredDocument<Competition>>> ScoreAsync(Actor actor, string id, string supplierId, ScoresRequest request, CancellationToken ct)
    {
        var shortlist = await shortlists.FindAsync(id, ct);
        return await ChangeAsync(actor, id, c => Owner(actor, c),
            (c, now) => CompetitionRules.Score(c, supplierId, request, Prefilled(c, shortlist?.Document, supplierId), now), "score", ct);
    }

    /// <summary>The commissioner makes the award decision (award notice; standstill where it applies).</summary>
    public async Task<Outcome<StoredDocument<Competition>>> DecideAsync(Actor actor, string id, CancellationToken ct)
    {
        var shortlist = await shortlists.FindAsync(id, ct);
        return await ChangeAsync(actor, id, c => Owner(actor, c), (c, now) => CompetitionRules.Decide(c, shortlist?.Document.Checks, WorkingDays.EnglandAndWales, now, actor.UserId), "award", ct);
    }

    /// <summary>
    /// The commissioner enters the contract after standstill (contract details notice), and the shortlist records the award.
    /// Entering again after a failed shortlist write completes it.
    /// </summary>
    public async Task<Outcome<StoredDocument<Competition>>> EnterContractAsync(Actor actor, string id, ContractRequest request, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (found.Succeeded && found.Value.Document is { Status: CompetitionStatus.Contracted } done && Owner(actor, done) is null)
        {
            return await RecordAwardAsync(actor, done, ct) is { } failed ? failed : found.Value;
        }
        var entered = await ChangeAsync(actor, id, c => Owner(actor, c), (c, now) => CompetitionRules.Enter(c, request, now, actor.UserId), "contract", ct);
        return entered.Succeeded && await RecordAwardAsync(actor, entered.Value.Document, ct) is { } failure ? failure : entered;
    }

    /// <summary>The timer's work: closes response windows whose deadline passed and ends standstills that ran their length. Idempotent.</summary>
    public async Task<(int Closed, int StandstillsEnded)> AdvanceAsync(Actor system, CancellationToken ct)
    {
        var (closed, ended) = (0, 0);
        foreach (var competition in await queries.UnfinishedAsync(ct))
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await competitions.FindAsync(competition.Id, ct) is not { } stored)
                {
                    break;
                }
                var now = clock.GetUtcNow();
                var current = stored.Document;
                var next = CompetitionRules.Close(current, now) ?? CompetitionRules.EndStandstill(current, now);
                if (next is null)
                {
                    break;
                }
                var change = AuditEvent.By(system, MarketplaceRole.Admin, CompetitionSubject.Kind, current.Id, next.Status == CompetitionStatus.Closed ? "close" : "end-standstill",
                    current.Status, next.Status, now) with { ActorRole = Actor.SystemRole };
                if (await competitions.ReplaceAsync(next, current, stored.ETag, change, ct) is not null)
                {
                    if (next.Status == CompetitionStatus.Closed)
                    {
                        closed++;
                    }
                    else
                    {
                        ended++;
                    }
                    break;
                }
            }
        }
        return (closed, ended);
    }

    private async Task<Failure?> RecordAwardAsync(Actor actor, Competition competition, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await shortlists.FindAsync(competition.Id, ct) is not { } stored)
            {
                return Failure.NotFound("shortlist", competition.Id);
            }
            if (stored.Document.Outcome is not null)
            {
                return null;
            }
            var outcome = CompetitionRules.OutcomeOf(competition, stored.Document);
            var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, competition.Id, "outcome", ShortlistStatus.Locked, outcome.Result, outcome.RecordedAt) with
            {
                Detail = $"Awarded {outcome.OfferingName} ({outcome.OfferingId}) to {outcome.SupplierName} by {outcome.Process}, £{outcome.ValueGbp:#,##0.00}, {outcome.StartDate:yyyy-MM-dd} to {outcome.EndDate:yyyy-MM-dd}",
            };
            if (await shortlists.ReplaceAsync(stored.Document with { Outcome = outcome }, stored.Document, stored.ETag, change, ct) is not null)
            {
                return null;
            }
        }
        return Failure.Stale();
    }

    private async Task<Outcome<StoredDocument<Competition>>> FindAsync(string id, CancellationToken ct) =>
        Ids.IsId(id) && await competitions.FindAsync(id, ct) is { } stored ? stored : Failure.NotFound("competition", id);

    // Reads the competition, checks who may change it, applies the rule to the stored version, and retries when another
    // writer (another supplier's response, the timer) got there first: each step is decided on the version it replaces.
    private async Task<Outcome<StoredDocument<Competition>>> ChangeAsync(Actor actor, string id, Func<Competition, Failure?> allowed,
        Func<Competition, DateTimeOffset, Outcome<Competition>> step, string action, CancellationToken ct, bool audit = true)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var found = await FindAsync(id, ct);
            if (!found.Succeeded)
            {
                return found.Failure;
            }
            var current = found.Value.Document;
            if (allowed(current) is { } refused)
            {
                return refused;
            }
            var now = clock.GetUtcNow();
            var next = step(current, now);
            if (!next.Succeeded)
            {
                return next.Failure;
            }
            var role = actor.Has(MarketplaceRole.Commissioner) ? MarketplaceRole.Commissioner : MarketplaceRole.Supplier;
            // A response's content is sealed: its audit event says who responded and when, never what.
            var change = AuditEvent.By(actor, role, CompetitionSubject.Kind, id, action, current.Status, next.Value.Status, now) with
            {
                Detail = audit ? null : $"{actor.OrganisationId} submitted a sealed response",
            };
            if (await competitions.ReplaceAsync(next.Value, current, found.Value.ETag, change, ct) is { } saved)
            {
                return saved;
            }
        }
        return Failure.Stale();
    }

    private static Failure? Owner(Actor actor, Competition competition) =>
        IsOwner(actor, competition) ? null : Failure.Forbidden("This competition belongs to another commissioner.", $"Only {competition.CommissionerId} can do this.");

    private static Failure? Invited(Actor actor, Competition competition) =>
        IsInvited(actor, competition) ? null : Failure.Forbidden("Your organisation was not invited.", "Only suppliers invited to this competition can do this.");

    private static bool IsOwner(Actor actor, Competition competition) => actor.ActsFor(competition.CommissionerId, MarketplaceRole.Commissioner);

    private static bool IsInvited(Actor actor, Competition competition) => actor.Has(MarketplaceRole.Supplier) && competition.Invites(actor.OrganisationId);
}
