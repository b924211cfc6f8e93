using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Schemas;
using Marketplace.Core.CallOffs;

namespace Marketplace.Functions.Pages.Commissioner;

public partial class ShortlistPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private string Field(string name) => Data.Posted.Text(name);

    private static string ReasonField(string attestationId) => $"equivalent-reason-{attestationId}";

    private static string StatusText(string status) => status switch
    {
        EquivalentStatus.Accepted => "Accepted",
        EquivalentStatus.Rejected => "Rejected",
        _ => "Claimed equivalent — your decision",
    };

    private static string Result(string result) => result switch
    {
        CallOffResult.Awarded => "Awarded",
        CallOffResult.Cancelled => "Cancelled",
        _ => "None suitable",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/shortlists/{id}", ShowAsync).WithName("ShortlistPage").WithSummary("A shortlist.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapPost("/shortlists/{id}/lock", LockAsync).WithName("LockShortlistForm").WithSummary("Locks a shortlist.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapPost("/shortlists/{id}/outcome", OutcomeAsync).WithName("RecordOutcomeForm").WithSummary("Records a call-off outcome.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapPost("/shortlists/{id}/award-checks", ChecksAsync).WithName("RecordAwardChecksForm").WithSummary("Records the exclusion and debarment check and the conflicts declaration.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapPost("/shortlists/{id}/equivalents/{attestationId}/accept",
                (string id, string attestationId, HttpContext http, Actor actor, CommissionerAccess access, DecideEquivalent decide, CancellationToken ct) =>
                    DecideAsync(id, attestationId, true, http, actor, access, decide, ct))
            .WithName("AcceptEquivalentForm").WithSummary("Accepts a claimed equivalent on a shortlist.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapPost("/shortlists/{id}/equivalents/{attestationId}/reject",
                (string id, string attestationId, HttpContext http, Actor actor, CommissionerAccess access, DecideEquivalent decide, CancellationToken ct) =>
                    DecideAsync(id, attestationId, false, http, actor, access, decide, ct))
            .WithName("RejectEquivalentForm").WithSummary("Rejects a claimed equivalent on a shortlist.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapPost("/shortlists/{id}/competition", StartCompetitionAsync).WithName("StartCompetitionForm").WithSummary("Starts a further competition from a locked shortlist.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
        app.MapGet("/shortlists/{id}/export", ExportAsync).WithName("ExportShortlistPage").WithSummary("Downloads a shortlist as CSV or OCDS.").AsWebPage()
            .AllowOwningCommissioner("shortlist");
    }

    private static Task<IResult> ShowAsync(string id, string? done, HttpContext http, Actor actor, CommissionerAccess access, CancellationToken ct) =>
        ViewAsync(id, http, actor, access, done switch
        {
            "locked" => "Shortlist locked. Its ranking and evidence are frozen.",
            "outcome" => "Outcome recorded.",
            "checks" => "Checks recorded. The award decision can now be made.",
            "accepted" => "Claimed equivalent accepted. The shortlist has been re-scored with your decision.",
            "rejected" => "Claimed equivalent rejected. The standard stays not met.",
            _ => null,
        }, [], FormCollection.Empty, ct);

    private static async Task<IResult> ViewAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, string? done,
        IReadOnlyList<FieldError> errors, IFormCollection posted, CancellationToken ct)
    {
        var found = await access.ShortlistAsync(actor, id, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var shortlist = found.Value.Document;
        var (route, _) = await http.RequestServices.GetRequiredService<CallOffRoutes>().RouteOfAsync(shortlist, ct);
        var competition = (await http.RequestServices.GetRequiredService<ICommissionerRecords<Competition>>().FindAsync(shortlist.Id, ct))?.Document;
        var steps = CallOffSteps.For(route, shortlist, competition, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        return Views.Of<ShortlistPage>(new Model(await PageContext.ForAsync(http), ShortlistView.Of(shortlist), shortlist.Snapshot.Template,
                found.Value.ETag, done, errors, posted, route, steps, competition is not null),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The posted form (with the ETag the page sent back), for the shortlist's owner only.</summary>
    private static async Task<(IFormCollection? Form, IResult? Refusal)> OwnersFormAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, CancellationToken ct)
    {
        // The owner only, whatever the form says (asked before the form is read, so a stranger learns nothing from antiforgery).
        if ((await access.ShortlistAsync(actor, id, ct)).Failure is { } refused)
        {
            return (null, await PageErrors.ResultAsync(http, refused));
        }
        return await PageForms.ReadAsync(http);
    }

    private static async Task<IResult> LockAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, LockShortlist lockShortlist, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, access, ct);
        if (form is null)
        {
            return refusal!;
        }
        var locked = await lockShortlist.RunAsync(actor, id, form.Text("etag"), ct);
        return locked.Succeeded
            ? Results.Redirect($"/shortlists/{id}?done=locked")
            : await ViewAsync(id, http, actor, access, null, [new FieldError("lock-shortlist", Message(locked.Failure))], FormCollection.Empty, ct);
    }

    private static async Task<IResult> DecideAsync(string id, string attestationId, bool accept, HttpContext http, Actor actor, CommissionerAccess access,
        DecideEquivalent decide, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, access, ct);
        if (form is null)
        {
            return refusal!;
        }
        var field = ReasonField(attestationId);
        var decided = await decide.RunAsync(actor, id, attestationId, accept, form.Text(field), form.Text("etag"), ct);
        if (decided.Succeeded)
        {
            return Results.Redirect($"/shortlists/{id}?done={(accept ? "accepted" : "rejected")}");
        }
        var failure = decided.Failure;
        // Only a missing reason leaves the claim's form on the page; any other refusal points at the list of claims.
        var error = failure.Errors.TryGetValue("reason", out var reasons)
            ? new FieldError(field, $"Your reason: {reasons[0]}")
            : new FieldError("equivalents-heading", Message(failure));
        return await ViewAsync(id, http, actor, access, null, [error], form, ct);
    }

    private static async Task<IResult> OutcomeAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, RecordOutcome record, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, access, ct);
        if (form is null)
        {
            return refusal!;
        }
        // The form becomes the API's request as it is; the call-off rules judge it and name the fields at fault.
        var errors = new List<FieldError>();
        var result = form.Text("outcome-result");
        var awarded = result == CallOffResult.Awarded;
        var value = form.Text("outcome-value");
        var valueGbp = awarded ? Money.Parse(value) : null;
        if (awarded && valueGbp is null && value.Length > 0)
        {
            errors.Add(new FieldError("outcome-value", "Contract value must be an amount in pounds, like 480000"));
        }
        DateOnly? Date(string field, string label) =>
            awarded && DateField.Parts.From(form, field).ToDate(field, label, required: true, errors) is { } date ? date : null;
        var request = new CallOffRequest
        {
            Result = result.Length > 0 ? result : null,
            OfferingId = awarded ? form.Text("outcome-offering") : null,
            ValueGbp = valueGbp,
            StartDate = Date("outcome-start", "Contract start"),
            EndDate = Date("outcome-end", "Contract end"),
            Method = awarded && form.Text("outcome-method") is { Length: > 0 } method ? method : null,
            Reason = form.Text("outcome-reason") is { Length: > 0 } reason ? reason : null,
            Process = awarded && form.Text("outcome-process") is { Length: > 0 } process ? process : null,
            IntentionNotice = awarded && form.Text("outcome-notice") is { Length: > 0 } notice
                ? new IntentionNotice(notice, DateField.Parts.From(form, "outcome-notice-on").ToDate("outcome-notice-on", "Notice published on", required: true, errors))
                : null,
        };
        if (errors.Count > 0)
        {
            return await ViewAsync(id, http, actor, access, null, [.. errors.GroupBy(e => e.FieldId).Select(g => g.First())], form, ct);
        }
        var recorded = await record.RunAsync(actor, id, request, form.Text("etag"), ct);
        if (recorded.Succeeded)
        {
            return Results.Redirect($"/shortlists/{id}?done=outcome");
        }
        var failure = recorded.Failure;
        var fieldErrors = failure.Errors.SelectMany(e => e.Value.Select(m => Error(e.Key, m))).GroupBy(e => e.FieldId).Select(g => g.First()).ToList();
        return await ViewAsync(id, http, actor, access, null, fieldErrors.Count > 0 ? fieldErrors : [new FieldError("outcome-result", Message(failure))], form, ct);
    }

    private static async Task<IResult> ChecksAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, CallOffRoutes routes, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, access, ct);
        if (form is null)
        {
            return refusal!;
        }
        var errors = new List<FieldError>();
        var checkedOn = DateField.Parts.From(form, "checks-on").ToDate("checks-on", "Checked on", required: true, errors);
        if (errors.Count > 0)
        {
            return await ViewAsync(id, http, actor, access, null, errors, form, ct);
        }
        var request = new AwardChecksRequest
        {
            DebarmentListChecked = form.Text("checks-debarment") == "yes",
            CheckedOn = checkedOn,
            ExcludedSupplierIds = [],
            ConflictsDeclaration = form.Text("checks-declaration"),
            ConflictFound = form.Text("checks-conflict") switch { "yes" => true, "no" => false, _ => null },
            Mitigation = form.Text("checks-mitigation") is { Length: > 0 } mitigation ? mitigation : null,
        };
        var recorded = await routes.RecordChecksAsync(actor, id, request, form.Text("etag"), ct);
        if (recorded.Succeeded)
        {
            return Results.Redirect($"/shortlists/{id}?done=checks");
        }
        var failure = recorded.Failure;
        var fieldErrors = failure.Errors.Select(e => e.Key switch
        {
            "debarmentListChecked" => new FieldError("checks-debarment", $"Exclusion and debarment: {e.Value[0]}"),
            "checkedOn" => new FieldError("checks-on-day", $"Checked on {e.Value[0]}"),
            "conflictFound" => new FieldError("checks-conflict", $"Conflict of interest: {e.Value[0]}"),
            "mitigation" => new FieldError("checks-mitigation", $"Mitigation: {e.Value[0]}"),
            _ => new FieldError("checks-declaration", $"Conflicts of interest: {e.Value[0]}"),
        }).ToList();
        return await ViewAsync(id, http, actor, access, null, fieldErrors.Count > 0 ? fieldErrors : [new FieldError("route-heading", Message(failure))], form, ct);
    }

    private static async Task<IResult> StartCompetitionAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, access, ct);
        if (form is null)
        {
            return refusal!;
        }
        var errors = new List<FieldError>();
        var day = DateField.Parts.From(form, "competition-deadline").ToDate("competition-deadline", "Deadline", required: true, errors);
        var deadline = Dates.UkToUtc(day, form.Text("competition-time"), "competition-time", errors);
        if (errors.Count > 0)
        {
            return await ViewAsync(id, http, actor, access, null, errors, form, ct);
        }
        var started = await competitions.StartAsync(actor, id, new StartCompetitionRequest { Deadline = deadline, Standstill = form.Text("competition-standstill") == "yes" }, ct);
        if (started.Succeeded)
        {
            return Results.Redirect($"/competitions/{id}?done=started");
        }
        var failure = started.Failure;
        var fieldErrors = failure.Errors.Select(e => new FieldError("competition-deadline-day", $"Deadline {e.Value[0]}")).ToList();
        return await ViewAsync(id, http, actor, access, null, fieldErrors.Count > 0 ? fieldErrors : [new FieldError("competition-heading", Message(failure))], form, ct);
    }

    private static async Task<IResult> ExportAsync(string id, string? format, HttpContext http, Actor actor, CommissionerAccess access,
        Microsoft.Extensions.Options.IOptions<OcdsOptions> ocds, TimeProvider time, CancellationToken ct)
    {
        if (format is not ("csv" or "ocds"))
        {
            return await PageErrors.ResultAsync(http, Failure.Invalid("format", "must be csv or ocds"));
        }
        var found = await access.ShortlistAsync(actor, id, ct);
        return found.Succeeded ? ShortlistsApi.Export(found.Value.Document, format, http.Request, ocds.Value, time) : await PageErrors.ResultAsync(http, found.Failure);
    }

    private static string Message(Failure failure) => failure.Kind is FailureKind.Stale or FailureKind.PreconditionRequired
        ? "Someone changed this shortlist after you opened it. The page now shows its latest state; check it and try again"
        : failure.Detail;

    private static FieldError Error(string path, string message)
    {
        var key = path.TrimStart('$', '.');
        var (field, label) = key switch
        {
            "result" => ("outcome-result", "How the call-off ended"),
            "offeringId" => ("outcome-offering", "Awarded to"),
            "valueGbp" => ("outcome-value", "Contract value"),
            "startDate" => ("outcome-start-day", "Contract start"),
            "endDate" => ("outcome-end-day", "Contract end"),
            "method" => ("outcome-offering", "Award method"),
            "process" => ("outcome-process", "Process"),
            "intentionNotice" => ("outcome-notice", "Notice of intention"),
            "reason" => ("outcome-reason", "Reason"),
            _ => ("outcome-result", "The outcome"),
        };
        return new FieldError(field, $"{label} {message}");
    }
}
