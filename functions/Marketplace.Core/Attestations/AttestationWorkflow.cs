using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>What can be done to an attestation. <see cref="Expire"/> is the app's own nightly action, never a user's.</summary>
public enum AttestationAction
{
    /// <summary>The supplier sends a draft to its certification body (or, for a declaration, declares it).</summary>
    Submit,
    /// <summary>The supplier takes back a submitted attestation before a decision, or a declaration.</summary>
    Withdraw,
    /// <summary>The named certification body accepts it.</summary>
    Verify,
    /// <summary>The named certification body refuses it, with a reason.</summary>
    Reject,
    /// <summary>The named certification body withdraws its verification, with a reason.</summary>
    Revoke,
    /// <summary>The expiry job marks a verified or declared attestation past its expiry date.</summary>
    Expire,
    /// <summary>A register import marks a verified attestation that dropped out of the register's newest snapshot.</summary>
    Lapse,
    /// <summary>A register import verifies a lapsed attestation again: it is back in a newer snapshot.</summary>
    Reinstate,
}

/// <summary>
/// The attestation state machine of ARCHITECTURE.md: <c>draft → submitted → verified | rejected</c>,
/// <c>verified → expired | revoked</c>, <c>submitted → withdrawn</c>; a declaration-route standard's submit declares it
/// (<c>draft → declared</c>), and <c>declared → withdrawn | expired</c>; register-route attestations also
/// <c>verified → lapsed → verified</c> as register snapshots drop and restore them. Rejected, revoked, expired and withdrawn are final.
/// </summary>
public static class AttestationWorkflow
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<AttestationAction, string>> Transitions =
        new Dictionary<string, IReadOnlyDictionary<AttestationAction, string>>(StringComparer.Ordinal)
        {
            [AttestationStatus.Draft] = new Dictionary<AttestationAction, string>
            {
                [AttestationAction.Submit] = AttestationStatus.Submitted,
            },
            [AttestationStatus.Submitted] = new Dictionary<AttestationAction, string>
            {
                [AttestationAction.Verify] = AttestationStatus.Verified,
                [AttestationAction.Reject] = AttestationStatus.Rejected,
                [AttestationAction.Withdraw] = AttestationStatus.Withdrawn,
            },
            [AttestationStatus.Verified] = new Dictionary<AttestationAction, string>
            {
                [AttestationAction.Revoke] = AttestationStatus.Revoked,
                [AttestationAction.Expire] = AttestationStatus.Expired,
                [AttestationAction.Lapse] = AttestationStatus.Lapsed,
            },
            [AttestationStatus.Lapsed] = new Dictionary<AttestationAction, string>
            {
                [AttestationAction.Reinstate] = AttestationStatus.Verified,
            },
            [AttestationStatus.Declared] = new Dictionary<AttestationAction, string>
            {
                [AttestationAction.Withdraw] = AttestationStatus.Withdrawn,
                [AttestationAction.Expire] = AttestationStatus.Expired,
            },
        };

    /// <summary>The app's own actions (expiry, register imports), never a user's.</summary>
    private static readonly AttestationAction[] SystemActions = [AttestationAction.Expire, AttestationAction.Lapse, AttestationAction.Reinstate];

    /// <summary>Every status an attestation can be in.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
    [
        AttestationStatus.Draft, AttestationStatus.Submitted, AttestationStatus.Verified, AttestationStatus.Rejected,
        AttestationStatus.Revoked, AttestationStatus.Expired, AttestationStatus.Withdrawn, AttestationStatus.Declared, AttestationStatus.Lapsed,
    ];

    /// <summary>The status after <paramref name="action"/>, or null when the state machine does not allow it from <paramref name="status"/>.</summary>
    public static string? Next(string status, AttestationAction action) =>
        Transitions.TryGetValue(status, out var from) && from.TryGetValue(action, out var to) ? to : null;

    /// <summary>
    /// As <see cref="Next(string, AttestationAction)"/> for a standard confirmed by <paramref name="route"/>: submitting a
    /// declaration declares it (nobody verifies a supplier's own declaration).
    /// </summary>
    public static string? Next(string status, AttestationAction action, string route) =>
        Next(status, action) is not null && action == AttestationAction.Submit && route == VerificationRoute.Declaration ? AttestationStatus.Declared : Next(status, action);

    /// <summary>What users may do from <paramref name="status"/> (the expiry job's action is not one of them), in a stable order.</summary>
    public static IReadOnlyList<AttestationAction> UserActionsFrom(string status) =>
        Transitions.TryGetValue(status, out var from)
            ? [.. from.Keys.Where(a => !SystemActions.Contains(a)).Order()]
            : [];

    /// <summary>The action's name on the wire and in audit events (<c>submit</c>, <c>withdraw</c>, …).</summary>
    public static string NameOf(AttestationAction action) => action.ToString().ToLowerInvariant();
}
