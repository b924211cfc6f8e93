using Marketplace.Core.CallOffs;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Tests.CallOffs;

/// <summary>A direct award: only where the route allows, only to rank 1, only after the checks; PSR C only after its notice of intention and standstill.</summary>
public sealed class DirectAwardTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly AwardChecks Checks = new(Today, [], "Panel: A, B; no interests.", false, null, Now, "buyer");

    private static LegalRoute RouteFor(string type, Framework framework) =>
        LegalRoutes.For(new Organisation { Id = "c", Kind = OrganisationKind.Commissioner, Name = "C", CommissionerType = type, Region = "north-west" },
            framework, framework.Lots.Single(l => l.Id == Shortlisting.Build.Lot3));

    // Lot 3 made health care services, so an NHS buyer is on the Provider Selection Regime.
    private static readonly Framework HealthCare = CompetitionTests.Terms with
    {
        Lots = [.. CompetitionTests.Terms.Lots.Select(l => l.Id == Shortlisting.Build.Lot3 ? l with { Categories = ["clinical-triage-service"] } : l)],
    };

    private static CallOffRequest Award(string offering, string? process = null, IntentionNotice? notice = null) => new()
    {
        Result = CallOffResult.Awarded, OfferingId = offering, ValueGbp = 10_000m, StartDate = new DateOnly(2027, 1, 1), EndDate = new DateOnly(2028, 1, 1),
        Method = CallOffMethod.DirectAward, Process = process, IntentionNotice = notice,
    };

    private static (CallOffOutcome? Outcome, CallOffRefusal? Refusal) Decide(CallOffRequest request, Framework? framework = null, AwardChecks? checks = null, string type = "integrated-care-board")
    {
        var f = framework ?? CompetitionTests.Terms;
        return CallOffRules.Decide(request, CompetitionTests.Locked() with { Checks = checks }, f, RouteFor(type, f), Today, Now, "buyer");
    }

    [Fact]
    public void A_direct_award_to_anything_but_rank_1_is_refused_naming_the_offering()
    {
        var (outcome, refusal) = Decide(Award("off-pennine"), checks: Checks);

        Assert.Null(outcome);
        Assert.Contains(refusal!.Errors, e => e.Path == "offeringId" && e.Message.Contains("ranked 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_direct_award_to_rank_1_is_recorded_with_its_route_once_the_checks_are_recorded()
    {
        var (missing, refusal) = Decide(Award("off-wear"));
        var (outcome, _) = Decide(Award("off-wear"), checks: Checks);

        Assert.Null(missing);
        Assert.Equal(CallOffRules.ChecksMissing, refusal!.Conflict!.Value.Code);
        Assert.Equal((CallOffResult.Awarded, 1, CallOffProcess.DirectAward, Regime.ProcurementActFramework), (outcome!.Result, outcome.Rank, outcome.Process, outcome.Regime));
    }

    [Fact]
    public void An_excluded_supplier_cannot_be_awarded()
    {
        var (_, refusal) = Decide(Award("off-wear"), checks: Checks with { ExcludedSupplierIds = ["wear"] });

        Assert.Equal(CallOffRules.SupplierExcluded, refusal!.Conflict!.Value.Code);
    }

    [Fact]
    public void A_framework_without_a_direct_award_mechanism_refuses_one_naming_the_process()
    {
        var (_, refusal) = Decide(Award("off-wear"), CompetitionTests.Terms with { CallOff = null }, Checks);

        Assert.Contains(refusal!.Errors, e => e.Path == "process");
    }

    [Fact]
    public void A_further_competition_cannot_be_recorded_as_a_form_it_is_run()
    {
        var (_, refusal) = Decide(Award("off-wear") with { Method = CallOffMethod.FurtherCompetition }, checks: Checks);

        Assert.Contains(refusal!.Errors, e => e.Path == "method");
    }

    [Fact]
    public void PSR_direct_award_C_without_its_notice_of_intention_is_refused_and_waits_out_its_standstill()
    {
        var (_, noNotice) = Decide(Award("off-wear", CallOffProcess.PsrDirectAwardC), HealthCare, Checks);
        var (_, tooSoon) = Decide(Award("off-wear", CallOffProcess.PsrDirectAwardC, new IntentionNotice("FTS-000123", Today.AddDays(-3))), HealthCare, Checks);
        var (awarded, _) = Decide(Award("off-wear", CallOffProcess.PsrDirectAwardC, new IntentionNotice("FTS-000123", Today.AddDays(-20))), HealthCare, Checks);

        Assert.Contains(noNotice!.Errors, e => e.Path == "intentionNotice");
        Assert.Equal(CallOffRules.IntentionStandstill, tooSoon!.Conflict!.Value.Code);
        Assert.Equal((CallOffProcess.PsrDirectAwardC, Regime.ProviderSelectionRegime, "FTS-000123"), (awarded!.Process, awarded.Regime, awarded.IntentionNotice!.Reference));
    }

    [Fact]
    public void On_the_PSR_the_process_must_be_named_and_direct_award_A_needs_a_sole_capable_provider()
    {
        var (_, unnamed) = Decide(Award("off-wear"), HealthCare, Checks);
        var (_, notSole) = Decide(Award("off-wear", CallOffProcess.PsrDirectAwardA), HealthCare, Checks);
        var (suitable, _) = Decide(Award("off-wear", CallOffProcess.PsrMostSuitableProvider), HealthCare, Checks);

        Assert.Contains(unnamed!.Errors, e => e.Path == "process");
        Assert.Equal(CallOffRules.NotSoleProvider, notSole!.Conflict!.Value.Code);
        Assert.Equal(CallOffProcess.PsrMostSuitableProvider, suitable!.Process);
    }

    [Fact]
    public void A_buyer_in_a_nation_not_modelled_cannot_award_but_can_still_record_that_the_call_off_ended()
    {
        var scottish = new Organisation { Id = "c", Kind = OrganisationKind.Commissioner, Name = "C", CommissionerType = "health-board", Region = "scotland" };
        var route = LegalRoutes.For(scottish, CompetitionTests.Terms, CompetitionTests.Terms.Lots.Single(l => l.Id == Shortlisting.Build.Lot3));
        var locked = CompetitionTests.Locked() with { Checks = Checks };

        var (_, refusal) = CallOffRules.Decide(Award("off-wear"), locked, CompetitionTests.Terms, route, Today, Now, "buyer");
        var (ended, _) = CallOffRules.Decide(new CallOffRequest { Result = CallOffResult.Cancelled, Reason = "Run under Scottish rules" }, locked, CompetitionTests.Terms, route, Today, Now, "buyer");

        Assert.Equal(CallOffRules.NoRoute, refusal!.Conflict!.Value.Code);
        Assert.Equal(CallOffResult.Cancelled, ended!.Result);
    }
}
