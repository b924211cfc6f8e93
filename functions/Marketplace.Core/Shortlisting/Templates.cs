using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>A template version and the versions that exist.</summary>
public sealed record TemplateVersion(KeyRequirementsTemplate Template, IReadOnlyList<int> Versions);

/// <summary>One template in the list: its latest version and how many gates and criteria it has.</summary>
public sealed record TemplateSummary(string Id, int Version, string Name, string Description, int? Lot, int Gates, int Criteria);

/// <summary>
/// Key-requirements templates: anyone reads them; an Admin publishes version 1 of a new template or the next version of
/// one. Published versions never change, so a specification always scores against what it filled in.
/// </summary>
public sealed class Templates(ITemplates templates, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The latest version of every template.</summary>
    public async Task<IReadOnlyList<TemplateSummary>> LatestAsync(CancellationToken ct) =>
        [.. (await templates.LatestAsync(ct)).Select(t => new TemplateSummary(t.Id, t.Version, t.Name, t.Description, t.Lot,
            t.Requirements.Count(r => r.Kind == RequirementKind.Gate), t.Requirements.Count(r => r.Kind == RequirementKind.Criterion)))];

    /// <summary>One version (the latest when <paramref name="version"/> is null) with the versions that exist, or 404.</summary>
    public async Task<Outcome<TemplateVersion>> FindAsync(string id, int? version, CancellationToken ct)
    {
        var versions = Ids.IsId(id) ? await templates.VersionsOfAsync(id, ct) : [];
        var template = version is { } v ? versions.FirstOrDefault(t => t.Version == v) : versions.LastOrDefault();
        if (template is null)
        {
            return new Failure(FailureKind.NotFound, Problems.NotFound, "No such template.",
                versions.Count == 0 ? $"There is no template '{id}'." : $"Template '{id}' has versions {string.Join(", ", versions.Select(t => t.Version))}, not {version}.");
        }
        return new TemplateVersion(template, [.. versions.Select(t => t.Version)]);
    }

    /// <summary>Publishes the version, or why not (400 by field, 409 for a version that exists or skips one).</summary>
    public async Task<Outcome<KeyRequirementsTemplate>> PublishAsync(Actor actor, KeyRequirementsTemplate template, CancellationToken ct)
    {
        if (TemplateRules.Validate(template) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var versions = await templates.VersionsOfAsync(template.Id, ct);
        var next = versions.Count == 0 ? 1 : versions[^1].Version + 1;
        if (template.Version != next)
        {
            return Failure.Conflict("Published template versions never change.",
                versions.Count == 0
                    ? $"'{template.Id}' is a new template, so its first version is 1."
                    : $"'{template.Id}' is at version {versions[^1].Version}; publish version {next} (a version that exists is never replaced).");
        }
        if (!await templates.AddAsync(template, ct))
        {
            return Failure.Conflict("Published template versions never change.", $"Version {template.Version} of '{template.Id}' was published a moment ago by someone else.");
        }
        await audit.AppendAsync(AuditEvent.By(actor, MarketplaceRole.Admin, ShortlistSubjects.Template, template.Id, "publish",
            versions.Count == 0 ? null : $"version {versions[^1].Version}", $"version {template.Version}", clock.GetUtcNow()), ct);
        return template;
    }
}
