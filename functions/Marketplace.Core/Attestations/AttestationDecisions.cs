using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>Why a request about an attestation is refused.</summary>
public enum RefusalKind
{
    /// <summary>The caller may not do this to this attestation.</summary>
    Forbidden,
    /// <summary>The state machine does not allow the action from the current status.</summary>
    InvalidTransition,
    /// <summary>A field of the request is wrong (named in <see cref="Refusal.Field"/>).</summary>
    InvalidField,
    /// <summary>The standard needs evidence and none is recorded.</summary>
    EvidenceRequired,
    /// <summary>The attestation's state conflicts with the request in another way (e.g. its certificate has lapsed).</summary>
    Conflict,
}

/// <summary>A refusal: its kind, a message for people, and the field, current status and allowed actions where they apply.</summary>
public sealed record Refusal(RefusalKind Kind, string Message, string? Field = null, string? CurrentStatus = null, IReadOnlyList<string>? AllowedActions = null)
{
    /// <summary>The failure a use case answers with: 403, 409 (naming the current status and allowed actions for a transition), or 400 for the field.</summary>
    public Failure ToFailure() => Kind switch
    {
        RefusalKind.Forbidden => Failure.Forbidden("Not allowed.", Message),
        RefusalKind.InvalidTransition => Failure.Conflict("Not allowed in the attestation's current state.", Message, Problems.InvalidTransition,
            new Dictionary<string, object?> { ["currentStatus"] = CurrentStatus, ["allowedActions"] = AllowedActions ?? [] }),
        RefusalKind.EvidenceRequired => Failure.Conflict("Evidence is required.", Message, Problems.EvidenceRequired),
        RefusalKind.Conflict => Failure.Conflict("The attestation's state conflicts with the request.", Message),
        _ => Invalid([this]),
    };

    /// <summary>400 naming every field at fault.</summary>
    public static Failure Invalid(IEnumerable<Refusal> refusals) =>
        Failure.Invalid(refusals.GroupBy(r => r.Field ?? "").ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray(), StringComparer.Ordinal));

    /// <summary>The action is not allowed from the current status; names what is.</summary>
    public static Refusal Transition(string current, AttestationAction action) => new(
        RefusalKind.InvalidTransition,
        $"'{AttestationWorkflow.NameOf(action)}' is not allowed while the attestation is {current}.",
        CurrentStatus: current,
        AllowedActions: [.. AttestationWorkflow.UserActionsFrom(current).Select(AttestationWorkflow.NameOf)]);
}

/// <summary>A decision: the attestation as it becomes, or why not.</summary>
public sealed record AttestationDecision(Attestation? Next, Refusal? Refusal)
{
    /// <summary>Every field at fault when several are (the first is also <see cref="Refusal"/>).</summary>
    public IReadOnlyList<Refusal> Errors { get; init; } = Refusal is null ? [] : [Refusal];

    /// <summary>Allowed, giving the new state.</summary>
    public static AttestationDecision Allow(Attestation next) => new(next, null);

    /// <summary>Refused.</summary>
    public static AttestationDecision Refuse(Refusal refusal) => new(null, refusal);

    /// <summary>The failure for a refused decision: every field at fault for a 400, otherwise the refusal's own.</summary>
    public Failure ToFailure() => Refusal is { Kind: RefusalKind.InvalidField } ? Refusal.Invalid(Errors) : Refusal!.ToFailure();
}

/// <summary>What a workflow action needs to be decided: the standard, the supplier and the caller's organisation.</summary>
public sealed record AttestationContext(Standard Standard, Organisation Supplier, Organisation? ActorOrganisation);

/// <summary>Decides workflow actions: who may, whether the state machine allows it, and what else it needs.</summary>
public static class AttestationDecisions
{
    /// <summary>Longest reason kept (the schema's limit).</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Decides a user's action on <paramref name="current"/> at <paramref name="now"/>. Checks in order: who may (403),
    /// the state machine (409 naming the status and allowed actions), the reason (rejections and revocations need one,
    /// other actions take none), evidence (submitting needs a file when the standard requires evidence) and the
    /// certificate's expiry date (a lapsed certificate is neither submitted nor verified).
    /// </summary>
    public static AttestationDecision Decide(Attestation current, AttestationAction action, Actor actor, AttestationContext context, string? reason, DateTimeOffset now)
    {
        if (AttestationAccess.WhyNot(actor, AttestationOperation.Of(action), current, context) is { } forbidden)
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.Forbidden, forbidden));
        }
        if (BuyerDecides(current, action))
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.Conflict,
                $"This is a claimed equivalent of {current.StandardCode}: nobody verifies or rejects it here; each commissioner accepts or rejects it on its own shortlist."));
        }
        // A claimed equivalent is submitted for buyers to decide, whatever the route of the standard it stands in for
        // (a claim against DCB0129 is not the supplier's own DCB0129 declaration).
        var following = current.Equivalent is null
            ? AttestationWorkflow.Next(current.Status, action, context.Standard.Route)
            : AttestationWorkflow.Next(current.Status, action);
        if (following is not { } next)
        {
            return AttestationDecision.Refuse(Refusal.Transition(current.Status, action));
        }
        var needsReason = action is AttestationAction.Reject or AttestationAction.Revoke;
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (needsReason && trimmed is null)
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.InvalidField, $"Say why: {AttestationWorkflow.NameOf(action)} needs a reason.", "reason"));
        }
        if (trimmed is { Length: > MaxReasonLength })
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.InvalidField, $"At most {MaxReasonLength} characters.", "reason"));
        }
        if (!needsReason && reason is not null)
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.InvalidField, "Only reject and revoke take a reason.", "reason"));
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (action == AttestationAction.Submit && current.Equivalent is not null && current.Evidence.Count == 0)
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.EvidenceRequired,
                $"A claimed equivalent needs evidence of {current.Equivalent.Name}; upload at least one file before submitting."));
        }
        if (action == AttestationAction.Submit && context.Standard.EvidenceRequired && current.Evidence.Count == 0)
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.EvidenceRequired,
                $"{context.Standard.Code} needs evidence ({context.Standard.EvidenceKind}); upload at least one file before submitting."));
        }
        if (action is AttestationAction.Submit or AttestationAction.Verify && current.ExpiresOn < today)
        {
            return AttestationDecision.Refuse(new Refusal(RefusalKind.Conflict,
                $"The certificate expired on {current.ExpiresOn:yyyy-MM-dd}; attest with a current certificate instead."));
        }
        return AttestationDecision.Allow(action switch
        {
            AttestationAction.Submit => current with { Status = next, SubmittedAt = now },
            AttestationAction.Withdraw => current with { Status = next },
            _ => current with { Status = next, DecidedBy = context.ActorOrganisation!.Id, DecidedAt = now, Reason = trimmed },
        });
    }

    /// <summary>
    /// True when <paramref name="action"/> is a certifier's or register's decision on a claimed equivalent, which only
    /// buyers decide, per shortlist (Procurement Act 2023 s.56): a claim stays submitted.
    /// </summary>
    public static bool BuyerDecides(Attestation attestation, AttestationAction action) =>
        attestation.Equivalent is not null && action is AttestationAction.Verify or AttestationAction.Reject or AttestationAction.Revoke;

    /// <summary>
    /// The expiry job's decision: a verified attestation or a declaration whose expiry date is before
    /// <paramref name="today"/> becomes expired (it still counts on its expiry date itself). Null when it should be left alone.
    /// </summary>
    public static Attestation? Expire(Attestation current, DateOnly today) =>
        current.Status is AttestationStatus.Verified or AttestationStatus.Declared && current.ExpiresOn < today && AttestationWorkflow.Next(current.Status, AttestationAction.Expire) is { } next
            ? current with { Status = next }
            : null;
}
