using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Functions.Specifications;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary>
/// <c>POST /api/specifications/{id}/shortlist</c>: scores the specification against the catalogue now and stores a draft
/// shortlist: the ranked entries with every criterion explained, the exclusions with every failed gate, and the counts.
/// </summary>
public static partial class CreateShortlist
{
    public static RouteHandlerBuilder MapCreateShortlist(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/specifications/{id}/shortlist", HandleAsync)
            .WithName("CreateShortlist")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary($"Scores the specification against every active offering and stores a draft shortlist with the top ?maxResults= entries " +
                $"(default {ShortlistLocking.DefaultMaxResults}, at most {ShortlistLocking.MaxResultsLimit}), every criterion explained, and every offering in the lot that was left out with the gates it failed.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("specification", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner));

    public static async Task<Results<Created<ShortlistView>, ProblemHttpResult>> HandleAsync(
        string id, string? maxResults, ClaimsPrincipal user, CatalogueTables catalogue, ShortlistingTables tables, TimeProvider time, HttpResponse response, ILoggerFactory logs, CancellationToken ct)
    {
        var (stored, problem) = await SpecificationAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        var keep = ShortlistLocking.DefaultMaxResults;
        if (maxResults is not null && (!int.TryParse(maxResults, NumberStyles.None, CultureInfo.InvariantCulture, out keep) || keep is < 1 or > ShortlistLocking.MaxResultsLimit))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["maxResults"] = [$"must be a whole number from 1 to {ShortlistLocking.MaxResultsLimit}"] });
        }
        var specification = stored.Document;
        var (template, framework, invalid) = await SpecificationAccess.CheckAsync(specification.ToSpecification(), tables, catalogue, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        var now = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var input = await ShortlistInputs.LoadAsync(framework!, DateOnly.FromDateTime(now.UtcDateTime), catalogue, ct);
        var loaded = Stopwatch.GetElapsedTime(started);
        var scored = Scorer.Score(template!, specification.ToSpecification(), input);
        var scoredIn = Stopwatch.GetElapsedTime(started) - loaded;
        var lot = framework!.Lots.First(l => l.Id == specification.LotId);
        var commissioner = (await catalogue.Organisations.FindAsync(specification.CommissionerId, ct))?.Document.Name ?? specification.CommissionerId;
        var context = new ShortlistContext(template!.Name, framework.Id, framework.Reference, framework.Name, lot.Name, commissioner);
        var actor = user.ToActor();
        var shortlist = ShortlistLocking.Draft($"sl-{Guid.NewGuid():N}"[..15], specification, template, input, scored, keep, context, now, actor.UserId);
        var created = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistingTables.ShortlistSubject, shortlist.Id, "create", null, ShortlistStatus.Draft, now)
            with
            {
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"From specification {specification.Id} ({specification.Title}): {shortlist.Counts.Considered} offerings considered, {shortlist.Counts.Eligible} eligible, {shortlist.Counts.Listed} listed, {shortlist.Counts.Excluded} excluded in the lot"),
            };
        if (await tables.Shortlists.AddAsync(shortlist, created, ct) is not { } saved)
        {
            return ProblemResults.Of(409, Problems.Conflict, "Could not allocate a shortlist id.", "Please try again.");
        }
        Preconditions.SetETag(response, saved.ETag);
        LogScored(logs.CreateLogger(typeof(CreateShortlist)), shortlist.Id, input.Offerings.Count, input.Attestations.Count, (long)loaded.TotalMilliseconds,
            (long)scoredIn.TotalMilliseconds, (long)(Stopwatch.GetElapsedTime(started) - loaded - scoredIn).TotalMilliseconds);
        return TypedResults.Created($"/api/shortlists/{shortlist.Id}", ShortlistView.Of(shortlist));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shortlist {ShortlistId}: read {Offerings} offerings and {Attestations} attestations in {LoadMs} ms, scored in {ScoreMs} ms, stored in {StoreMs} ms")]
    private static partial void LogScored(ILogger logger, string shortlistId, int offerings, int attestations, long loadMs, long scoreMs, long storeMs);
}
