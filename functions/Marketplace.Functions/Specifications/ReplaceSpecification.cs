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

namespace Marketplace.Functions.Specifications;

/// <summary><c>PUT /api/specifications/{id}</c>: the owning commissioner changes its specification (If-Match); shortlists already made keep what they scored.</summary>
public static class ReplaceSpecification
{
    public static RouteHandlerBuilder MapReplaceSpecification(this IEndpointRouteBuilder app) =>
        app.MapPut("/api/specifications/{id}", HandleAsync)
            .WithName("ReplaceSpecification")
            .ValidateBodyAgainst("specification.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithTags("Shortlisting")
            .WithSummary("Replaces a specification. Requires If-Match with the ETag from GET (428 without it, 412 when stale); checked as on create. " +
                "Shortlists already made from it keep the specification they scored.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("specification", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner));

    public static async Task<Results<Ok<SpecificationDocument>, ProblemHttpResult>> HandleAsync(
        string id, SpecificationRequest request, ClaimsPrincipal user, HttpRequest http, HttpResponse response,
        CatalogueTables catalogue, ShortlistingTables tables, TimeProvider time, CancellationToken ct)
    {
        var (current, ifMatch, problem) = await SpecificationAccess.LoadForChangeAsync(id, user, http.Headers.IfMatch.ToString(), tables, ct);
        if (current is null)
        {
            return problem!;
        }
        var actor = user.ToActor();
        var now = time.GetUtcNow();
        var old = current.Document;
        var next = request.ToDocument(id, old.CommissionerId, old.CreatedAt, old.CreatedBy, now, actor.UserId);
        var (_, _, invalid) = await SpecificationAccess.CheckAsync(next.ToSpecification(), tables, catalogue, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistingTables.SpecificationSubject, id, "update", "draft", "draft", now)
            with { Detail = Changes(old, next) };
        if (await tables.Specifications.ReplaceAsync(next, old, ifMatch, change, ct) is not { } stored)
        {
            return Preconditions.Stale();
        }
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(next);
    }

    // The audit trail says what changed, in words, so a reviewer need not diff documents.
    private static string Changes(SpecificationDocument old, SpecificationDocument next)
    {
        var changes = new List<string>();
        void Compare(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changes.Add($"{name} {a ?? "none"} → {b ?? "none"}");
            }
        }
        Compare("title", old.Title, next.Title);
        Compare("template", $"{old.TemplateId} v{old.TemplateVersion}", $"{next.TemplateId} v{next.TemplateVersion}");
        Compare("lot", old.LotId, next.LotId);
        Compare("region", old.Region, next.Region);
        Compare("volume", old.Volume, next.Volume);
        Compare("contract months", old.ContractMonths, next.ContractMonths);
        Compare("budget", old.BudgetGbp, next.BudgetGbp);
        foreach (var key in old.Weights.Keys.Union(next.Weights.Keys).Order(StringComparer.Ordinal))
        {
            Compare($"weight {key}", old.Weights.TryGetValue(key, out var a) ? a : null, next.Weights.TryGetValue(key, out var b) ? b : null);
        }
        foreach (var key in old.Values.Keys.Union(next.Values.Keys).Order(StringComparer.Ordinal))
        {
            Compare($"value {key}", old.Values.TryGetValue(key, out var a) ? a.GetRawText() : null, next.Values.TryGetValue(key, out var b) ? b.GetRawText() : null);
        }
        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }
}
