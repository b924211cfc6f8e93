using Marketplace.Core.Frameworks;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The template version and framework a specification needs, and every problem with it by field: an unknown template
/// or version, a lot of no framework, and the template's own rules (<see cref="SpecificationRules"/>).
/// </summary>
public sealed class SpecificationCheck(ITemplates templates, IFrameworks frameworks)
{
    /// <summary>The template and framework the specification scores against, or the fields at fault.</summary>
    public async Task<Outcome<(KeyRequirementsTemplate Template, Framework Framework)>> RunAsync(Specification specification, CancellationToken ct)
    {
        var versions = Ids.IsId(specification.TemplateId) ? await templates.VersionsOfAsync(specification.TemplateId, ct) : [];
        var template = versions.FirstOrDefault(t => t.Version == specification.TemplateVersion);
        var framework = await frameworks.FindByLotAsync(specification.LotId, ct);
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
        if (template is not null)
        {
            foreach (var error in SpecificationRules.Validate(specification, template, framework))
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
