using System.Globalization;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Frameworks;

namespace Marketplace.Core.Shortlisting;

/// <summary>How a call-off ended: <c>awarded</c>, <c>cancelled</c> or <c>none-suitable</c>.</summary>
public static class CallOffResult
{
    /// <summary>A contract was awarded to one offering of the locked shortlist.</summary>
    public const string Awarded = "awarded";
    /// <summary>The commissioner stopped the procurement.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>No listed offering meets the need.</summary>
    public const string NoneSuitable = "none-suitable";

    /// <summary>Every result, in the order the API lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Awarded, Cancelled, NoneSuitable];
}

/// <summary>How an award was reached under the framework's call-off procedure.</summary>
public static class CallOffMethod
{
    /// <summary>Awarded straight from the shortlist, to rank 1 (the process says which legal basis).</summary>
    public const string DirectAward = "direct-award";
    /// <summary>Awarded after a further competition among the lot's suppliers able to deliver (recorded by the competition when its contract is entered).</summary>
    public const string FurtherCompetition = "further-competition";

    /// <summary>Both methods.</summary>
    public static readonly IReadOnlyList<string> All = [DirectAward, FurtherCompetition];
}

/// <summary>What a commissioner asks to record as a shortlist's outcome (the body of <c>POST /api/shortlists/{id}/outcome</c>).</summary>
public sealed record CallOffRequest
{
    /// <summary>One of <see cref="CallOffResult"/>.</summary>
    public string? Result { get; init; }
    /// <summary>Awarded: the offering, which must be among the locked results.</summary>
    public string? OfferingId { get; init; }
    /// <summary>Awarded: contract value in GBP excluding VAT, &gt; 0.</summary>
    public decimal? ValueGbp { get; init; }
    /// <summary>Awarded: contract start.</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>Awarded: contract end, after the start.</summary>
    public DateOnly? EndDate { get; init; }
    /// <summary>Awarded: one of <see cref="CallOffMethod"/>.</summary>
    public string? Method { get; init; }
    /// <summary>Why: required when cancelled or none suitable.</summary>
    public string? Reason { get; init; }
    /// <summary>Awarded: the legal process, one of <see cref="CallOffProcess.Direct"/> the route allows; defaults to <c>direct-award</c> on a Procurement Act route.</summary>
    public string? Process { get; init; }
    /// <summary>PSR direct award C: the notice of intention to award, published before the award.</summary>
    public IntentionNotice? IntentionNotice { get; init; }
}

/// <summary>A PSR notice of intention to make a direct award C: its reference where it was published, and the day.</summary>
/// <param name="Reference">The notice's reference on Find a Tender.</param>
/// <param name="PublishedOn">The day it was published; the award waits out the standstill from then.</param>
public sealed record IntentionNotice(string? Reference, DateOnly? PublishedOn);

/// <summary>The recorded end of a call-off.</summary>
public sealed record CallOffOutcome
{
    /// <summary>One of <see cref="CallOffResult"/>.</summary>
    public required string Result { get; init; }
    /// <summary>Awarded: the offering.</summary>
    public string? OfferingId { get; init; }
    /// <summary>Awarded: its name.</summary>
    public string? OfferingName { get; init; }
    /// <summary>Awarded: its supplier.</summary>
    public string? SupplierId { get; init; }
    /// <summary>Awarded: the supplier's name.</summary>
    public string? SupplierName { get; init; }
    /// <summary>Awarded: its rank in the locked shortlist.</summary>
    public int? Rank { get; init; }
    /// <summary>Awarded: contract value in GBP excluding VAT.</summary>
    public decimal? ValueGbp { get; init; }
    /// <summary>Awarded: contract start.</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>Awarded: contract end.</summary>
    public DateOnly? EndDate { get; init; }
    /// <summary>Awarded: the method.</summary>
    public string? Method { get; init; }
    /// <summary>Why, when given.</summary>
    public string? Reason { get; init; }
    /// <summary>Awarded: the legal process (<see cref="CallOffProcess"/>); null on outcomes recorded before routes.</summary>
    public string? Process { get; init; }
    /// <summary>Awarded: the regime (<see cref="Regime"/>); null on outcomes recorded before routes.</summary>
    public string? Regime { get; init; }
    /// <summary>PSR direct award C: its notice of intention.</summary>
    public IntentionNotice? IntentionNotice { get; init; }
    /// <summary>Further competition: the competition the award came from.</summary>
    public string? CompetitionId { get; init; }
    /// <summary>When it was recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>User id of who recorded it.</summary>
    public required string RecordedBy { get; init; }
}

/// <summary>Why an outcome cannot be recorded: bad fields (400, by path) or the shortlist's or framework's state (409).</summary>
/// <param name="Errors">Field problems, keyed by JSON path.</param>
/// <param name="Conflict">A state problem: its code and plain-English detail.</param>
public sealed record CallOffRefusal(IReadOnlyList<SpecificationError> Errors, (string Code, string Detail)? Conflict);

/// <summary>The call-off rules: only from a locked shortlist, once; an award only to a listed offering of a supplier admitted to the lot, while the framework is live.</summary>
public static class CallOffRules
{
    /// <summary>Longest reason kept.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>Conflict codes.</summary>
    public const string NotLocked = "shortlist-not-locked";
    /// <summary>An outcome is already recorded.</summary>
    public const string AlreadyRecorded = "outcome-already-recorded";
    /// <summary>The framework does not allow call-offs today.</summary>
    public const string FrameworkNotLive = "framework-not-live";
    /// <summary>The supplier is no longer admitted to the lot.</summary>
    public const string SupplierNotAdmitted = "supplier-not-admitted";
    /// <summary>The legal route allows no call-off here (a nation not modelled, a buyer the framework does not name).</summary>
    public const string NoRoute = "no-call-off-route";
    /// <summary>The exclusion and debarment check and the conflicts declaration are not recorded yet.</summary>
    public const string ChecksMissing = "award-checks-missing";
    /// <summary>The winner was found excluded or debarred.</summary>
    public const string SupplierExcluded = "supplier-excluded";
    /// <summary>PSR direct award C: the standstill after its notice of intention has not ended.</summary>
    public const string IntentionStandstill = "intention-standstill";
    /// <summary>PSR direct award A needs exactly one capable provider.</summary>
    public const string NotSoleProvider = "not-sole-provider";

    /// <summary>
    /// The outcome to store, or why not. Field errors come first (all of them); state conflicts are checked only when the
    /// fields are right. <paramref name="framework"/> is the framework as it is today, not as snapshotted.
    /// </summary>
    public static (CallOffOutcome? Outcome, CallOffRefusal? Refusal) Decide(CallOffRequest request, ShortlistDocument shortlist, Framework framework,
        LegalRoute route, DateOnly today, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shortlist);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(route);
        string? process = null;
        var errors = new List<SpecificationError>();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(new("reason", $"must be at most {MaxReasonLength} characters"));
        }
        ShortlistEntry? entry = null;
        switch (request.Result)
        {
            case CallOffResult.Awarded:
                entry = shortlist.Result.Entries.FirstOrDefault(e => e.OfferingId == request.OfferingId);
                if (string.IsNullOrWhiteSpace(request.OfferingId))
                {
                    errors.Add(new("offeringId", "the awarded offering is required"));
                }
                else if (entry is null)
                {
                    errors.Add(new("offeringId", $"'{request.OfferingId}' is not in this shortlist's results; an award goes to a listed offering"));
                }
                if (request.ValueGbp is not > 0)
                {
                    errors.Add(new("valueGbp", "the contract value in GBP (excluding VAT) is required and must be above 0"));
                }
                if (request.StartDate is null)
                {
                    errors.Add(new("startDate", "the contract start date is required"));
                }
                if (request.EndDate is null)
                {
                    errors.Add(new("endDate", "the contract end date is required"));
                }
                else if (request.StartDate is { } start && request.EndDate <= start)
                {
                    errors.Add(new("endDate", "must be after the start date"));
                }
                if (request.Method is null || !CallOffMethod.All.Contains(request.Method))
                {
                    errors.Add(new("method", $"must be {string.Join(" or ", CallOffMethod.All)}"));
                }
                else if (request.Method == CallOffMethod.FurtherCompetition)
                {
                    errors.Add(new("method", "a further competition is run, not recorded: start it with POST /api/shortlists/{id}/competition; its award is recorded when its contract is entered"));
                }
                else
                {
                    process = request.Process ?? (route.Regime == Regime.ProviderSelectionRegime ? null : CallOffProcess.DirectAward);
                    var direct = route.Processes.Where(CallOffProcess.Direct.Contains).ToList();
                    // A route with no call-off at all is a conflict (409), reported once the fields are right.
                    if (route.Refusal is null && (!route.Allows(process) || !CallOffProcess.Direct.Contains(process!)))
                    {
                        errors.Add(new("process", direct.Count == 0
                            ? $"this call-off's route ({route.Regime}) allows no direct award{(route.Processes.Count > 0 ? $"; run a {string.Join(" or ", route.Processes)}" : "")}"
                            : $"must be {string.Join(" or ", direct)} on this call-off's route ({route.Regime})"));
                    }
                    else if (process == CallOffProcess.PsrDirectAwardC && (request.IntentionNotice?.Reference is not { Length: > 0 } || request.IntentionNotice.PublishedOn is null))
                    {
                        errors.Add(new("intentionNotice", "PSR direct award C needs the notice of intention to make the award (its reference and the day it was published) before the award"));
                    }
                }
                // The framework's objective mechanism in this marketplace is the locked shortlist's ranking.
                if (request.Method == CallOffMethod.DirectAward && entry is { Rank: > 1 })
                {
                    errors.Add(new("offeringId", $"a direct award goes only to the top-ranked offering (the framework's objective mechanism); '{entry.OfferingId}' is ranked {entry.Rank.ToString(CultureInfo.InvariantCulture)}: run a further competition instead"));
                }
                break;
            case CallOffResult.Cancelled or CallOffResult.NoneSuitable:
                foreach (var (path, value) in new (string, object?)[] { ("offeringId", request.OfferingId), ("valueGbp", request.ValueGbp), ("startDate", request.StartDate), ("endDate", request.EndDate), ("method", request.Method) })
                {
                    if (value is not null)
                    {
                        errors.Add(new(path, $"only an award has a {path}"));
                    }
                }
                if (reason is null)
                {
                    errors.Add(new("reason", $"say why the call-off ended as {request.Result}"));
                }
                break;
            default:
                errors.Add(new("result", $"must be {string.Join(", ", CallOffResult.All)}"));
                break;
        }
        if (errors.Count > 0)
        {
            return (null, new CallOffRefusal(errors, null));
        }
        if (request.Result == CallOffResult.Awarded && route.Refusal is { } noRoute)
        {
            return (null, Conflict(NoRoute, noRoute));
        }

        if (shortlist.Outcome is not null)
        {
            return (null, Conflict(AlreadyRecorded, $"This shortlist's outcome was recorded on {shortlist.Outcome.RecordedAt:yyyy-MM-dd} as {shortlist.Outcome.Result}; an outcome is recorded once."));
        }
        if (shortlist.Status != ShortlistStatus.Locked)
        {
            return (null, Conflict(NotLocked, "Lock the shortlist before recording its outcome, so the award can be audited against exactly what was ranked."));
        }
        if (request.Result == CallOffResult.Awarded)
        {
            if (framework.Status != "live" || today < framework.Dates.Live || today > framework.Dates.Expires)
            {
                return (null, Conflict(FrameworkNotLive,
                    $"Framework {framework.Reference} is {framework.Status} (call-offs from {framework.Dates.Live:yyyy-MM-dd} to {framework.Dates.Expires:yyyy-MM-dd}); no call-off can be awarded under it on {today:yyyy-MM-dd}."));
            }
            var lot = framework.Lots.FirstOrDefault(l => l.Id == shortlist.Result.LotId);
            if (lot is null || !lot.Suppliers.Contains(entry!.SupplierId, StringComparer.Ordinal))
            {
                return (null, Conflict(SupplierNotAdmitted,
                    $"{entry!.SupplierName} is not admitted to lot {shortlist.Result.LotNumber.ToString(CultureInfo.InvariantCulture)} of {framework.Reference} today, so it cannot be awarded a call-off under it."));
            }
            if (AwardCheckRules.Refusal(shortlist.Checks, entry.SupplierId, entry.SupplierName) is { } missingCheck)
            {
                return (null, new CallOffRefusal([], missingCheck));
            }
            if (process == CallOffProcess.PsrDirectAwardA && shortlist.Counts.Eligible != 1)
            {
                return (null, Conflict(NotSoleProvider,
                    $"Direct award A is for when only one provider is capable; {shortlist.Counts.Eligible.ToString(CultureInfo.InvariantCulture)} offerings passed every gate. Use most suitable provider or the competitive process."));
            }
            if (process == CallOffProcess.PsrDirectAwardC && WorkingDays.EnglandAndWales.LastOfPeriod(request.IntentionNotice!.PublishedOn!.Value, LegalRoutes.StandstillWorkingDays) is var last && (last is null || today <= last))
            {
                return (null, Conflict(IntentionStandstill, last is null
                    ? "The bank-holiday table does not reach the end of the standstill after the notice of intention; update it before awarding."
                    : $"The standstill after the notice of intention ({request.IntentionNotice.Reference}, published {request.IntentionNotice.PublishedOn:yyyy-MM-dd}) runs to the end of {last:yyyy-MM-dd}; the award can be made from the next day."));
            }
        }

        return (new CallOffOutcome
        {
            Result = request.Result!,
            OfferingId = entry?.OfferingId,
            OfferingName = entry?.OfferingName,
            SupplierId = entry?.SupplierId,
            SupplierName = entry?.SupplierName,
            Rank = entry?.Rank,
            ValueGbp = request.ValueGbp,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            Method = request.Method,
            Reason = reason,
            Process = process,
            Regime = request.Result == CallOffResult.Awarded ? route.Regime : null,
            IntentionNotice = process == CallOffProcess.PsrDirectAwardC ? request.IntentionNotice : null,
            RecordedAt = now,
            RecordedBy = userId,
        }, null);
    }

    private static CallOffRefusal Conflict(string code, string detail) => new([], (code, detail));
}
