using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Functions.Validation;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Templates;

/// <summary>
/// <c>POST /api/templates</c>: an Admin publishes a template version: version 1 of a new template, or the next version
/// of an existing one. Published versions never change, so specifications always score against what they filled in.
/// </summary>
public static class PublishTemplate
{
    public static RouteHandlerBuilder MapPublishTemplate(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/templates", HandleAsync)
            .WithName("PublishTemplate")
            .ValidateBodyAgainst("template.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Shortlisting")
            .WithSummary("Publishes a new template version (1 for a new id, else the latest + 1). A published version is never changed: 409 for a version that exists or skips one.")
            .AllowRoles(MarketplaceRole.Admin);

    public static async Task<Results<Created<KeyRequirementsTemplate>, ProblemHttpResult>> HandleAsync(
        KeyRequirementsTemplate template, ShortlistingTables tables, ClaimsPrincipal user, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (TemplateRules.Validate(template) is { Count: > 0 } errors)
        {
            return ProblemResults.Validation(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var versions = await tables.VersionsOfAsync(template.Id, ct);
        var next = versions.Count == 0 ? 1 : versions[^1].Version + 1;
        if (template.Version != next)
        {
            return ProblemResults.Of(409, Problems.Conflict, "Published template versions never change.",
                versions.Count == 0
                    ? $"'{template.Id}' is a new template, so its first version is 1."
                    : $"'{template.Id}' is at version {versions[^1].Version}; publish version {next} (a version that exists is never replaced).");
        }
        if (await tables.Templates.AddAsync(template, ct) is null)
        {
            return ProblemResults.Of(409, Problems.Conflict, "Published template versions never change.",
                $"Version {template.Version} of '{template.Id}' was published a moment ago by someone else.");
        }
        await audit.AppendAsync(AuditEvent.By(user.ToActor(), MarketplaceRole.Admin, "template", template.Id, "publish",
            versions.Count == 0 ? null : $"version {versions[^1].Version}", $"version {template.Version}", time.GetUtcNow()), ct);
        return TypedResults.Created($"/api/templates/{template.Id}?version={template.Version}", template);
    }
}
