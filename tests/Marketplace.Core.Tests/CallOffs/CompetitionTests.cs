using FsCheck.Xunit;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.CallOffs;

/// <summary>A further competition: invitations, sealed responses, late refusal, scoring by the published weights, award, standstill, contract.</summary>
public sealed class CompetitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(7);
    private static readonly ShortlistContext Context = new("Template", "ttc-2026", "TTC-2026", "Framework", "Lot 3", "Commissioner");

    private static readonly KeyRequirementsTemplate Template = Shortlisting.Build.Template(
        Criterion("quality", new StandardHeldRule("ISO27001"), 3),
        Criterion("price", new PriceRule(), 1));

    internal static readonly Framework Terms = Framework("pennine", "wear", "derwent") with
    {
        CallOff = new FrameworkCallOffTerms
        {
            DirectAward = true, FurtherCompetition = true, SelectionMechanism = "rank 1", EstimatedValueGbp = 1_000_000m,
            PriceMechanism = "ceilings", EligibleBuyerTypes = ["integrated-care-board", "local-authority"],
        },
    };

    private static readonly Organisation Icb = new() { Id = "commissioner", Kind = OrganisationKind.Commissioner, Name = "ICB", CommissionerType = "integrated-care-board", Region = "north-west" };

    internal static ShortlistDocument Locked()
    {
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = "commissioner", Title = "Remote monitoring", TemplateId = Template.Id, TemplateVersion = 1,
            LotId = Lot3, Region = "north-west", Volume = 100, ContractMonths = 36,
        };
        var input = Input([Offering("off-pennine", "pennine", 100m), Offering("off-wear", "wear", 200m)], [Attestation("wear", "ISO27001")], Terms);
        var draft = ShortlistLocking.Draft("sl-1", specification, Template, input, Scorer.Score(Template, specification.ToSpecification(), input), 8, Context, Now, "user");
        return ShortlistLocking.Lock(draft, Now, "user").Locked!;
    }

    private static LegalRoute Route => LegalRoutes.For(Icb, Terms, Terms.Lots.Single(l => l.Id == Lot3));

    // Derwent is admitted to lot 3 with an offering but was not shortlisted: it is invited too.
    private static readonly IReadOnlyList<(Organisation, IReadOnlyList<Marketplace.Core.Catalogue.Offering>)> LotSuppliers =
    [
        (Supplier("pennine", "Pennine") with { CompanyNumber = "01234567" }, [Offering("off-pennine", "pennine")]),
        (Supplier("wear", "Wear") with { CompanyNumber = "07654321" }, [Offering("off-wear", "wear")]),
        (Supplier("derwent", "Derwent"), [Offering("off-derwent", "derwent")]),
        (Supplier("notadmitted", "Not admitted"), [Offering("off-x", "notadmitted")]),
    ];

    private static Competition Started(bool standstill = false) =>
        Ok(CompetitionRules.Start(new StartCompetitionRequest { Deadline = Deadline, Standstill = standstill }, Locked(), Terms, Route, LotSuppliers, Now, "buyer"));

    private static ResponseRequest Response(decimal price) =>
        new() { PriceGbp = price, Answers = new Dictionary<string, AnswerRequest> { ["quality"] = new("We hold ISO 27001.", "Certificate 123") } };

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Value!;
    }

    private static string ReasonOf(Failure? failure) => (string)failure!.Extensions["reason"]!;

    private static readonly AwardChecks Checks = new(new DateOnly(2026, 11, 30), [], "Panel: A, B; no interests.", false, null, Now, "buyer");

    [Fact]
    public void Every_admitted_supplier_with_an_offering_in_the_lot_is_invited_not_only_the_shortlist()
    {
        var competition = Started();

        Assert.Equal(["derwent", "pennine", "wear"], competition.Invitations.Select(i => i.SupplierId));
        Assert.Equal(CallOffProcess.FurtherCompetition, competition.Process);
        Assert.Equal([("quality", 3, false), ("price", 1, true)], competition.Criteria.Select(c => (c.Id, c.Weight, c.IsPrice)));
        Assert.Equal("goods", competition.MainProcurementCategory);
        Assert.Equal(["tender"], competition.Notices.Select(n => n.Tag));
    }

    [Fact]
    public void Responses_are_sealed_until_the_deadline_and_late_ones_are_refused()
    {
        var competition = Ok(CompetitionRules.Submit(Started(), "wear", Response(900m), Now.AddDays(1), "u"));

        var early = CompetitionRules.Unsealed(competition, Deadline.AddSeconds(-1));
        var late = CompetitionRules.Submit(competition, "pennine", Response(800m), Deadline, "u");
        var opened = CompetitionRules.Unsealed(competition, Deadline);

        Assert.Equal(CompetitionRules.Sealed, ReasonOf(early.Failure));
        Assert.Equal(CompetitionRules.DeadlinePassed, ReasonOf(late.Failure));
        Assert.Equal(["wear"], Ok(opened).Select(r => r.SupplierId));
    }

    [Fact]
    public void A_response_without_a_price_or_an_answer_names_the_fields()
    {
        var refused = CompetitionRules.Submit(Started(), "wear", new ResponseRequest { Answers = new Dictionary<string, AnswerRequest> { ["extra"] = new("x", null) } }, Now, "u");

        Assert.Equal(["answers.extra", "answers.quality", "priceGbp"], refused.Failure!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Clarification_answers_are_published_without_the_asker_and_close_with_responses()
    {
        var asked = Ok(CompetitionRules.Ask(Started(), "wear", "Is HSCN required?", Now));
        var answered = Ok(CompetitionRules.Answer(asked, "q1", "Yes.", Now.AddHours(1)));

        Assert.Equal(("q1", "Yes."), (answered.Questions[0].Id, answered.Questions[0].Answer));
        Assert.Equal(CompetitionRules.DeadlinePassed, ReasonOf(CompetitionRules.Ask(answered, "wear", "Late?", Deadline).Failure));
        Assert.Equal(CompetitionRules.WrongStatus, ReasonOf(CompetitionRules.Answer(answered, "q1", "Again", Now.AddHours(2)).Failure));
    }

    [Fact]
    public void Scores_are_prefilled_overridable_only_with_a_reason_and_never_before_the_deadline()
    {
        var competition = Ok(CompetitionRules.Submit(Started(), "wear", Response(900m), Now, "u"));
        var prefilled = new Dictionary<string, PrefilledScore> { ["quality"] = new(1, "Holds ISO27001, verified") };

        var early = CompetitionRules.Score(competition, "wear", new ScoresRequest(), prefilled, Now);
        var unexplained = CompetitionRules.Score(competition, "wear", new ScoresRequest { Scores = new Dictionary<string, ScoreRequest> { ["quality"] = new(0.5, null) } }, prefilled, Deadline);
        var taken = Ok(CompetitionRules.Score(competition, "wear", new ScoresRequest(), prefilled, Deadline));
        var overridden = Ok(CompetitionRules.Score(competition, "wear",
            new ScoresRequest { Scores = new Dictionary<string, ScoreRequest> { ["quality"] = new(0.5, "Certificate scope excludes hosting") } }, prefilled, Deadline));

        Assert.Equal(CompetitionRules.Sealed, ReasonOf(early.Failure));
        Assert.Contains("scores.quality", unexplained.Failure!.Errors.Keys);
        Assert.Equal((1d, true, "Holds ISO27001, verified"), (taken.Scores[0].Score, taken.Scores[0].Prefilled, taken.Scores[0].Reason));
        Assert.Equal((0.5, false), (overridden.Scores[0].Score, overridden.Scores[0].Prefilled));
    }

    [Fact]
    public void The_award_goes_to_rank_1_by_the_published_weights_after_the_checks_and_the_contract_waits_out_standstill()
    {
        var competition = Started(standstill: true);
        competition = Ok(CompetitionRules.Submit(competition, "wear", Response(900m), Now, "u"));
        competition = Ok(CompetitionRules.Submit(competition, "pennine", Response(450m), Now, "u"));
        var none = new Dictionary<string, PrefilledScore>();
        ScoresRequest Quality(double s) => new() { Scores = new Dictionary<string, ScoreRequest> { ["quality"] = new(s, "answer read") } };
        competition = Ok(CompetitionRules.Score(competition, "wear", Quality(1), none, Deadline));
        competition = Ok(CompetitionRules.Score(competition, "pennine", Quality(0.5), none, Deadline));
        var decidedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        var withoutChecks = CompetitionRules.Decide(competition, null, WorkingDays.EnglandAndWales, decidedAt, "buyer");
        var decided = Ok(CompetitionRules.Decide(competition, Checks, WorkingDays.EnglandAndWales, decidedAt, "buyer"));
        var contract = new ContractRequest { SignedOn = new DateOnly(2026, 12, 11), ValueGbp = 900m, StartDate = new DateOnly(2027, 1, 4), EndDate = new DateOnly(2029, 12, 31) };
        var tooSoon = CompetitionRules.Enter(decided, contract with { SignedOn = new DateOnly(2026, 12, 10) }, new DateTimeOffset(2026, 12, 10, 23, 0, 0, TimeSpan.Zero), "buyer");
        var ended = CompetitionRules.EndStandstill(decided, new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero));
        var entered = Ok(CompetitionRules.Enter(ended!, contract, new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero), "buyer"));

        Assert.Equal(CallOffRules.ChecksMissing, ReasonOf(withoutChecks.Failure));
        // wear: 100·(3·1 + 1·0.5)/4 = 87.5; pennine: 100·(3·0.5 + 1·1)/4 = 62.5.
        Assert.Equal([("wear", 1, 87.5), ("pennine", 2, 62.5)], decided.Award!.Assessments.Select(a => (a.SupplierId, a.Rank, a.Total)));
        Assert.Contains("Criterion quality (1 against 0.5)", decided.Award.Assessments[1].RelativeAdvantages, StringComparison.Ordinal);
        // Eight working days beginning Tuesday 1 December 2026: 1–4 and 7–10 December.
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero), decided.Award.StandstillEnds);
        Assert.Equal(CompetitionStatus.Standstill, decided.Status);
        Assert.Equal(CompetitionRules.InStandstill, ReasonOf(tooSoon.Failure));
        Assert.Null(CompetitionRules.EndStandstill(ended!, ended!.Award!.StandstillEnds!.Value.AddDays(1)));
        Assert.Equal(["tender", "award", "contract"], entered.Notices.Select(n => n.Tag));
        var outcome = CompetitionRules.OutcomeOf(entered, Locked());
        Assert.Equal((CallOffResult.Awarded, "off-wear", "wear", 900m, CallOffMethod.FurtherCompetition), (outcome.Result, outcome.OfferingId, outcome.SupplierId, outcome.ValueGbp, outcome.Method));
    }

    [Fact]
    public void Closing_is_idempotent_and_only_after_the_deadline()
    {
        var competition = Started();

        Assert.Null(CompetitionRules.Close(competition, Deadline.AddTicks(-1)));
        var closed = CompetitionRules.Close(competition, Deadline)!;
        Assert.Equal(CompetitionStatus.Closed, closed.Status);
        Assert.Null(CompetitionRules.Close(closed, Deadline.AddDays(1)));
    }

    [Property]
    public bool The_ranking_follows_the_published_weights_whatever_the_order_responses_arrive(byte q1, byte q2, byte q3, ushort p1, ushort p2, ushort p3, bool reverse)
    {
        var competition = Started();
        var rows = new[] { ("derwent", q1, p1), ("pennine", q2, p2), ("wear", q3, p3) };
        foreach (var (supplier, _, price) in reverse ? rows.Reverse() : rows)
        {
            competition = Ok(CompetitionRules.Submit(competition, supplier, Response(price + 1m), Now, "u"));
        }
        foreach (var (supplier, quality, _) in rows)
        {
            competition = Ok(CompetitionRules.Score(competition, supplier,
                new ScoresRequest { Scores = new Dictionary<string, ScoreRequest> { ["quality"] = new(quality / 255d, "read") } }, new Dictionary<string, PrefilledScore>(), Deadline));
        }
        var ranking = CompetitionRules.Rank(competition);
        var lowest = rows.Min(r => r.Item3 + 1m);
        var expected = rows.ToDictionary(r => r.Item1, r => 100d * (3 * (r.Item2 / 255d) + (double)(lowest / (r.Item3 + 1m))) / 4);
        return ranking.Count == 3
            && ranking.All(a => Math.Abs(a.Total - expected[a.SupplierId]) < 1e-9 && Math.Abs(a.Lines.Sum(l => l.Points) - a.Total) < 1e-9 && a.Total is >= 0 and <= 100)
            && ranking.Zip(ranking.Skip(1)).All(p => p.First.Total > p.Second.Total || p.First.Total == p.Second.Total && p.First.PriceGbp <= p.Second.PriceGbp)
            && ranking.Select(a => a.Rank).SequenceEqual([1, 2, 3]);
    }
}
