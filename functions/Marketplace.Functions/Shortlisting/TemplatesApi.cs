using System.Globalization;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Shortlisting;

/// <summary>Key-requirements templates: read by anyone, new versions published by an Admin.</summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplates(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api", "Shortlisting");
        group.MapGet("/templates", ListAsync)
            .WithName("ListTemplates")
            .WithSummary("Lists the latest version of every key-requirements template: id, version, name, description, lot hint, and how many gates and criteria it has.")
            .AllowAnyone();
        group.MapGet("/templates/{id}", GetAsync)
            .WithName("GetTemplate")
            .ProducesProblems(400, 404)
            .WithSummary("Returns a key-requirements template: the latest version, or the one named by ?version=N, with the list of published versions.")
            .AllowAnyone();
        group.MapPost("/templates", PublishAsync)
            .WithName("PublishTemplate")
            .ValidateBodyAgainst("template.schema.json")
            .ProducesProblems(400, 409)
            .WithSummary("Publishes a new template version (1 for a new id, else the latest + 1). A published version is never changed: 409 for a version that exists or skips one.")
            .AllowRoles(MarketplaceRole.Admin);
        return group;
    }

    public static async Task<Ok<IReadOnlyList<TemplateSummary>>> ListAsync(Templates templates, CancellationToken ct) =>
        TypedResults.Ok(await templates.LatestAsync(ct));

    public static async Task<Results<Ok<TemplateVersion>, ProblemHttpResult>> GetAsync(string id, string? version, Templates templates, CancellationToken ct)
    {
        int? wanted = null;
        if (version is not null)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return Failure.Invalid("version", "must be a whole number from 1").ToProblem();
            }
            wanted = number;
        }
        return (await templates.FindAsync(id, wanted, ct)).ToResult(TypedResults.Ok);
    }

    public static async Task<Results<Created<KeyRequirementsTemplate>, ProblemHttpResult>> PublishAsync(
        JsonBody<KeyRequirementsTemplate> template, Actor actor, Templates templates, CancellationToken ct) =>
        (await templates.PublishAsync(actor, template.Value, ct)).ToResult(t => TypedResults.Created($"/api/templates/{t.Id}?version={t.Version}", t));
}
