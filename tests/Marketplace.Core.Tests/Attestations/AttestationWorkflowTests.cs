using FsCheck.Xunit;
using Marketplace.Core.Attestations;

namespace Marketplace.Core.Tests.Attestations;

public sealed class AttestationWorkflowTests
{
    // ARCHITECTURE.md: Draft → Submitted → Verified | Rejected; Verified → Expired | Revoked; Submitted → Withdrawn;
    // a declaration's submit declares it (Draft → Declared), and Declared → Withdrawn | Expired.
    // register checks: Verified → Lapsed (dropped out of the register) → Verified (back in a newer snapshot).
    private static readonly (string From, AttestationAction Action, string To)[] Allowed =
    [
        (AttestationStatus.Draft, AttestationAction.Submit, AttestationStatus.Submitted),
        (AttestationStatus.Submitted, AttestationAction.Verify, AttestationStatus.Verified),
        (AttestationStatus.Submitted, AttestationAction.Reject, AttestationStatus.Rejected),
        (AttestationStatus.Submitted, AttestationAction.Withdraw, AttestationStatus.Withdrawn),
        (AttestationStatus.Verified, AttestationAction.Expire, AttestationStatus.Expired),
        (AttestationStatus.Verified, AttestationAction.Revoke, AttestationStatus.Revoked),
        (AttestationStatus.Declared, AttestationAction.Withdraw, AttestationStatus.Withdrawn),
        (AttestationStatus.Declared, AttestationAction.Expire, AttestationStatus.Expired),
        (AttestationStatus.Verified, AttestationAction.Lapse, AttestationStatus.Lapsed),
        (AttestationStatus.Lapsed, AttestationAction.Reinstate, AttestationStatus.Verified),
    ];

    [Fact]
    public void Submitting_a_declaration_declares_it_and_every_other_route_submits()
    {
        Assert.Equal(AttestationStatus.Declared, AttestationWorkflow.Next(AttestationStatus.Draft, AttestationAction.Submit, Marketplace.Core.Standards.VerificationRoute.Declaration));
        Assert.Equal(AttestationStatus.Submitted, AttestationWorkflow.Next(AttestationStatus.Draft, AttestationAction.Submit, Marketplace.Core.Standards.VerificationRoute.Certifier));
        Assert.Null(AttestationWorkflow.Next(AttestationStatus.Declared, AttestationAction.Submit, Marketplace.Core.Standards.VerificationRoute.Declaration));
        Assert.Equal(AttestationStatus.Withdrawn, AttestationWorkflow.Next(AttestationStatus.Declared, AttestationAction.Withdraw, Marketplace.Core.Standards.VerificationRoute.Declaration));
    }

    [Fact]
    public void Exactly_the_transitions_of_the_architecture_are_allowed()
    {
        var actual = AttestationWorkflow.Statuses
            .SelectMany(from => Enum.GetValues<AttestationAction>().Select(action => (from, action, to: AttestationWorkflow.Next(from, action))))
            .Where(t => t.to is not null)
            .Select(t => (t.from, t.action, t.to!))
            .ToHashSet();

        Assert.Equal(Allowed.ToHashSet(), actual);
    }

    [Theory]
    [InlineData(AttestationStatus.Rejected)]
    [InlineData(AttestationStatus.Revoked)]
    [InlineData(AttestationStatus.Expired)]
    [InlineData(AttestationStatus.Withdrawn)]
    public void Final_statuses_allow_nothing(string status)
    {
        Assert.Empty(AttestationWorkflow.UserActionsFrom(status));
        Assert.All(Enum.GetValues<AttestationAction>(), action => Assert.Null(AttestationWorkflow.Next(status, action)));
    }

    [Fact]
    public void Users_are_offered_every_action_but_the_apps_own()
    {
        Assert.Empty(AttestationWorkflow.UserActionsFrom(AttestationStatus.Lapsed));
        Assert.Equal([AttestationAction.Withdraw, AttestationAction.Verify, AttestationAction.Reject], AttestationWorkflow.UserActionsFrom(AttestationStatus.Submitted));
        Assert.Equal([AttestationAction.Revoke], AttestationWorkflow.UserActionsFrom(AttestationStatus.Verified));
        Assert.Equal([AttestationAction.Submit], AttestationWorkflow.UserActionsFrom(AttestationStatus.Draft));
    }

    [Property]
    public bool An_action_is_offered_exactly_when_the_state_machine_allows_it(int statusIndex, int actionIndex)
    {
        var status = AttestationWorkflow.Statuses[Math.Abs(statusIndex % AttestationWorkflow.Statuses.Count)];
        var actions = Enum.GetValues<AttestationAction>();
        var action = actions[Math.Abs(actionIndex % actions.Length)];
        var offered = AttestationWorkflow.UserActionsFrom(status).Contains(action);
        return action is AttestationAction.Expire or AttestationAction.Lapse or AttestationAction.Reinstate ? !offered : offered == (AttestationWorkflow.Next(status, action) is not null);
    }

    [Fact]
    public void An_unknown_status_allows_nothing() => Assert.Null(AttestationWorkflow.Next("archived", AttestationAction.Submit));

    [Fact]
    public void Action_names_are_lower_case_words() =>
        Assert.Equal(["submit", "withdraw", "verify", "reject", "revoke", "expire", "lapse", "reinstate"], Enum.GetValues<AttestationAction>().Select(AttestationWorkflow.NameOf));
}
