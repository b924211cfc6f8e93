using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Shortlisting;

/// <summary>A commissioner's specifications: filled-in templates, owned by the commissioner organisation, changed with If-Match.</summary>
public static class SpecificationsApi
{
    public static RouteGroupBuilder MapSpecifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api", "Shortlisting");
        group.MapPost("/specifications", CreateAsync)
            .WithName("CreateSpecification")
            .ValidateBodyAgainst("specification.schema.json")
            .Accepts<SpecificationDraft>("application/json")
            .ProducesProblems(400, 403)
            .WithSummary("Creates a specification for the caller's commissioner organisation from a template id and version, with lot, region, volume, " +
                "contract months, budget, weights and values. Every problem is answered by field (400): weights are whole numbers from 0 with one above 0, " +
                "never on a gate; values only for rules that take one, of the right type; unknown requirement ids are refused.")
            .AllowRoles(MarketplaceRole.Commissioner);
        group.MapGet("/specifications/{id}", GetAsync)
            .WithName("GetSpecification")
            .ProducesProblems(403, 404)
            .WithSummary("Returns a specification and its ETag (send it as If-Match to change it). Only the owning commissioner organisation.")
            .AllowOwningCommissioner("specification");
        group.MapPut("/specifications/{id}", ReplaceAsync)
            .WithName("ReplaceSpecification")
            .ValidateBodyAgainst("specification.schema.json")
            .Accepts<SpecificationDraft>("application/json")
            .ProducesProblems(400, 403, 404, 412, 428)
            .WithSummary("Replaces a specification. Requires If-Match with the ETag from GET (428 without it, 412 when stale); checked as on create. " +
                "The server's own fields (id, commissionerId, createdAt …) may be sent back as read; another value is refused by name. " +
                "Shortlists already made from it keep the specification they scored.")
            .AllowOwningCommissioner("specification");
        group.MapGet("/specifications/{id}/history", HistoryAsync)
            .WithName("GetSpecificationHistory")
            .ProducesProblems(403, 404)
            .WithSummary("Returns the specification's audit trail, oldest first: creation and every change, who made it and what changed.")
            .AllowOwningCommissioner("specification");
        group.MapGet("/commissioners/{id}/specifications", ListAsync)
            .WithName("ListCommissionerSpecifications")
            .ProducesProblems(403, 404)
            .WithSummary("Lists the commissioner's specifications, most recently changed first. Only that commissioner organisation.")
            .AllowOwningCommissioner("commissioner");
        return group;
    }

    public static async Task<Results<Created<SpecificationDocument>, ProblemHttpResult>> CreateAsync(
        JsonBody<JsonElement> body, Actor actor, CreateSpecification create, HttpResponse response, CancellationToken ct) =>
        (await create.RunAsync(actor, DraftOf(body.Value), ct)).ToCreatedWithETag(response, s => $"/api/specifications/{s.Id}");

    public static async Task<Results<Ok<SpecificationDocument>, ProblemHttpResult>> GetAsync(
        string id, Actor actor, CommissionerAccess access, HttpResponse response, CancellationToken ct) =>
        (await access.SpecificationAsync(actor, id, ct)).ToOkWithETag(response);

    public static async Task<Results<Ok<SpecificationDocument>, ProblemHttpResult>> ReplaceAsync(
        string id, JsonBody<JsonElement> body, Actor actor, ReplaceSpecification replace, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        (await replace.RunAsync(actor, id, DraftOf(body.Value), ServerOwnedOf(body.Value), request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response);

    public static async Task<Results<Ok<RecordHistory>, ProblemHttpResult>> HistoryAsync(string id, Actor actor, CommissionerAccess access, CancellationToken ct) =>
        (await access.SpecificationHistoryAsync(actor, id, ct)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<IReadOnlyList<SpecificationDocument>>, ProblemHttpResult>> ListAsync(
        string id, Actor actor, CommissionerAccess access, CancellationToken ct) =>
        (await access.SpecificationsOfAsync(actor, id, ct)).ToResult(TypedResults.Ok);

    // The body has passed specification.schema.json, so it binds; the server-owned fields are kept aside to be compared.
    private static SpecificationDraft DraftOf(JsonElement body) => body.Deserialize<SpecificationDraft>(JsonSerializerOptions.Web)!;

    private static Dictionary<string, JsonElement> ServerOwnedOf(JsonElement body) =>
        SpecificationDocument.ServerOwnedFields
            .Where(name => body.TryGetProperty(name, out _))
            .ToDictionary(name => name, name => body.GetProperty(name), StringComparer.Ordinal);
}
