using System.Globalization;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.CallOffs;

/// <summary>What a commissioner sends to start a further competition (<c>POST /api/shortlists/{id}/competition</c>).</summary>
public sealed record StartCompetitionRequest
{
    /// <summary>When responses close (UTC); after now, within <see cref="CompetitionRules.MaxOpenDays"/> days.</summary>
    public DateTimeOffset? Deadline { get; init; }
    /// <summary>Opt in to a standstill where the route does not require one.</summary>
    public bool? Standstill { get; init; }
}

/// <summary>A supplier's response (<c>PUT /api/competitions/{id}/responses/{supplierId}</c>).</summary>
public sealed record ResponseRequest
{
    /// <summary>Price for the specification's volume and term, GBP excluding VAT, &gt; 0.</summary>
    public decimal? PriceGbp { get; init; }
    /// <summary>Answer and evidence by criterion id, one per weighted non-price criterion.</summary>
    public IReadOnlyDictionary<string, AnswerRequest>? Answers { get; init; }
}

/// <summary>One answer.</summary>
public sealed record AnswerRequest(string? Answer, string? Evidence);

/// <summary>The commissioner's scores of one response (<c>POST /api/competitions/{id}/scores/{supplierId}</c>).</summary>
public sealed record ScoresRequest
{
    /// <summary>By criterion id: a score in [0, 1] and a reason; leave the score out to accept the pre-filled one.</summary>
    public IReadOnlyDictionary<string, ScoreRequest>? Scores { get; init; }
}

/// <summary>One score.</summary>
public sealed record ScoreRequest(double? Score, string? Reason);

/// <summary>The contract as signed (<c>POST /api/competitions/{id}/contract</c>).</summary>
public sealed record ContractRequest
{
    /// <summary>Day signed; not before the award decision stands.</summary>
    public DateOnly? SignedOn { get; init; }
    /// <summary>Contract value, GBP excluding VAT, &gt; 0.</summary>
    public decimal? ValueGbp { get; init; }
    /// <summary>Contract start.</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>Contract end, after the start.</summary>
    public DateOnly? EndDate { get; init; }
}

/// <summary>A response opened for scoring, with the scores pre-filled for its answers by criterion id.</summary>
public sealed record ResponseToScore(Competition Competition, SealedResponse Response, IReadOnlyDictionary<string, PrefilledScore> Prefilled);

/// <summary>The pre-filled score of one criterion for one supplier, from the locked shortlist's explained line.</summary>
public sealed record PrefilledScore(double Score, string Explanation);

/// <summary>
/// The rules of a further competition, pure: who is invited, what a response must hold, that responses stay sealed
/// until the deadline and late ones are refused, how answers are scored and ranked by the published weights, the award
/// decision and its standstill, and the contract after it.
/// </summary>
public static class CompetitionRules
{
    /// <summary>Longest window for responses.</summary>
    public const int MaxOpenDays = 180;
    /// <summary>Longest question, answer, evidence or reason.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Conflict codes.</summary>
    public const string Sealed = "responses-sealed";
    /// <summary>The deadline has passed.</summary>
    public const string DeadlinePassed = "deadline-passed";
    /// <summary>The step is not possible in the competition's status.</summary>
    public const string WrongStatus = "competition-status";
    /// <summary>The shortlist already has a competition or an outcome.</summary>
    public const string AlreadyStarted = "competition-exists";
    /// <summary>Not every response is scored.</summary>
    public const string Unscored = "responses-unscored";
    /// <summary>Standstill has not ended.</summary>
    public const string InStandstill = "in-standstill";
    /// <summary>The bank-holiday table does not reach.</summary>
    public const string CalendarTooShort = "bank-holidays-not-maintained";

    /// <summary>
    /// A new competition from a locked shortlist, inviting every supplier admitted to the lot today that has an active
    /// offering in it (<paramref name="lotSuppliers"/>: the supplier and its offerings in the lot), or why not.
    /// </summary>
    public static Outcome<Competition> Start(StartCompetitionRequest request, ShortlistDocument shortlist, Framework framework, LegalRoute route,
        IReadOnlyList<(Organisation Supplier, IReadOnlyList<Offering> Offerings)> lotSuppliers, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shortlist);
        ArgumentNullException.ThrowIfNull(route);
        if (request.Deadline is not { } deadline)
        {
            return Failure.Invalid("deadline", "the response deadline is required");
        }
        if (deadline <= now || deadline > now.AddDays(MaxOpenDays))
        {
            return Failure.Invalid("deadline", $"must be after now and within {MaxOpenDays} days");
        }
        if (shortlist.Status != ShortlistStatus.Locked)
        {
            return Conflict(CallOffRules.NotLocked, "Lock the shortlist first: the competition publishes the criteria and weights it was locked with.");
        }
        if (shortlist.Outcome is not null)
        {
            return Conflict(CallOffRules.AlreadyRecorded, $"This call-off already ended as {shortlist.Outcome.Result}.");
        }
        if (route.Refusal is { } refusal)
        {
            return Conflict(CallOffRules.NoRoute, refusal);
        }
        var process = route.Processes.FirstOrDefault(CallOffProcess.Competitive.Contains);
        if (process is null)
        {
            return Conflict(CallOffRules.NoRoute, $"This call-off's route ({route.Regime}) allows no competition.");
        }
        var lot = framework.Lots.FirstOrDefault(l => l.Id == shortlist.Result.LotId) ?? shortlist.Snapshot.Framework.Lots.First(l => l.Id == shortlist.Result.LotId);
        var admitted = lot.Suppliers.ToHashSet(StringComparer.Ordinal);
        var scored = shortlist.Result.Entries.GroupBy(e => e.SupplierId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var invitations = lotSuppliers
            .Where(s => admitted.Contains(s.Supplier.Id) && s.Offerings.Count > 0)
            .OrderBy(s => s.Supplier.Id, StringComparer.Ordinal)
            .Select(s =>
            {
                // The offering the shortlist scored (best-ranked) pre-fills scores; otherwise the supplier's first in the lot names the invitation.
                var entry = scored.GetValueOrDefault(s.Supplier.Id);
                var offering = entry is null ? s.Offerings.OrderBy(o => o.Id, StringComparer.Ordinal).First() : null;
                return new Invitation(s.Supplier.Id, s.Supplier.Name, s.Supplier.CompanyNumber, entry?.OfferingId ?? offering!.Id, entry?.OfferingName ?? offering!.Name);
            })
            .ToList();
        if (invitations.Count == 0)
        {
            return Conflict(WrongStatus, $"No supplier admitted to lot {lot.Number} has an active offering in it today.");
        }
        var template = shortlist.Snapshot.Template;
        var weights = shortlist.Result.Entries[0].Criteria.ToDictionary(c => c.RequirementId, c => c.Weight, StringComparer.Ordinal);
        var criteria = template.Requirements
            .Where(r => r.Kind == RequirementKind.Criterion && weights.ContainsKey(r.Id))
            .Select(r => new PublishedCriterion(r.Id, r.Text, weights[r.Id], r.Rule is PriceRule))
            .ToList();
        var spec = shortlist.Snapshot.Specification;
        return new Competition
        {
            Id = shortlist.Id,
            CommissionerId = shortlist.CommissionerId,
            CommissionerName = shortlist.Context.CommissionerName,
            Title = shortlist.Title,
            Description = $"Lot {lot.Number.ToString(CultureInfo.InvariantCulture)} ({lot.Name}) of {framework.Reference}: " +
                $"{spec.Volume.ToString(CultureInfo.InvariantCulture)} units for {spec.ContractMonths.ToString(CultureInfo.InvariantCulture)} months in {spec.Region}.",
            Regime = route.Regime,
            Process = process,
            FrameworkId = framework.Id,
            FrameworkReference = framework.Reference,
            FrameworkName = framework.Name,
            LotId = lot.Id,
            MainProcurementCategory = ProcurementCategories.MainCategoryOf(lot),
            Cpv = [.. lot.Categories.Select(ProcurementCategories.CpvOf).Distinct().Select(c => new CpvCode(c.Code, c.Title))],
            Volume = spec.Volume,
            ContractMonths = spec.ContractMonths,
            Criteria = criteria,
            Deadline = deadline,
            Standstill = route.StandstillRequired || request.Standstill == true,
            Status = CompetitionStatus.Open,
            Invitations = invitations,
            Notices = [new PublishedNotice("tender", now)],
            CreatedAt = now,
            CreatedBy = userId,
        };
    }

    /// <summary>Whether the deadline has passed at <paramref name="now"/> (responses closed whatever the stored status says).</summary>
    public static bool IsPastDeadline(Competition competition, DateTimeOffset now) => now >= competition.Deadline;

    /// <summary>An invited supplier asks a clarification question, before the deadline.</summary>
    public static Outcome<Competition> Ask(Competition competition, string supplierId, string? question, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(competition);
        if (Text(question, "text") is { } invalid)
        {
            return invalid;
        }
        if (IsPastDeadline(competition, now))
        {
            return Conflict(DeadlinePassed, $"Questions closed with responses at {competition.Deadline:yyyy-MM-dd HH:mm} UTC.");
        }
        var id = $"q{(competition.Questions.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        return competition with { Questions = [.. competition.Questions, new Clarification(id, supplierId, question!.Trim(), now, null, null)] };
    }

    /// <summary>The commissioner answers a question; the answer is published to every invitee, without the asker's name.</summary>
    public static Outcome<Competition> Answer(Competition competition, string questionId, string? answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(competition);
        if (Text(answer, "text") is { } invalid)
        {
            return invalid;
        }
        if (competition.Questions.FirstOrDefault(q => q.Id == questionId) is not { } question)
        {
            return Failure.NotFound("question", questionId);
        }
        if (IsPastDeadline(competition, now))
        {
            return Conflict(DeadlinePassed, "Answers must be published before responses close, so every invitee can use them.");
        }
        if (question.Answer is not null)
        {
            return Conflict(WrongStatus, $"Question {questionId} was answered on {question.AnsweredAt:yyyy-MM-dd}; answers are published once.");
        }
        return competition with { Questions = [.. competition.Questions.Select(q => q.Id == questionId ? q with { Answer = answer!.Trim(), AnsweredAt = now } : q)] };
    }

    /// <summary>An invited supplier submits (or replaces) its sealed response before the deadline; late responses are refused.</summary>
    public static Outcome<Competition> Submit(Competition competition, string supplierId, ResponseRequest request, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(request);
        if (IsPastDeadline(competition, now))
        {
            return Conflict(DeadlinePassed, $"Responses closed at {competition.Deadline:yyyy-MM-dd HH:mm} UTC; a late response cannot be accepted.");
        }
        var errors = new Dictionary<string, string[]>();
        if (request.PriceGbp is not > 0)
        {
            errors["priceGbp"] = [$"the price for {competition.Volume} units over {competition.ContractMonths} months in GBP (excluding VAT) is required and must be above 0"];
        }
        var answers = request.Answers ?? new Dictionary<string, AnswerRequest>();
        var asked = competition.Criteria.Where(c => !c.IsPrice && c.Weight > 0).ToList();
        foreach (var criterion in asked)
        {
            var given = answers.GetValueOrDefault(criterion.Id);
            if (string.IsNullOrWhiteSpace(given?.Answer))
            {
                errors[$"answers.{criterion.Id}"] = [$"answer \"{criterion.Text}\" (weight {criterion.Weight})"];
            }
            else if (given.Answer.Length > MaxTextLength || given.Evidence?.Length > MaxTextLength)
            {
                errors[$"answers.{criterion.Id}"] = [$"answer and evidence must each be at most {MaxTextLength} characters"];
            }
        }
        foreach (var unknown in answers.Keys.Where(k => !asked.Any(c => c.Id == k)))
        {
            errors[$"answers.{unknown}"] = ["not a weighted non-price criterion of this competition"];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var response = new SealedResponse(supplierId, request.PriceGbp!.Value,
            [.. asked.Select(c => new CriterionAnswer(c.Id, answers[c.Id].Answer!.Trim(), string.IsNullOrWhiteSpace(answers[c.Id].Evidence) ? null : answers[c.Id].Evidence!.Trim()))],
            now, userId);
        return competition with { Responses = [.. competition.Responses.Where(r => r.SupplierId != supplierId), response] };
    }

    /// <summary>The responses, once the deadline has passed; before it they are sealed for everyone (409).</summary>
    public static Outcome<IReadOnlyList<SealedResponse>> Unsealed(Competition competition, DateTimeOffset now) =>
        IsPastDeadline(competition, now)
            ? Outcome.Of(competition.Responses)
            : Conflict(Sealed, $"Responses are sealed until {competition.Deadline:yyyy-MM-dd HH:mm} UTC; nobody, the commissioner included, can read one before then.");

    /// <summary>Closes the response window once the deadline has passed; null when there is nothing to do (idempotent).</summary>
    public static Competition? Close(Competition competition, DateTimeOffset now) =>
        competition.Status == CompetitionStatus.Open && IsPastDeadline(competition, now) ? competition with { Status = CompetitionStatus.Closed } : null;

    /// <summary>Ends a standstill that has run its length; null when there is nothing to do (idempotent).</summary>
    public static Competition? EndStandstill(Competition competition, DateTimeOffset now) =>
        competition.Status == CompetitionStatus.Standstill && competition.Award?.StandstillEnds is { } ends && now >= ends
            ? competition with { Status = CompetitionStatus.Awarded }
            : null;

    /// <summary>
    /// The commissioner scores one response after the deadline: every weighted non-price criterion gets a score in [0, 1]
    /// and a reason; a pre-filled score (from declared capabilities and verified standards) is taken when the score is left
    /// out, and overriding it needs a reason of the commissioner's own.
    /// </summary>
    public static Outcome<Competition> Score(Competition competition, string supplierId, ScoresRequest request,
        IReadOnlyDictionary<string, PrefilledScore> prefilled, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(prefilled);
        if (Unsealed(competition, now) is { Succeeded: false } sealedNow)
        {
            return sealedNow.Failure;
        }
        if (competition.Status is not (CompetitionStatus.Open or CompetitionStatus.Closed))
        {
            return Conflict(WrongStatus, "The award decision is made; scores can no longer change.");
        }
        if (!competition.Responses.Any(r => r.SupplierId == supplierId))
        {
            return Failure.NotFound("response", supplierId);
        }
        var given = request.Scores ?? new Dictionary<string, ScoreRequest>();
        var errors = new Dictionary<string, string[]>();
        var scores = new List<ResponseScore>();
        var asked = competition.Criteria.Where(c => !c.IsPrice && c.Weight > 0).ToList();
        foreach (var criterion in asked)
        {
            var path = $"scores.{criterion.Id}";
            var score = given.GetValueOrDefault(criterion.Id);
            var reason = string.IsNullOrWhiteSpace(score?.Reason) ? null : score.Reason.Trim();
            var pre = prefilled.GetValueOrDefault(criterion.Id);
            if (score?.Score is { } value)
            {
                if (!double.IsFinite(value) || value is < 0 or > 1)
                {
                    errors[path] = ["the score must be between 0 and 1"];
                }
                else if (reason is null)
                {
                    errors[path] = [pre is null ? "give a reason for the score" : $"overriding the pre-filled score {pre.Score:0.##} needs a reason"];
                }
                else if (reason.Length > MaxTextLength)
                {
                    errors[path] = [$"the reason must be at most {MaxTextLength} characters"];
                }
                else
                {
                    scores.Add(new ResponseScore(supplierId, criterion.Id, value, reason, false));
                }
            }
            else if (pre is not null)
            {
                scores.Add(new ResponseScore(supplierId, criterion.Id, pre.Score, reason ?? pre.Explanation, true));
            }
            else
            {
                errors[path] = ["score the answer (0 to 1) with a reason: nothing declared pre-fills it"];
            }
        }
        foreach (var unknown in given.Keys.Where(k => !asked.Any(c => c.Id == k)))
        {
            errors[$"scores.{unknown}"] = ["not a weighted non-price criterion of this competition (price is scored from the prices)"];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        return competition with
        {
            Status = CompetitionStatus.Closed,
            Scores = [.. competition.Scores.Where(s => s.SupplierId != supplierId), .. scores],
        };
    }

    /// <summary>
    /// Every scored response ranked by the published weights: total = 100 × Σ(w·s)/Σw, the price score = lowest price /
    /// this price; ties go to the lower price, then the supplier id. Empty until every response is scored.
    /// </summary>
    public static IReadOnlyList<ParticipantAssessment> Rank(Competition competition)
    {
        ArgumentNullException.ThrowIfNull(competition);
        var responses = competition.Responses;
        var asked = competition.Criteria.Where(c => !c.IsPrice && c.Weight > 0).ToList();
        if (responses.Count == 0 || responses.Any(r => asked.Any(c => !competition.Scores.Any(s => s.SupplierId == r.SupplierId && s.CriterionId == c.Id))))
        {
            return [];
        }
        var lowest = responses.Min(r => r.PriceGbp);
        var totalWeight = competition.Criteria.Sum(c => c.Weight);
        var rows = responses.Select(r =>
        {
            var lines = competition.Criteria.Select(c =>
            {
                var (score, reason) = c.IsPrice
                    ? ((double)(lowest / r.PriceGbp), $"£{r.PriceGbp.ToString("#,##0.00", CultureInfo.InvariantCulture)} against the lowest £{lowest.ToString("#,##0.00", CultureInfo.InvariantCulture)}")
                    : competition.Scores.FirstOrDefault(s => s.SupplierId == r.SupplierId && s.CriterionId == c.Id) is { } s ? (s.Score, s.Reason) : (0d, "weight 0: not scored");
                var points = totalWeight == 0 ? 0 : 100d * c.Weight * score / totalWeight;
                return (c, score, points, reason);
            }).ToList();
            return (Response: r, Lines: lines, Total: lines.Sum(l => l.points));
        })
            .OrderByDescending(x => x.Total)
            .ThenBy(x => x.Response.PriceGbp)
            .ThenBy(x => x.Response.SupplierId, StringComparer.Ordinal)
            .ToList();
        var winner = rows[0];
        return [.. rows.Select((row, i) =>
        {
            var name = competition.Invitations.First(inv => inv.SupplierId == row.Response.SupplierId).SupplierName;
            var lines = row.Lines.Select((l, j) => new AssessedLine(l.c.Id, l.c.Weight, l.score, l.points, l.reason, winner.Lines[j].score)).ToList();
            var better = lines.Where(l => l.WinnerScore > l.Score && l.Weight > 0)
                .Select(l => $"{competition.Criteria.First(c => c.Id == l.CriterionId).Text} ({l.WinnerScore:0.##} against {l.Score:0.##})").ToList();
            var advantages = i == 0
                ? "This response ranked first on the published weights."
                : better.Count == 0
                    ? "The winning response ranked higher on the total at the published weights."
                    : $"The winning response scored higher on: {string.Join("; ", better)}.";
            return new ParticipantAssessment(row.Response.SupplierId, name, i + 1, row.Total, row.Response.PriceGbp, lines, advantages);
        })];
    }

    /// <summary>
    /// The award decision, after the deadline once every response is scored and the award checks are recorded: to rank 1,
    /// with an assessment summary for every participant and, where standstill applies, its end in working days.
    /// </summary>
    public static Outcome<Competition> Decide(Competition competition, AwardChecks? checks, WorkingDays calendar, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Unsealed(competition, now) is { Succeeded: false } sealedNow)
        {
            return sealedNow.Failure;
        }
        if (competition.Status is not (CompetitionStatus.Open or CompetitionStatus.Closed))
        {
            return Conflict(WrongStatus, $"The award decision was made on {competition.Award?.DecidedAt:yyyy-MM-dd}.");
        }
        if (competition.Responses.Count == 0)
        {
            return Conflict(Unscored, "No supplier responded; record the call-off as none suitable instead.");
        }
        var ranking = Rank(competition);
        if (ranking.Count == 0)
        {
            return Conflict(Unscored, "Score every answer of every response before the award decision.");
        }
        if (AwardCheckRules.Refusal(checks, ranking[0].SupplierId, ranking[0].SupplierName) is { } missing)
        {
            return Conflict(missing.Code, missing.Detail);
        }
        DateTimeOffset? ends = null;
        if (competition.Standstill)
        {
            ends = calendar.StandstillEnds(now, LegalRoutes.StandstillWorkingDays);
            if (ends is null)
            {
                return Conflict(CalendarTooShort, "The bank-holiday table does not reach the end of the standstill; add the next year's bank holidays first.");
            }
        }
        return competition with
        {
            Status = competition.Standstill ? CompetitionStatus.Standstill : CompetitionStatus.Awarded,
            Award = new AwardDecision(ranking[0].SupplierId, ranking, now, userId, ends),
            Notices = [.. competition.Notices, new PublishedNotice("award", now)],
        };
    }

    /// <summary>Enters the contract once the award decision stands (after any standstill).</summary>
    public static Outcome<Competition> Enter(Competition competition, ContractRequest request, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.SignedOn is null)
        {
            errors["signedOn"] = ["the day the contract was signed is required"];
        }
        else if (request.SignedOn > WorkingDays.UkDate(now))
        {
            errors["signedOn"] = ["cannot be in the future"];
        }
        if (request.ValueGbp is not > 0)
        {
            errors["valueGbp"] = ["the contract value in GBP (excluding VAT) is required and must be above 0"];
        }
        if (request.StartDate is null)
        {
            errors["startDate"] = ["the contract start date is required"];
        }
        if (request.EndDate is null)
        {
            errors["endDate"] = ["the contract end date is required"];
        }
        else if (request.StartDate is { } start && request.EndDate <= start)
        {
            errors["endDate"] = ["must be after the start date"];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var standstill = EndStandstill(competition, now) ?? competition;
        switch (standstill.Status)
        {
            case CompetitionStatus.Standstill:
                return Conflict(InStandstill, $"Standstill runs until {competition.Award!.StandstillEnds:yyyy-MM-dd HH:mm} UTC (midnight UK time); the contract can be entered after it.");
            case CompetitionStatus.Awarded:
                break;
            default:
                return Conflict(WrongStatus, competition.Status == CompetitionStatus.Contracted ? "The contract is already entered." : "Make the award decision first.");
        }
        // Standstill ends at midnight UK time: the contract may be signed from that UK day.
        if (request.SignedOn < WorkingDays.UkDate(competition.Award!.StandstillEnds ?? competition.Award.DecidedAt))
        {
            return Failure.Invalid("signedOn", "cannot be before the award decision stands (the end of standstill)");
        }
        return standstill with
        {
            Status = CompetitionStatus.Contracted,
            Contract = new EnteredContract(request.SignedOn!.Value, request.ValueGbp!.Value, request.StartDate!.Value, request.EndDate!.Value, now, userId),
            Notices = [.. standstill.Notices, new PublishedNotice("contract", now)],
        };
    }

    /// <summary>The award the shortlist records once the contract is entered (what counts as an award elsewhere).</summary>
    public static CallOffOutcome OutcomeOf(Competition competition, ShortlistDocument shortlist)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        ArgumentNullException.ThrowIfNull(competition);
        var award = competition.Award ?? throw new InvalidOperationException("No award decision.");
        var contract = competition.Contract ?? throw new InvalidOperationException("No contract.");
        var winner = competition.Invitations.First(i => i.SupplierId == award.WinnerSupplierId);
        return new CallOffOutcome
        {
            Result = CallOffResult.Awarded,
            OfferingId = winner.OfferingId,
            OfferingName = winner.OfferingName,
            SupplierId = winner.SupplierId,
            SupplierName = winner.SupplierName,
            // Its rank in the locked shortlist, when the shortlist listed it (the competition ranked it first).
            Rank = shortlist.Result.Entries.FirstOrDefault(e => e.OfferingId == winner.OfferingId)?.Rank,
            ValueGbp = contract.ValueGbp,
            StartDate = contract.StartDate,
            EndDate = contract.EndDate,
            Method = CallOffMethod.FurtherCompetition,
            Process = competition.Process,
            Regime = competition.Regime,
            CompetitionId = competition.Id,
            Reason = award.Assessments[0].RelativeAdvantages,
            RecordedAt = contract.EnteredAt,
            RecordedBy = contract.EnteredBy,
        };
    }

    private static Failure? Text(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? Failure.Invalid(field, "write the question or the answer")
            : text.Length > MaxTextLength ? Failure.Invalid(field, $"must be at most {MaxTextLength} characters")
            : null;

    private static Failure Conflict(string code, string detail) => ShortlistConflict.Of((code, detail), "The competition does not allow this now.");
}
