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

/// <summary><c>POST /api/specifications</c>: a commissioner fills in a key-requirements template as a specification.</summary>
public static class CreateSpecification
{
    public static RouteHandlerBuilder MapCreateSpecification(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/specifications", HandleAsync)
            .WithName("CreateSpecification")
            .ValidateBodyAgainst("specification.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Shortlisting")
            .WithSummary("Creates a specification for the caller's commissioner organisation from a template id and version, with lot, region, volume, " +
                "contract months, budget, weights and values. Every problem is answered by field (400): weights are whole numbers from 0 with one above 0, " +
                "never on a gate; values only for rules that take one, of the right type; unknown requirement ids are refused.")
            .AllowRoles(MarketplaceRole.Commissioner);

    public static async Task<Results<Created<SpecificationDocument>, ProblemHttpResult>> HandleAsync(
        SpecificationRequest request, ClaimsPrincipal user, CatalogueTables catalogue, ShortlistingTables tables, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        var (commissioner, forbidden) = await SpecificationAccess.CommissionerOfAsync(user, catalogue, ct);
        if (commissioner is null)
        {
            return forbidden!;
        }
        var actor = user.ToActor();
        var now = time.GetUtcNow();
        var document = request.ToDocument($"spec-{Guid.NewGuid():N}"[..17], commissioner.Id, now, actor.UserId, now, actor.UserId);
        var (_, _, invalid) = await SpecificationAccess.CheckAsync(document.ToSpecification(), tables, catalogue, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        var created = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistingTables.SpecificationSubject, document.Id, "create", null, "draft", now)
            with { Detail = $"{document.Title}: template {document.TemplateId} v{document.TemplateVersion}, {document.LotId}, {document.Region}" };
        if (await tables.Specifications.AddAsync(document, created, ct) is not { } stored)
        {
            return ProblemResults.Of(409, Problems.Conflict, "Could not allocate a specification id.", "Please try again.");
        }
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Created($"/api/specifications/{document.Id}", document);
    }
}
