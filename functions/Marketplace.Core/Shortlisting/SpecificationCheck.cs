using Marketplace.Core.Frameworks;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The template version and framework a specification needs, and every problem with it by field: an unknown template
/// or version, a version whose rules are since retired, a lot of no framework, and the template's own rules
/// (<see cref="SpecificationRules"/>).
/// </summary>
public sealed class SpecificationCheck(ITemplates templates, IFrameworks frameworks)
{
    /// <summary>
    /// The template and framework the specification scores against, or the fields at fault. Pass
    /// <paramref name="commissionerType"/> when the commissioner writes the specification (the NHS social-value share);
    /// leave it out when scoring, so a specification written before that rule still scores.
    /// </summary>
    public async Task<Outcome<(KeyRequirementsTemplate Template, Framework Framework)>> RunAsync(Specification specification, string? commissionerType,
        CancellationToken ct)
    {
        // Two independent reads: one round trip's wait instead of two on every shortlist and specification write.
        var versionsRead = Ids.IsId(specification.TemplateId) ? templates.VersionsOfAsync(specification.TemplateId, ct) : Task.FromResult<IReadOnlyList<KeyRequirementsTemplate>>([]);
        var frameworkRead = frameworks.FindByLotAsync(specification.LotId, ct);
        await Task.WhenAll(versionsRead, frameworkRead);
        var versions = await versionsRead;
        var template = versions.FirstOrDefault(t => t.Version == specification.TemplateVersion);
        var framework = await frameworkRead;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string path, string message) => (errors.TryGetValue(path, out var list) ? list : errors[path] = []).Add(message);
        if (template is null)
        {
            if (versions.Count == 0)
            {
                Add("templateId", $"there is no template '{specification.TemplateId}'");
            }
            else
            {
                Add("templateVersion", $"template '{specification.TemplateId}' has versions {string.Join(", ", versions.Select(v => v.Version))}");
            }
        }
        if (framework is null)
        {
            Add("lotId", $"'{specification.LotId}' is not a lot of any framework");
        }
        if (template is not null && TemplateRules.Validate(template) is { Count: > 0 } retired)
        {
            // A published version never changes, but the rules it was checked against can: e.g. feature-present, retired
            // because free text never scores. Such a version can no longer be filled in or scored (Scorer.Score refuses it).
            var usable = versions.LastOrDefault(v => TemplateRules.Validate(v).Count == 0);
            Add("templateVersion",
                $"version {template.Version} of template '{template.Id}' can no longer be filled in or scored ({retired[0].Message})" +
                (usable is null ? "" : $": move this specification to version {usable.Version}"));
            template = null;
        }
        if (template is not null)
        {
            foreach (var error in SpecificationRules.Validate(specification, template, framework, commissionerType))
            {
                if (!(error.Path == "lotId" && framework is null))
                {
                    Add(error.Path, error.Message);
                }
            }
        }
        return errors.Count > 0
            ? Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
            : (template!, framework!);
    }
}
