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
using Marketplace.Core.CallOffs;
using Marketplace.Functions.CallOffs;

namespace Marketplace.Functions.Pages.Commissioner;

public partial class CompetitionPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private DateField.Parts Today
    {
        get
        {
            var today = WorkingDays.UkDate(Data.Now);
            return new(today.Day.ToString(CultureInfo.InvariantCulture), today.Month.ToString(CultureInfo.InvariantCulture), today.Year.ToString(CultureInfo.InvariantCulture));
        }
    }

    private string SupplierName(string supplierId) => Data.View.Invitations!.FirstOrDefault(i => i.SupplierId == supplierId)?.SupplierName ?? supplierId;

    private static string NoticeText(string tag) => tag switch
    {
        "tender" => "Tender notice",
        "award" => "Contract award notice",
        _ => "Contract details notice",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/competitions/{id}", ShowAsync).WithName("CompetitionPage").WithSummary("A further competition, for its commissioner.").AsWebPage()
            .AllowOwningCommissioner("competition");
        app.MapPost("/competitions/{id}/questions/{questionId}/answer", AnswerAsync).WithName("AnswerClarificationForm").WithSummary("Publishes an answer to a clarification question.").AsWebPage()
            .AllowOwningCommissioner("competition");
        app.MapPost("/competitions/{id}/award", AwardAsync).WithName("DecideAwardForm").WithSummary("Makes the award decision of a further competition.").AsWebPage()
            .AllowOwningCommissioner("competition");
        app.MapPost("/competitions/{id}/contract", ContractAsync).WithName("EnterContractForm").WithSummary("Enters the contract after standstill.").AsWebPage()
            .AllowOwningCommissioner("competition");
    }

    private static Task<IResult> ShowAsync(string id, string? done, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct) =>
        ViewAsync(id, http, actor, competitions, done switch
        {
            "started" => "Competition started. Every invited supplier can see it, and the tender notice is published.",
            "answered" => "Answer published to every invited supplier.",
            "scored" => "Scores saved.",
            "awarded" => "Award decision made. Every participant can read its assessment summary, and the contract award notice is published.",
            "contracted" => "Contract entered. The contract details notice is published.",
            _ => null,
        }, [], FormCollection.Empty, ct);

    internal static async Task<IResult> ViewAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, string? done,
        IReadOnlyList<FieldError> errors, IFormCollection posted, CancellationToken ct)
    {
        var found = await competitions.ReadOwnAsync(actor, id, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var competition = found.Value;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // Responses only through the use case that keeps them sealed until the deadline.
        var responses = await competitions.ResponsesAsync(actor, id, ct);
        var shortlist = (await http.RequestServices.GetRequiredService<ICommissionerRecords<ShortlistDocument>>().FindAsync(id, ct))!.Document;
        var (route, _) = await http.RequestServices.GetRequiredService<CallOffRoutes>().RouteOfAsync(shortlist, ct);
        var ranking = responses.Succeeded ? CompetitionRules.Rank(competition) : [];
        return Views.Of<CompetitionPage>(new Model(await PageContext.ForAsync(http), CompetitionView.Of(competition, actor, now), competition.Award, responses.Succeeded ? responses.Value : null, ranking,
                CallOffSteps.For(route, shortlist, competition, now), shortlist.Result.Entries.ToDictionary(e => e.OfferingId, e => e.Rank, StringComparer.Ordinal),
                shortlist.Checks is null, now, done, errors, posted),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The posted form, for the competition's own commissioner only (asked before the form is read).</summary>
    internal static async Task<(IFormCollection? Form, IResult? Refusal)> OwnersFormAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct) =>
        (await competitions.ReadOwnAsync(actor, id, ct)).Failure is { } refused ? (null, await PageErrors.ResultAsync(http, refused)) : await PageForms.ReadAsync(http);

    private static async Task<IResult> AnswerAsync(string id, string questionId, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, competitions, ct);
        if (form is null)
        {
            return refusal!;
        }
        var field = $"answer-{questionId}";
        var answered = await competitions.AnswerAsync(actor, id, questionId, form.Text(field), ct);
        if (answered.Succeeded)
        {
            return Results.Redirect($"/competitions/{id}?done=answered");
        }
        if (answered.Failure.Kind == FailureKind.NotFound)
        {
            return await PageErrors.ResultAsync(http, answered.Failure);
        }
        var message = answered.Failure.Errors.Count > 0 ? $"Your answer: {answered.Failure.Errors.First().Value[0]}" : answered.Failure.Detail;
        return await ViewAsync(id, http, actor, competitions, null, [new FieldError(answered.Failure.Errors.Count > 0 ? field : "questions-heading", message)], form, ct);
    }

    private static async Task<IResult> AwardAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, competitions, ct);
        if (form is null)
        {
            return refusal!;
        }
        var decided = await competitions.DecideAsync(actor, id, ct);
        return decided.Succeeded
            ? Results.Redirect($"/competitions/{id}?done=awarded")
            : await ViewAsync(id, http, actor, competitions, null, [new FieldError("award-heading", decided.Failure.Detail)], form, ct);
    }

    private static async Task<IResult> ContractAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await OwnersFormAsync(id, http, actor, competitions, ct);
        if (form is null)
        {
            return refusal!;
        }
        var errors = new List<FieldError>();
        var signedOn = DateField.Parts.From(form, "contract-signed").ToDate("contract-signed", "Signed on", required: true, errors);
        var value = Money.Parse(form.Text("contract-value"));
        if (value is null && form.Text("contract-value").Length > 0)
        {
            errors.Add(new FieldError("contract-value", "Contract value must be an amount in pounds, like 480000"));
        }
        var start = DateField.Parts.From(form, "contract-start").ToDate("contract-start", "Contract start", required: true, errors);
        var end = DateField.Parts.From(form, "contract-end").ToDate("contract-end", "Contract end", required: true, errors);
        if (errors.Count > 0)
        {
            return await ViewAsync(id, http, actor, competitions, null, errors, form, ct);
        }
        var entered = await competitions.EnterContractAsync(actor, id, new ContractRequest { SignedOn = signedOn, ValueGbp = value, StartDate = start, EndDate = end }, ct);
        if (entered.Succeeded)
        {
            return Results.Redirect($"/competitions/{id}?done=contracted");
        }
        var failure = entered.Failure;
        var fieldErrors = failure.Errors.Select(e => e.Key switch
        {
            "signedOn" => new FieldError("contract-signed-day", $"Signed on: {e.Value[0]}"),
            "valueGbp" => new FieldError("contract-value", $"Contract value: {e.Value[0]}"),
            "startDate" => new FieldError("contract-start-day", $"Contract start: {e.Value[0]}"),
            _ => new FieldError("contract-end-day", $"Contract end: {e.Value[0]}"),
        }).ToList();
        return await ViewAsync(id, http, actor, competitions, null, fieldErrors.Count > 0 ? fieldErrors : [new FieldError("contract-heading", failure.Detail)], form, ct);
    }
}
