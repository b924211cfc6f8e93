using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.CallOffs;

/// <summary>Where a step of the call-off stands.</summary>
public static class StepState
{
    /// <summary>Done.</summary>
    public const string Done = "done";
    /// <summary>What the law requires next.</summary>
    public const string Next = "next";
    /// <summary>Comes later.</summary>
    public const string Later = "later";
}

/// <summary>One step of the route from a locked shortlist to a contract: what it is, why the law requires it, and where it stands.</summary>
public sealed record CallOffStep(string Title, string Why, string State);

/// <summary>The steps the legal route requires, in order, marked done, next or later: what the commissioner's procurement page walks through.</summary>
public static class CallOffSteps
{
    /// <summary>The steps of <paramref name="route"/> for <paramref name="shortlist"/> and its competition, if one started.</summary>
    public static IReadOnlyList<CallOffStep> For(LegalRoute route, ShortlistDocument shortlist, Competition? competition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(shortlist);
        if (route.Refusal is not null)
        {
            return [new CallOffStep("Run the procurement outside the marketplace", route.Refusal, StepState.Next)];
        }
        var steps = new List<(string Title, string Why, bool Done)>
        {
            ("Lock the shortlist", "The award must be auditable against exactly what was ranked: the lock freezes and hashes it.", shortlist.Status == ShortlistStatus.Locked),
        };
        var competing = competition is not null || !route.Processes.Any(CallOffProcess.Direct.Contains);
        if (competing)
        {
            var pastDeadline = competition is not null && CompetitionRules.IsPastDeadline(competition, now);
            steps.Add(("Invite every supplier in the lot able to deliver", "A further competition is among all the framework's suppliers able to deliver, not only the shortlist (Procurement Act 2023 s.46); the tender notice is published.", competition is not null));
            steps.Add(("Answer clarification questions and wait for the deadline", "Answers go to every invitee without the asker's name; responses stay sealed until the deadline, for you too.", pastDeadline));
            steps.Add(("Score every response with a reason", "Scores follow the published criteria and weights; each needs a reason the supplier will read.", competition?.Award is not null || competition is not null && pastDeadline && CompetitionRules.Rank(competition).Count > 0));
        }
        steps.Add(("Record the exclusion and debarment check and the conflicts declaration", "Required before any award decision (Procurement Act 2023 s.57–58, s.83).", shortlist.Checks is not null));
        if (competing)
        {
            steps.Add(("Make the award decision", "The award goes to rank 1 on the published weights, with an assessment summary for every participant; the contract award notice is published (s.50).", competition?.Award is not null));
            if (competition?.Standstill ?? route.StandstillRequired)
            {
                steps.Add(("Wait out the standstill", $"{LegalRoutes.StandstillWorkingDays} working days (England and Wales bank holidays excluded) in which a supplier may challenge the decision.",
                    competition?.Status is CompetitionStatus.Awarded or CompetitionStatus.Contracted || competition?.Award?.StandstillEnds is { } ends && now >= ends));
            }
            steps.Add(("Enter the contract", "The contract details notice follows signature (s.53) and the award is recorded on the shortlist.", competition?.Contract is not null));
        }
        else
        {
            steps.Add(("Award directly to rank 1", route.Regime == Regime.ProviderSelectionRegime
                ? "Under the Provider Selection Regime, direct award C needs a notice of intention and 8 working days first; most suitable provider awards against the key criteria."
                : "The framework's objective mechanism is the locked ranking: a direct award goes only to rank 1; anything else is a further competition.", shortlist.Outcome is not null));
        }
        var next = steps.FindIndex(s => !s.Done);
        return [.. steps.Select((s, i) => new CallOffStep(s.Title, s.Why, s.Done ? StepState.Done : i == next ? StepState.Next : StepState.Later))];
    }
}
