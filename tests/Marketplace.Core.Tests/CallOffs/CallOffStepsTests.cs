using Marketplace.Core.CallOffs;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Tests.CallOffs;

/// <summary>What the procurement page says the law requires next.</summary>
public sealed class CallOffStepsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static LegalRoute Route(string region = "north-west") => LegalRoutes.For(
        new Organisation { Id = "c", Kind = OrganisationKind.Commissioner, Name = "C", CommissionerType = "integrated-care-board", Region = region },
        CompetitionTests.Terms, CompetitionTests.Terms.Lots.Single(l => l.Id == Shortlisting.Build.Lot3));

    [Fact]
    public void After_the_lock_a_direct_award_route_asks_for_the_checks_next_and_the_award_after_them()
    {
        var steps = CallOffSteps.For(Route(), CompetitionTests.Locked(), null, Now);

        Assert.Equal([StepState.Done, StepState.Next, StepState.Later], steps.Select(s => s.State));
        Assert.StartsWith("Record the exclusion and debarment check", steps[1].Title, StringComparison.Ordinal);
        Assert.Equal("Award directly to rank 1", steps[2].Title);
    }

    [Fact]
    public void A_started_competition_walks_invitations_deadline_scores_checks_award_standstill_and_contract()
    {
        var competition = CompetitionRules.Start(new StartCompetitionRequest { Deadline = Now.AddDays(7), Standstill = true }, CompetitionTests.Locked(),
            CompetitionTests.Terms, Route(), [(Shortlisting.Build.Supplier("wear", "Wear"), [Shortlisting.Build.Offering("off-wear", "wear")])], Now, "buyer").Value!;

        var steps = CallOffSteps.For(Route(), CompetitionTests.Locked(), competition, Now.AddDays(1));

        Assert.Equal(8, steps.Count);
        Assert.Equal((StepState.Done, StepState.Next), (steps[1].State, steps[2].State));
        Assert.Equal("Wait out the standstill", steps[6].Title);
        Assert.Equal("Enter the contract", steps[7].Title);
    }

    [Fact]
    public void A_nation_not_modelled_has_one_plain_step()
    {
        var step = Assert.Single(CallOffSteps.For(Route("wales"), CompetitionTests.Locked(), null, Now));

        Assert.Contains("does not model", step.Why, StringComparison.Ordinal);
    }
}
