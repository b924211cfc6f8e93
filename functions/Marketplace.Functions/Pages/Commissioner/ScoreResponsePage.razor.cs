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

namespace Marketplace.Functions.Pages.Commissioner;

public partial class ScoreResponsePage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/competitions/{id}/responses/{supplierId}", ShowAsync).WithName("ScoreResponsePage").WithSummary("One response to score, after the deadline.").AsWebPage()
            .AllowOwningCommissioner("competition");
        app.MapPost("/competitions/{id}/responses/{supplierId}", ScoreAsync).WithName("ScoreResponseForm").WithSummary("Scores one response.").AsWebPage()
            .AllowOwningCommissioner("competition");
    }

    private static Task<IResult> ShowAsync(string id, string supplierId, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct) =>
        ViewAsync(id, supplierId, http, actor, competitions, [], FormCollection.Empty, ct);

    private static async Task<IResult> ViewAsync(string id, string supplierId, HttpContext http, Actor actor, FurtherCompetitions competitions,
        IReadOnlyList<FieldError> errors, IFormCollection posted, CancellationToken ct)
    {
        var found = await competitions.ResponseToScoreAsync(actor, id, supplierId, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var name = found.Value.Competition.Invitations.FirstOrDefault(i => i.SupplierId == supplierId)?.SupplierName ?? supplierId;
        return Views.Of<ScoreResponsePage>(new Model(await PageContext.ForAsync(http), found.Value, name, errors, posted),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ScoreAsync(string id, string supplierId, HttpContext http, Actor actor, FurtherCompetitions competitions, CancellationToken ct)
    {
        var (form, refusal) = await CompetitionPage.OwnersFormAsync(id, http, actor, competitions, ct);
        if (form is null)
        {
            return refusal!;
        }
        var found = await competitions.ResponseToScoreAsync(actor, id, supplierId, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var errors = new List<FieldError>();
        var scores = new Dictionary<string, ScoreRequest>(StringComparer.Ordinal);
        foreach (var criterion in found.Value.Competition.Criteria.Where(c => !c.IsPrice && c.Weight > 0))
        {
            var typed = form.Text($"score-{criterion.Id}");
            var reason = form.Text($"reason-{criterion.Id}");
            double? score = null;
            if (typed.Length > 0)
            {
                if (double.TryParse(typed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    score = value;
                }
                else
                {
                    errors.Add(new FieldError($"score-{criterion.Id}", $"{criterion.Text}: the score must be a number from 0 to 1, like 0.75"));
                }
            }
            scores[criterion.Id] = new ScoreRequest(score, reason.Length > 0 ? reason : null);
        }
        if (errors.Count > 0)
        {
            return await ViewAsync(id, supplierId, http, actor, competitions, errors, form, ct);
        }
        var scored = await competitions.ScoreAsync(actor, id, supplierId, new ScoresRequest { Scores = scores }, ct);
        if (scored.Succeeded)
        {
            return Results.Redirect($"/competitions/{id}?done=scored");
        }
        var failure = scored.Failure;
        if (failure.Errors.Count == 0)
        {
            return await PageErrors.ResultAsync(http, failure);
        }
        var criteria = found.Value.Competition.Criteria;
        var fieldErrors = failure.Errors.Select(e =>
        {
            var criterionId = e.Key.StartsWith("scores.", StringComparison.Ordinal) ? e.Key["scores.".Length..] : e.Key;
            var text = criteria.FirstOrDefault(c => c.Id == criterionId)?.Text ?? criterionId;
            // A missing reason is the reason box's error; a score out of range is the score's.
            var field = e.Value[0].Contains("reason", StringComparison.Ordinal) ? $"reason-{criterionId}" : $"score-{criterionId}";
            return new FieldError(field, $"{text}: {e.Value[0]}");
        }).ToList();
        return await ViewAsync(id, supplierId, http, actor, competitions, fieldErrors, form, ct);
    }
}
