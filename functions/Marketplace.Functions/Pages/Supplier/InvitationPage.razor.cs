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

namespace Marketplace.Functions.Pages.Supplier;

public partial class InvitationPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/supplier/invitations/{id}", ShowAsync).WithName("SupplierInvitationPage").WithSummary("An invitation to a further competition.").AsWebPage()
            .AllowInvitedSupplier();
        app.MapPost("/supplier/invitations/{id}/questions", AskAsync).WithName("AskClarificationForm").WithSummary("Asks a clarification question.").AsWebPage()
            .AllowInvitedSupplier();
        app.MapPost("/supplier/invitations/{id}/response", RespondAsync).WithName("SubmitResponseForm").WithSummary("Sends a sealed response.").AsWebPage()
            .AllowInvitedSupplier();
    }

    private static Task<IResult> ShowAsync(string id, string? done, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct) =>
        ViewAsync(id, http, actor, competitions, done switch
        {
            "asked" => "Question sent. Its answer will be shown here to every invited supplier.",
            "responded" => "Response received. It stays sealed until the deadline.",
            _ => null,
        }, [], FormCollection.Empty, ct);

    private static async Task<IResult> ViewAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, string? done,
        IReadOnlyList<FieldError> errors, IFormCollection posted, CancellationToken ct)
    {
        var found = await competitions.ReadAsync(actor, id, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return Views.Of<InvitationPage>(new Model(await PageContext.ForAsync(http), CompetitionView.Of(found.Value, actor, now), !CompetitionRules.IsPastDeadline(found.Value, now),
                done, errors, posted),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The posted form, for an invited supplier only (asked before the form is read).</summary>
    private static async Task<(IFormCollection? Form, IResult? Refusal)> InviteesFormAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct) =>
        (await competitions.ReadAsync(actor, id, ct)).Failure is { } refused ? (null, await PageErrors.ResultAsync(http, refused)) : await PageForms.ReadAsync(http);

    private static async Task<IResult> AskAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await InviteesFormAsync(id, http, actor, competitions, ct);
        if (form is null)
        {
            return refusal!;
        }
        var asked = await competitions.AskAsync(actor, id, form.Text("question"), ct);
        return asked.Succeeded
            ? Results.Redirect($"/supplier/invitations/{id}?done=asked")
            : await ViewAsync(id, http, actor, competitions, null,
                [asked.Failure.Errors.Count > 0 ? new FieldError("question", $"Your question: {asked.Failure.Errors.First().Value[0]}") : new FieldError("questions-heading", asked.Failure.Detail)], form, ct);
    }

    private static async Task<IResult> RespondAsync(string id, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await InviteesFormAsync(id, http, actor, competitions, ct);
        if (form is null)
        {
            return refusal!;
        }
        var competition = (await competitions.ReadAsync(actor, id, ct)).Value!;
        var price = form.Text("price");
        var priceGbp = Money.Parse(price);
        if (priceGbp is null && price.Length > 0)
        {
            return await ViewAsync(id, http, actor, competitions, null, [new FieldError("price", "Price must be an amount in pounds, like 120000")], form, ct);
        }
        // Every answer box is sent as typed; the competition's rules say which are missing, by criterion.
        var answers = competition.Criteria.Where(c => !c.IsPrice && c.Weight > 0).ToDictionary(c => c.Id,
            c => new AnswerRequest(form.Text($"answer-{c.Id}"), form.Text($"evidence-{c.Id}") is { Length: > 0 } evidence ? evidence : null), StringComparer.Ordinal);
        var sent = await competitions.SubmitAsync(actor, id, actor.OrganisationId ?? "", new ResponseRequest { PriceGbp = priceGbp, Answers = answers }, ct);
        if (sent.Succeeded)
        {
            return Results.Redirect($"/supplier/invitations/{id}?done=responded");
        }
        var failure = sent.Failure;
        var fieldErrors = failure.Errors.Select(e => e.Key.StartsWith("answers.", StringComparison.Ordinal)
                ? new FieldError($"answer-{e.Key["answers.".Length..]}", $"Your answer: {e.Value[0]}")
                : new FieldError("price", $"Price: {e.Value[0]}"))
            .ToList();
        // A late response is refused with the rule's own words (when responses closed), in the error summary.
        return await ViewAsync(id, http, actor, competitions, null, fieldErrors.Count > 0 ? fieldErrors : [new FieldError("response-heading", failure.Detail)], form, ct);
    }
}
