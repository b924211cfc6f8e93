using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Templates;

/// <summary><c>GET /api/templates/{id}</c>: one template, the latest version or <c>?version=N</c>, with every version published.</summary>
public static class GetTemplate
{
    /// <summary>A template version and the versions that exist.</summary>
    public sealed record TemplateVersion(KeyRequirementsTemplate Template, IReadOnlyList<int> Versions);

    public static RouteHandlerBuilder MapGetTemplate(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/templates/{id}", HandleAsync)
            .WithName("GetTemplate")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Returns a key-requirements template: the latest version, or the one named by ?version=N, with the list of published versions.")
            .AllowAnyone();

    public static async Task<Results<Ok<TemplateVersion>, ProblemHttpResult>> HandleAsync(string id, string? version, ShortlistingTables tables, CancellationToken ct)
    {
        int? wanted = null;
        if (version is not null)
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return ProblemResults.Validation(new Dictionary<string, string[]> { ["version"] = ["must be a whole number from 1"] });
            }
            wanted = number;
        }
        var versions = Ids.IsId(id) ? await tables.VersionsOfAsync(id, ct) : [];
        var template = wanted is { } v ? versions.FirstOrDefault(t => t.Version == v) : versions.LastOrDefault();
        if (template is null)
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such template.",
                versions.Count == 0 ? $"There is no template '{id}'." : $"Template '{id}' has versions {string.Join(", ", versions.Select(t => t.Version))}, not {wanted}.");
        }
        return TypedResults.Ok(new TemplateVersion(template, [.. versions.Select(t => t.Version)]));
    }
}
