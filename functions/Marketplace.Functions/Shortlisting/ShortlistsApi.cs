using System.Globalization;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Shortlisting;

/// <summary>Shortlists: scored from a specification, locked, ended by a call-off outcome, exported as CSV or OCDS, with their audit trail.</summary>
public static partial class ShortlistsApi
{
    /// <summary>One shortlist in a commissioner's list.</summary>
    public sealed record ShortlistSummary(string Id, string SpecificationId, string Title, string Status, DateTimeOffset CreatedAt, int Listed, int Eligible,
        string? TopOfferingId, string? TopOfferingName, string? Outcome, string? Sha256)
    {
        public static ShortlistSummary Of(ShortlistDocument s)
        {
            var top = s.Result.Entries.FirstOrDefault();
            return new(s.Id, s.SpecificationId, s.Title, s.Status, s.CreatedAt, s.Counts.Listed, s.Counts.Eligible, top?.OfferingId, top?.OfferingName, s.Outcome?.Result, s.Lock?.Sha256);
        }
    }

    /// <summary>A locked shortlist's hash against its snapshot re-scored now.</summary>
    public sealed record Verification(string ShortlistId, string Status, string? LockedSha256, string RescoredSha256, bool Reproduced, ShortlistSnapshot Snapshot);

    public static RouteGroupBuilder MapShortlists(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api", "Shortlisting");
        group.MapPost("/specifications/{id}/shortlist", CreateAsync)
            .WithName("CreateShortlist")
            .AdmittedAsShortlistWork()
            .CompressedForClientsThatAsk()
            .ProducesProblems(400, 403, 404)
            .WithSummary($"Scores the specification against every active offering and stores a draft shortlist with the top ?maxResults= entries " +
                $"(default {ShortlistLocking.DefaultMaxResults}, at most {ShortlistLocking.MaxResultsLimit}), every criterion explained, and every offering in the lot that was left out with the gates it failed.")
            .AllowOwningCommissioner("specification");
        group.MapGet("/shortlists/{id}", GetAsync)
            .WithName("GetShortlist")
            .CompressedForClientsThatAsk()
            .ProducesProblems(403, 404)
            .WithSummary("Returns a shortlist and its ETag: ranked entries with per-criterion points and explanations, exclusions with every failed gate, counts, lock and outcome.")
            .AllowOwningCommissionerOrAdmin("shortlist");
        group.MapGet("/commissioners/{id}/shortlists", ListAsync)
            .WithName("ListCommissionerShortlists")
            .ProducesProblems(403, 404)
            .WithSummary("Lists a commissioner's shortlists, newest first: status, counts, top offering, outcome and lock hash.")
            .AllowOwningCommissionerOrAdmin("commissioner");
        group.MapPost("/shortlists/{id}/lock", LockAsync)
            .WithName("LockShortlist")
            .AdmittedAsShortlistWork()
            .CompressedForClientsThatAsk()
            .ProducesProblems(403, 404, 409, 412, 428)
            .WithSummary("Locks a draft shortlist (If-Match required): re-scores its snapshot, stores the SHA-256 of its canonical JSON, and refuses an empty or already locked shortlist (409).")
            .AllowOwningCommissioner("shortlist");
        group.MapPost("/shortlists/{id}/outcome", RecordOutcomeAsync)
            .WithName("RecordShortlistOutcome")
            .CompressedForClientsThatAsk()
            .ValidateBodyAgainst("call-off-outcome.schema.json")
            .ProducesProblems(400, 403, 404, 409, 412, 428)
            .WithSummary("Records the call-off outcome of a locked shortlist, once (If-Match required): awarded (offering from the results, value, start and end dates, " +
                "direct-award or further-competition), cancelled or none-suitable (with a reason). 409 when not locked, already recorded, the framework is not live, " +
                "or the supplier is not admitted to the lot.")
            .AllowOwningCommissioner("shortlist");
        group.MapGet("/shortlists/{id}/export", ExportAsync)
            .WithName("ExportShortlist")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblems(400, 403, 404)
            .WithSummary("Exports the shortlist: ?format=csv (RFC 4180: rank, offering, supplier, total, a points column per criterion, exclusions with reasons) " +
                "or ?format=ocds (an OCDS 1.1 release package: parties, tender with award criteria, the award, the framework as a related process).")
            .AllowOwningCommissionerOrAdmin("shortlist");
        group.MapGet("/shortlists/{id}/verify", VerifyAsync)
            .WithName("VerifyShortlist")
            .AdmittedAsShortlistWork()
            .CompressedForClientsThatAsk()
            .ProducesProblems(403, 404, 409)
            .WithSummary("Re-scores the shortlist's snapshot (with every decision on a claimed equivalent it records) and compares the SHA-256 with the one stored at lock (reproduced true/false); returns the snapshot re-scored.")
            .AllowOwningCommissionerOrAdmin("shortlist");
        group.MapPost("/shortlists/{id}/equivalents/{attestationId}/accept", (string id, string attestationId, OptionalJsonBody<EquivalentDecisionRequest> body, Actor actor,
                DecideEquivalent decide, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                DecideEquivalentAsync(id, attestationId, accept: true, body.Value, actor, decide, request, response, ct))
            .WithName("AcceptEquivalent")
            .AdmittedAsShortlistWork()
            .CompressedForClientsThatAsk()
            .ProducesProblems(400, 403, 404, 409, 412, 428)
            .WithSummary("The owning commissioner accepts a supplier's claimed equivalent pending on its draft shortlist (Procurement Act 2023 s.56); body { \"reason\": \"…\" } " +
                "is required (If-Match required). The standard then counts through the claim on this shortlist only, and the shortlist is re-scored with the decision. " +
                "404 when the claim is not pending on this shortlist, 409 once the shortlist is locked.")
            .AllowOwningCommissioner("shortlist");
        group.MapPost("/shortlists/{id}/equivalents/{attestationId}/reject", (string id, string attestationId, OptionalJsonBody<EquivalentDecisionRequest> body, Actor actor,
                DecideEquivalent decide, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                DecideEquivalentAsync(id, attestationId, accept: false, body.Value, actor, decide, request, response, ct))
            .WithName("RejectEquivalent")
            .AdmittedAsShortlistWork()
            .CompressedForClientsThatAsk()
            .ProducesProblems(400, 403, 404, 409, 412, 428)
            .WithSummary("The owning commissioner rejects a supplier's claimed equivalent pending on its draft shortlist; body { \"reason\": \"…\" } is required " +
                "(If-Match required). The standard stays not met and the exclusion says why. 404 when the claim is not pending on this shortlist, 409 once locked.")
            .AllowOwningCommissioner("shortlist");
        group.MapGet("/shortlists/{id}/history", HistoryAsync)
            .WithName("GetShortlistHistory")
            .ProducesProblems(403, 404)
            .WithSummary("Returns the shortlist's audit trail, oldest first: creation, decisions on claimed equivalents with their reasons, lock with its SHA-256, and the outcome, each with who and when.")
            .AllowOwningCommissionerOrAdmin("shortlist");
        return group;
    }

    public static async Task<Results<Created<ShortlistView>, ProblemHttpResult>> CreateAsync(
        string id, string? maxResults, Actor actor, CreateShortlist create, HttpResponse response, ILogger<CreateShortlist> log, CancellationToken ct)
    {
        var keep = ShortlistLocking.DefaultMaxResults;
        if (maxResults is not null && !int.TryParse(maxResults, NumberStyles.None, CultureInfo.InvariantCulture, out keep))
        {
            keep = 0; // not a whole number: the use case names the field, after the existence and ownership checks
        }
        return (await create.RunAsync(actor, id, keep, ct)).ToResult(created =>
        {
            var (stored, t) = created;
            LogScored(log, stored.Document.Id, (long)t.Check.TotalMilliseconds, t.Offerings, t.Attestations, (long)t.Read.TotalMilliseconds, (long)t.Score.TotalMilliseconds, (long)t.Store.TotalMilliseconds);
            response.Headers.ETag = stored.ETag;
            return TypedResults.Created($"/api/shortlists/{stored.Document.Id}", ShortlistView.Of(stored.Document));
        });
    }

    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> GetAsync(
        string id, Actor actor, CommissionerAccess access, HttpResponse response, CancellationToken ct) =>
        (await access.ShortlistAsync(actor, id, ct)).ToOkWithETag(response, ShortlistView.Of);

    public static async Task<Results<Ok<IReadOnlyList<ShortlistSummary>>, ProblemHttpResult>> ListAsync(
        string id, Actor actor, CommissionerAccess access, CancellationToken ct) =>
        (await access.ShortlistsOfAsync(actor, id, ct)).ToResult(found => TypedResults.Ok<IReadOnlyList<ShortlistSummary>>([.. found.Select(ShortlistSummary.Of)]));

    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> LockAsync(
        string id, Actor actor, LockShortlist lockShortlist, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        (await lockShortlist.RunAsync(actor, id, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response, ShortlistView.Of);

    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> RecordOutcomeAsync(
        string id, JsonBody<CallOffRequest> outcome, Actor actor, RecordOutcome record, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        (await record.RunAsync(actor, id, outcome.Value, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response, ShortlistView.Of);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string id, string? format, Actor actor, CommissionerAccess access, HttpRequest request, IOptions<OcdsOptions> ocds, TimeProvider time, CancellationToken ct)
    {
        if (format is not ("csv" or "ocds"))
        {
            return Failure.Invalid("format", "must be csv or ocds").ToProblem();
        }
        return (await access.ShortlistAsync(actor, id, ct)).ToResult(stored => Export(stored.Document, format, request, ocds.Value, time));
    }

    /// <summary>The shortlist as a CSV or OCDS download (the API's export and the shortlist page's download links).</summary>
    public static FileContentHttpResult Export(ShortlistDocument shortlist, string format, HttpRequest request, OcdsOptions ocds, TimeProvider time)
    {
        if (format == "csv")
        {
            return TypedResults.File(ShortlistCsv.Utf8.GetBytes(ShortlistCsv.Write(shortlist)), "text/csv; charset=utf-8", ShortlistCsv.FileNameOf(shortlist, "csv"));
        }
        var publisher = new OcdsPublisher(ocds.OcidPrefix, ocds.PublisherName, new Uri($"{request.Scheme}://{request.Host}/"));
        var json = OcdsReleasePackage.Build(shortlist, publisher, time.GetUtcNow()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return TypedResults.File(ShortlistCsv.Utf8.GetBytes(json), "application/json", ShortlistCsv.FileNameOf(shortlist, "ocds.json"));
    }

    public static async Task<Results<Ok<Verification>, ProblemHttpResult>> VerifyAsync(string id, Actor actor, CommissionerAccess access, CancellationToken ct)
    {
        var found = await access.ShortlistAsync(actor, id, ct);
        // A snapshot on a template version whose rules are since retired cannot be re-scored at all: say so (409), never a 500.
        Outcome<StoredDocument<ShortlistDocument>> scorable = found.Succeeded && ShortlistLocking.Retired(found.Value.Document.Snapshot) is { } retired
            ? ShortlistConflict.Of(retired, "The shortlist cannot be re-scored.")
            : found;
        return scorable.ToResult(stored =>
        {
            var shortlist = stored.Document;
            var rescored = ShortlistLocking.RescoredHashOf(shortlist.Snapshot);
            var expected = shortlist.Lock?.Sha256 ?? ShortlistLocking.HashOf(shortlist.Snapshot, shortlist.Result.Entries);
            return TypedResults.Ok(new Verification(id, shortlist.Status, shortlist.Lock?.Sha256, rescored, rescored == expected, shortlist.Snapshot));
        });
    }

    /// <summary>The body of a decision on a claimed equivalent: the commissioner's reason, required.</summary>
    public sealed record EquivalentDecisionRequest(string? Reason);

    public static async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> DecideEquivalentAsync(string id, string attestationId, bool accept,
        EquivalentDecisionRequest? body, Actor actor, DecideEquivalent decide, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        (await decide.RunAsync(actor, id, attestationId, accept, body?.Reason, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response, ShortlistView.Of);

    public static async Task<Results<Ok<RecordHistory>, ProblemHttpResult>> HistoryAsync(string id, Actor actor, CommissionerAccess access, CancellationToken ct) =>
        (await access.ShortlistHistoryAsync(actor, id, ct)).ToResult(TypedResults.Ok);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shortlist {ShortlistId}: specification checked in {CheckMs} ms, read {Offerings} offerings and {Attestations} attestations in {LoadMs} ms, scored in {ScoreMs} ms, stored in {StoreMs} ms")]
    private static partial void LogScored(ILogger logger, string shortlistId, long checkMs, int offerings, int attestations, long loadMs, long scoreMs, long storeMs);
}
