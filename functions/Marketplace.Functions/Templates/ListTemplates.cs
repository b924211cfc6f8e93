using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Templates;

/// <summary><c>GET /api/templates</c>: the latest version of every key-requirements template, with its requirement counts.</summary>
public static class ListTemplates
{
    /// <summary>One template in the list.</summary>
    public sealed record TemplateSummary(string Id, int Version, string Name, string Description, int? Lot, int Gates, int Criteria);

    public static RouteHandlerBuilder MapListTemplates(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/templates", HandleAsync)
            .WithName("ListTemplates")
            .WithTags("Shortlisting")
            .WithSummary("Lists the latest version of every key-requirements template: id, version, name, description, lot hint, and how many gates and criteria it has.")
            .AllowAnyone();

    public static async Task<Ok<IReadOnlyList<TemplateSummary>>> HandleAsync(ShortlistingTables tables, CancellationToken ct)
    {
        var latest = await tables.LatestTemplatesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TemplateSummary>>([.. latest.Select(t => new TemplateSummary(t.Id, t.Version, t.Name, t.Description, t.Lot,
            t.Requirements.Count(r => r.Kind == RequirementKind.Gate), t.Requirements.Count(r => r.Kind == RequirementKind.Criterion)))]);
    }
}
