namespace Marketplace.Core.Shortlisting;

/// <summary>Checks a key-requirements template is usable: ids unique and well formed, gates without weights, rule parameters from the vocabularies.</summary>
public static class TemplateRules
{
    /// <summary>Every problem, keyed by JSON path (e.g. <c>sections[1].requirements[0].rule.code</c>); empty when the template is usable.</summary>
    public static IReadOnlyList<SpecificationError> Validate(KeyRequirementsTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<SpecificationError>();
        if (template.Id is null || !RuleParameters.IdPattern().IsMatch(template.Id))
        {
            errors.Add(new("id", "must be a kebab-case id of 2 to 64 characters"));
        }
        if (template.Version < 1)
        {
            errors.Add(new("version", "must be 1 or more"));
        }
        if (string.IsNullOrWhiteSpace(template.Name))
        {
            errors.Add(new("name", "must not be empty"));
        }
        if (template.Lot is < 1 or > 6)
        {
            errors.Add(new("lot", "must be a lot number from 1 to 6"));
        }
        if (template.Sections is null || template.Sections.Count == 0)
        {
            errors.Add(new("sections", "needs at least one section"));
            return errors;
        }

        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var requirementIds = new HashSet<string>(StringComparer.Ordinal);
        var prices = 0;
        var weighted = 0;
        for (var s = 0; s < template.Sections.Count; s++)
        {
            var section = template.Sections[s];
            var sectionPath = $"sections[{s}]";
            if (section.Id is null || !RuleParameters.IdPattern().IsMatch(section.Id))
            {
                errors.Add(new($"{sectionPath}.id", "must be a kebab-case id of 2 to 64 characters"));
            }
            else if (!sectionIds.Add(section.Id))
            {
                errors.Add(new($"{sectionPath}.id", $"section id '{section.Id}' is used twice"));
            }
            if (section.Requirements is null || section.Requirements.Count == 0)
            {
                errors.Add(new($"{sectionPath}.requirements", "needs at least one requirement"));
                continue;
            }
            for (var r = 0; r < section.Requirements.Count; r++)
            {
                var requirement = section.Requirements[r];
                var path = $"{sectionPath}.requirements[{r}]";
                if (requirement.Id is null || !RuleParameters.IdPattern().IsMatch(requirement.Id))
                {
                    errors.Add(new($"{path}.id", "must be a kebab-case id of 2 to 64 characters"));
                }
                else if (!requirementIds.Add(requirement.Id))
                {
                    errors.Add(new($"{path}.id", $"requirement id '{requirement.Id}' is used twice"));
                }
                if (string.IsNullOrWhiteSpace(requirement.Text))
                {
                    errors.Add(new($"{path}.text", "must not be empty"));
                }
                RuleParameters.Check(requirement.Rule, $"{path}.rule", errors);
                switch (requirement.Kind)
                {
                    case RequirementKind.Gate when requirement.DefaultWeight is not null:
                        errors.Add(new($"{path}.defaultWeight", "a gate is pass/fail and takes no weight"));
                        break;
                    case RequirementKind.Gate when requirement.Rule is PriceRule:
                        errors.Add(new($"{path}.rule", "price is a criterion, never a gate"));
                        break;
                    case RequirementKind.Criterion when requirement.DefaultWeight is null or < 0:
                        errors.Add(new($"{path}.defaultWeight", "a criterion needs a default weight, an integer ≥ 0"));
                        break;
                    case RequirementKind.Criterion:
                        weighted += requirement.DefaultWeight > 0 ? 1 : 0;
                        break;
                }
                if (requirement.MinSharePercent is not null || requirement.MaxSharePercent is not null)
                {
                    if (requirement.Kind == RequirementKind.Gate)
                    {
                        errors.Add(new($"{path}.{(requirement.MinSharePercent is null ? "maxSharePercent" : "minSharePercent")}", "a gate takes no share of the weight"));
                    }
                    else if (requirement.MinSharePercent is < 0 or > 100 || requirement.MaxSharePercent is < 0 or > 100)
                    {
                        errors.Add(new($"{path}.{(requirement.MinSharePercent is < 0 or > 100 ? "minSharePercent" : "maxSharePercent")}", "a share is a percentage from 0 to 100"));
                    }
                    else if (requirement.MinSharePercent > requirement.MaxSharePercent)
                    {
                        errors.Add(new($"{path}.minSharePercent", "the least share is more than the largest"));
                    }
                }
                if (requirement.Rule is PriceRule && requirement.Kind == RequirementKind.Criterion && ++prices > 1)
                {
                    errors.Add(new($"{path}.rule", "a template has at most one price criterion"));
                }
            }
        }
        if (weighted == 0 && errors.Count == 0)
        {
            errors.Add(new("sections", "needs at least one criterion with a default weight above 0"));
        }
        return errors;
    }
}
