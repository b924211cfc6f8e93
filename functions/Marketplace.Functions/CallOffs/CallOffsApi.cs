using Marketplace.Core.Access;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.CallOffs;

/// <summary>
/// Call-offs: the legal route of a locked shortlist, the award checks, and the further competition (invitations,
/// clarifications, sealed responses, scoring, award decision, standstill, contract) with its notices as OCDS releases.
/// </summary>
public static class CallOffsApi
{
    /// <summary>A clarification question or its answer.</summary>
    public sealed record TextBody(string? Text);

    public static RouteGroupBuilder MapCallOffs(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api", "CallOffs");
        group.MapGet("/shortlists/{id}/route", async (string id, Actor actor, CallOffRoutes routes, CancellationToken ct) =>
                (await routes.ReadAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("GetCallOffRoute")
            .ProducesProblems(403, 404)
            .WithSummary("The legal route of the shortlist's call-off: regime (Procurement Act framework call-off, light-touch, Provider Selection Regime, or not modelled for " +
                "Scotland, Wales and Northern Ireland), the processes it allows, whether standstill is required, and why.")
            .AllowOwningCommissionerOrAdmin("shortlist");
        group.MapPost("/shortlists/{id}/award-checks", async (string id, JsonBody<AwardChecksRequest> body, Actor actor, CallOffRoutes routes, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                (await routes.RecordChecksAsync(actor, id, body.Value, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response, ShortlistView.Of))
            .WithName("RecordAwardChecks")
            .ValidateBodyAgainst("award-checks.schema.json")
            .ProducesProblems(400, 403, 404, 409, 412, 428)
            .WithSummary("Records, on a locked shortlist (If-Match required), the exclusion and debarment check and the conflicts-of-interest declaration that must precede any award decision.")
            .AllowOwningCommissioner("shortlist");
        group.MapPost("/shortlists/{id}/competition", async (string id, JsonBody<StartCompetitionRequest> body, Actor actor, FurtherCompetitions competitions, TimeProvider time, HttpResponse response, CancellationToken ct) =>
                (await competitions.StartAsync(actor, id, body.Value, ct)).ToResult(stored =>
                {
                    response.Headers.ETag = stored.ETag;
                    return TypedResults.Created($"/api/competitions/{stored.Document.Id}", CompetitionView.Of(stored.Document, actor, time.GetUtcNow()));
                }))
            .WithName("StartCompetition")
            .ValidateBodyAgainst("competition-start.schema.json")
            .ProducesProblems(400, 403, 404, 409)
            .WithSummary("Starts a further competition from a locked shortlist: invites every supplier admitted to the lot with an active offering in it, publishes the criteria, " +
                "weights and deadline, and the tender notice. 409 when the route allows no competition, the shortlist is not locked, or one has started.")
            .AllowOwningCommissioner("shortlist");
        group.MapGet("/competitions/{id}", async (string id, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.ReadAsync(actor, id, ct)).ToResult(c => TypedResults.Ok(CompetitionView.Of(c, actor, time.GetUtcNow()))))
            .WithName("GetCompetition")
            .ProducesProblems(403, 404)
            .WithSummary("The competition as the caller may see it: its commissioner (and Admins) see invitations and how many responses arrived, never their content; invited suppliers see " +
                "the anonymised clarifications, when their own response arrived and, after the award, their own assessment summary.")
            .AllowCompetitionParties();
        group.MapGet("/suppliers/{id}/invitations", async (string id, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.InvitationsAsync(actor, id, ct)).ToResult(found => TypedResults.Ok<IReadOnlyList<CompetitionView>>([.. found.Select(c => CompetitionView.Of(c, actor, time.GetUtcNow()))])))
            .WithName("ListSupplierInvitations")
            .ProducesProblems(403, 404)
            .WithSummary("The competitions a supplier is invited to, newest first.")
            .AllowRoles(MarketplaceRole.Supplier, MarketplaceRole.Admin)
            .ScopedToOrganisation("supplier", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));
        group.MapPost("/competitions/{id}/questions", async (string id, JsonBody<TextBody> body, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.AskAsync(actor, id, body.Value.Text, ct)).ToView(actor, time))
            .WithName("AskClarification")
            .ValidateBodyAgainst("clarification.schema.json")
            .ProducesProblems(400, 403, 404, 409)
            .WithSummary("An invited supplier asks a clarification question (body { \"text\": \"…\" }) before the deadline; its name is never published.")
            .AllowInvitedSupplier();
        group.MapPost("/competitions/{id}/questions/{questionId}/answer", async (string id, string questionId, JsonBody<TextBody> body, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.AnswerAsync(actor, id, questionId, body.Value.Text, ct)).ToView(actor, time))
            .WithName("AnswerClarification")
            .ValidateBodyAgainst("clarification.schema.json")
            .ProducesProblems(400, 403, 404, 409)
            .WithSummary("The commissioner publishes an answer (body { \"text\": \"…\" }) to every invitee, anonymised, before the deadline.")
            .AllowOwningCommissioner("competition");
        group.MapPut("/competitions/{id}/responses/{supplierId}", async (string id, string supplierId, JsonBody<ResponseRequest> body, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.SubmitAsync(actor, id, supplierId, body.Value, ct)).ToView(actor, time))
            .WithName("SubmitResponse")
            .ValidateBodyAgainst("competition-response.schema.json")
            .ProducesProblems(400, 403, 404, 409)
            .WithSummary("An invited supplier submits or replaces its sealed response before the deadline: priceGbp for the specification's volume and term, and answers " +
                "{ criterionId: { answer, evidence } } for every weighted non-price criterion. 409 deadline-passed once responses have closed.")
            .AllowInvitedSupplier();
        group.MapGet("/competitions/{id}/responses", async (string id, Actor actor, FurtherCompetitions competitions, CancellationToken ct) =>
                (await competitions.ResponsesAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("ListResponses")
            .ProducesProblems(403, 404, 409)
            .WithSummary("The responses, for the competition's commissioner only and only after the deadline (409 responses-sealed before it).")
            .AllowOwningCommissioner("competition");
        group.MapPost("/competitions/{id}/scores/{supplierId}", async (string id, string supplierId, JsonBody<ScoresRequest> body, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.ScoreAsync(actor, id, supplierId, body.Value, ct)).ToView(actor, time))
            .WithName("ScoreResponse")
            .ValidateBodyAgainst("competition-scores.schema.json")
            .ProducesProblems(400, 403, 404, 409)
            .WithSummary("After the deadline the commissioner scores one response: { scores: { criterionId: { score 0–1, reason } } }; a criterion left out takes the score " +
                "pre-filled from the supplier's declared capabilities and verified standards; overriding it needs a reason.")
            .AllowOwningCommissioner("competition");
        group.MapPost("/competitions/{id}/award", async (string id, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.DecideAsync(actor, id, ct)).ToView(actor, time))
            .WithName("DecideAward")
            .ProducesProblems(403, 404, 409)
            .WithSummary("The award decision, to rank 1 on the published weights, with an assessment summary per participant and the award notice; standstill of 8 working days " +
                "(England and Wales bank holidays) where it applies. 409 before the deadline, with unscored responses, or without the award checks.")
            .AllowOwningCommissioner("competition");
        group.MapPost("/competitions/{id}/contract", async (string id, JsonBody<ContractRequest> body, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct) =>
                (await competitions.EnterContractAsync(actor, id, body.Value, ct)).ToView(actor, time))
            .WithName("EnterContract")
            .ValidateBodyAgainst("competition-contract.schema.json")
            .ProducesProblems(400, 403, 404, 409)
            .WithSummary("Enters the contract after standstill (signedOn, valueGbp, startDate, endDate), publishes the contract details notice and records the award on the shortlist. 409 in standstill.")
            .AllowOwningCommissioner("competition");
        group.MapGet("/competitions/{id}/notices", async (string id, Marketplace.Core.Shortlisting.ICommissionerRecords<Competition> competitions, HttpRequest request,
                IOptions<OcdsOptions> ocds, TimeProvider time, CancellationToken ct) =>
            {
                if (!Marketplace.Core.Ids.IsId(id) || await competitions.FindAsync(id, ct) is not { } stored)
                {
                    return (Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>)Marketplace.Core.Outcomes.Failure.NotFound("competition", id).ToProblem();
                }
                var publisher = new OcdsPublisher(ocds.Value.OcidPrefix, ocds.Value.PublisherName, new Uri($"{request.Scheme}://{request.Host}/"));
                return TypedResults.Ok(CompetitionNotices.Build(stored.Document, publisher, time.GetUtcNow()));
            })
            .WithName("GetCompetitionNotices")
            .ProducesProblems(404)
            .WithSummary("The published notices of the competition as an OCDS 1.1 release package: tender, award (contract award notice) and contract (contract details notice) releases. " +
                "Public, as Find a Tender publishes them.")
            .AllowAnyone();
        return group;
    }

    // Every change answers with the competition as its caller may now see it.
    private static Results<Ok<CompetitionView>, ProblemHttpResult> ToView(this Outcome<StoredDocument<Competition>> outcome, Actor actor, TimeProvider time) =>
        outcome.ToResult(stored => TypedResults.Ok(CompetitionView.Of(stored.Document, actor, time.GetUtcNow())));

    private static TBuilder AllowCompetitionParties<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Supplier, MarketplaceRole.Admin)
            .ScopedToOrganisation("competition", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner),
                (MarketplaceRole.Supplier, OrganisationRelation.InvitedSupplier), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    /// <summary>Invited suppliers only (their pages use it too).</summary>
    internal static TBuilder AllowInvitedSupplier<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("competition", (MarketplaceRole.Supplier, OrganisationRelation.InvitedSupplier));
}
