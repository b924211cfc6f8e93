using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Functions.Validation;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary>
/// <c>POST /api/shortlists/{id}/outcome</c>: records, once, how the call-off from a locked shortlist ended: awarded to a
/// listed offering (direct award or further competition), cancelled, or none suitable. An award needs the framework to
/// be live and the supplier to be admitted to the lot today.
/// </summary>
public static class RecordShortlistOutcome
{
    public static RouteHandlerBuilder MapRecordShortlistOutcome(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/shortlists/{id}/outcome", HandleAsync)
            .WithName("RecordShortlistOutcome")
            .ValidateBodyAgainst("call-off-outcome.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithTags("Shortlisting")
            .WithSummary("Records the call-off outcome of a locked shortlist, once (If-Match required): awarded (offering from the results, value, start and end dates, " +
                "direct-award or further-competition), cancelled or none-suitable (with a reason). 409 when not locked, already recorded, the framework is not live, " +
                "or the supplier is not admitted to the lot.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("shortlist", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner));

    public static Task<Results<Ok<ShortlistView>, ProblemHttpResult>> HandleAsync(
        string id, CallOffRequest outcome, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        CatalogueTables catalogue, ShortlistingTables tables, TimeProvider time, CancellationToken ct) =>
        RecordAsync(id, outcome, user, request.Headers.IfMatch.ToString(), response, catalogue, tables, time, ct);

    /// <summary>The recording itself, with the If-Match value given (the shortlist page sends it from a hidden field).</summary>
    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> RecordAsync(
        string id, CallOffRequest outcome, ClaimsPrincipal user, string? ifMatchValue, HttpResponse response,
        CatalogueTables catalogue, ShortlistingTables tables, TimeProvider time, CancellationToken ct)
    {
        var (stored, ifMatch, problem) = await ShortlistAccess.LoadForChangeAsync(id, user, ifMatchValue, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        var shortlist = stored.Document;
        var framework = (await catalogue.Frameworks.FindAsync(shortlist.Context.FrameworkId, ct))?.Document ?? shortlist.Snapshot.Framework;
        var actor = user.ToActor();
        var now = time.GetUtcNow();
        var (recorded, refusal) = CallOffRules.Decide(outcome, shortlist, framework, DateOnly.FromDateTime(now.UtcDateTime), now, actor.UserId);
        if (recorded is null)
        {
            return refusal!.Conflict is { } conflict
                ? ShortlistAccess.Conflict(conflict, "The outcome cannot be recorded.")
                : ProblemResults.Validation(refusal.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var next = shortlist with { Outcome = recorded };
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistingTables.ShortlistSubject, id, "outcome", ShortlistStatus.Locked, recorded.Result, now)
            with
            {
                Reason = recorded.Reason,
                Detail = recorded.Result == CallOffResult.Awarded
                    ? $"Awarded {recorded.OfferingName} ({recorded.OfferingId}, rank {recorded.Rank}) to {recorded.SupplierName} by {recorded.Method}, £{recorded.ValueGbp:#,##0.00}, {recorded.StartDate:yyyy-MM-dd} to {recorded.EndDate:yyyy-MM-dd}"
                    : recorded.Result,
            };
        if (await tables.Shortlists.ReplaceAsync(next, shortlist, ifMatch, change, ct) is not { } saved)
        {
            return Preconditions.Stale();
        }
        Preconditions.SetETag(response, saved.ETag);
        return TypedResults.Ok(ShortlistView.Of(next));
    }
}
