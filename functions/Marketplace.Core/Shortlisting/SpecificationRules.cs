using System.Globalization;
using Marketplace.Core.Frameworks;

namespace Marketplace.Core.Shortlisting;

/// <summary>Checks a specification against its template (and, when given, the framework) before it is scored.</summary>
public static class SpecificationRules
{
    /// <summary>Largest volume (units, patients or connections).</summary>
    public const int MaxVolume = 1_000_000;
    /// <summary>Longest contract in months (ten years).</summary>
    public const int MaxContractMonths = 120;
    /// <summary>The least share of the total weight NHS commissioners give social value and net zero (DOMAIN.md, since April 2022).</summary>
    public const int NhsSocialValueMinPercent = 10;

    /// <summary>Commissioner types (<c>organisation.schema.json</c> <c>commissionerType</c>) that are NHS bodies.</summary>
    public static readonly IReadOnlySet<string> NhsCommissionerTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "integrated-care-board", "health-board", "health-and-social-care-trust",
    };

    /// <summary>
    /// Every problem, keyed by JSON path (<c>templateId</c>, <c>lotId</c>, <c>region</c>, <c>volume</c>,
    /// <c>contractMonths</c>, <c>budgetGbp</c>, <c>weights</c>, <c>weights.&lt;id&gt;</c>, <c>values.&lt;id&gt;</c>);
    /// empty when the specification can be scored. Weights: integers ≥ 0, only on criteria, at least one above 0 once
    /// template defaults fill the gaps, each criterion's share of the total within the template's least and largest
    /// share. Values: only for requirements whose rule takes one, of the type it takes; categories only among the
    /// template's own. Unknown requirement ids are refused. For an NHS commissioner, the social-value criteria together
    /// take at least <see cref="NhsSocialValueMinPercent"/> % of the total weight.
    /// </summary>
    /// <param name="specification">The commissioner's specification.</param>
    /// <param name="template">The template it fills in.</param>
    /// <param name="framework">Optional: when given, the lot must be one of its lots.</param>
    /// <param name="commissionerType">
    /// Optional: the commissioner's type, checked when it writes the specification. Scoring never checks it, so a
    /// specification written before the rule still scores.
    /// </param>
    public static IReadOnlyList<SpecificationError> Validate(Specification specification, KeyRequirementsTemplate template, Framework? framework = null,
        string? commissionerType = null)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<SpecificationError>();
        var resolved = Resolve(specification, template, framework, errors);
        if (commissionerType is not null && NhsCommissionerTypes.Contains(commissionerType))
        {
            NhsSocialValue(resolved, template, errors);
        }
        return errors;
    }

    // NHS buyers weight social value and net zero at 10 % or more of the total (DOMAIN.md, procurement law).
    private static void NhsSocialValue(IReadOnlyList<ResolvedRequirement> resolved, KeyRequirementsTemplate template, List<SpecificationError> errors)
    {
        var criteria = resolved.Where(r => !r.IsGate).ToList();
        var socialValue = criteria.Where(r => r.Rule is SocialValueRule).ToList();
        if (socialValue.Count == 0)
        {
            errors.Add(new("templateVersion",
                $"version {template.Version} of '{template.Id}' has no social-value criterion, and NHS commissioners weight social value and net zero at " +
                $"{NhsSocialValueMinPercent} % or more of the total: use a version that has one"));
            return;
        }
        long total = criteria.Sum(r => (long)Math.Max(0, r.Weight));
        long weight = socialValue.Sum(r => (long)Math.Max(0, r.Weight));
        if (total > 0 && weight * 100 < NhsSocialValueMinPercent * total)
        {
            errors.Add(new($"weights.{socialValue[0].Id}",
                $"NHS commissioners weight social value and net zero at {NhsSocialValueMinPercent} % or more of the total weight; it is {Percent(weight, total)} %"));
        }
    }

    private static string Percent(long weight, long total) => (100.0 * weight / total).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The template's requirements with the specification's weights and values applied; errors when it cannot be.</summary>
    internal static IReadOnlyList<ResolvedRequirement> Resolve(Specification specification, KeyRequirementsTemplate template, Framework? framework, List<SpecificationError> errors)
    {
        if (specification.TemplateId != template.Id)
        {
            errors.Add(new("templateId", $"the template is '{template.Id}', not '{specification.TemplateId}'"));
        }
        if (specification.TemplateVersion != template.Version)
        {
            errors.Add(new("templateVersion", $"the template '{template.Id}' is at version {template.Version}, not {specification.TemplateVersion}"));
        }
        if (string.IsNullOrWhiteSpace(specification.LotId))
        {
            errors.Add(new("lotId", "a lot is required"));
        }
        else if (framework is not null && !framework.Lots.Any(l => l.Id == specification.LotId))
        {
            errors.Add(new("lotId", $"'{specification.LotId}' is not a lot of framework {framework.Reference}"));
        }
        if (specification.Region is null || !Vocabulary.Regions.ContainsKey(specification.Region))
        {
            errors.Add(new("region", $"'{specification.Region}' is not a region"));
        }
        if (specification.Volume is < 1 or > MaxVolume)
        {
            errors.Add(new("volume", $"must be 1 to {MaxVolume:#,##0} units, patients or connections"));
        }
        if (specification.ContractMonths is < 1 or > MaxContractMonths)
        {
            errors.Add(new("contractMonths", $"must be 1 to {MaxContractMonths} months"));
        }
        if (specification.BudgetGbp is <= 0)
        {
            errors.Add(new("budgetGbp", "when given, the budget must be above £0"));
        }

        var byId = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        foreach (var requirement in template.Requirements)
        {
            byId.TryAdd(requirement.Id, requirement);
        }

        foreach (var (id, weight) in specification.Weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(id, out var requirement))
            {
                errors.Add(new($"weights.{id}", $"template '{template.Id}' has no requirement '{id}'"));
            }
            else if (requirement.Kind == RequirementKind.Gate)
            {
                errors.Add(new($"weights.{id}", $"'{id}' is a gate: gates are pass/fail and take no weight"));
            }
            else if (weight < 0)
            {
                errors.Add(new($"weights.{id}", "a weight is an integer ≥ 0"));
            }
        }

        var values = new Dictionary<string, RequirementRule>(StringComparer.Ordinal);
        foreach (var (id, value) in specification.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(id, out var requirement))
            {
                errors.Add(new($"values.{id}", $"template '{template.Id}' has no requirement '{id}'"));
            }
            else if (RuleParameters.Read(requirement, value, $"values.{id}", errors) is { } rule)
            {
                // A specification narrows the template's categories, never widens them: a receiving-centre specification
                // never takes in responder services (DOMAIN.md: never rank them against each other).
                if (requirement.Rule is CategoryRule own && rule is CategoryRule chosen
                    && chosen.Categories.Where(c => !own.Categories.Contains(c, StringComparer.Ordinal)).ToList() is { Count: > 0 } outside)
                {
                    var words = string.Join(", ", outside.Select(c => $"\"{Vocabulary.Words(Vocabulary.Categories, c)}\""));
                    errors.Add(new($"values.{id}",
                        $"{words} {(outside.Count == 1 ? "is not one" : "are not")} of this template's categories ({Vocabulary.List(own.Categories.Select(c => Vocabulary.Words(Vocabulary.Categories, c)))})"));
                    continue;
                }
                values[id] = rule;
            }
        }

        var resolved = new List<ResolvedRequirement>();
        long totalWeight = 0;
        foreach (var requirement in template.Requirements)
        {
            var rule = values.GetValueOrDefault(requirement.Id) ?? requirement.Rule;
            if (rule is RegionServedRule { Region: null })
            {
                rule = new RegionServedRule(specification.Region);
            }
            var weight = requirement.Kind == RequirementKind.Criterion
                ? specification.Weights.TryGetValue(requirement.Id, out var w) ? w : requirement.DefaultWeight ?? 0
                : 0;
            totalWeight += Math.Max(0, weight);
            resolved.Add(new ResolvedRequirement(requirement, rule, weight));
        }
        if (totalWeight == 0 && !errors.Any(e => e.Path.StartsWith("weights", StringComparison.Ordinal)))
        {
            errors.Add(new("weights", "at least one criterion needs a weight above 0"));
        }
        if (totalWeight > 0)
        {
            Shares(resolved, totalWeight, errors);
        }
        return resolved;
    }

    // The template fixes the price/quality split (and the like) as shares of the total weight; the commissioner chooses within.
    private static void Shares(List<ResolvedRequirement> resolved, long totalWeight, List<SpecificationError> errors)
    {
        foreach (var criterion in resolved)
        {
            var (least, most) = (criterion.Requirement.MinSharePercent, criterion.Requirement.MaxSharePercent);
            if (criterion.IsGate || least is null && most is null || errors.Any(e => e.Path == $"weights.{criterion.Id}"))
            {
                continue;
            }
            long weight = Math.Max(0, criterion.Weight);
            if (least is { } min && weight * 100 < min * totalWeight)
            {
                errors.Add(new($"weights.{criterion.Id}", $"{criterion.Id} must be at least {min} % of the total weight; it is {Percent(weight, totalWeight)} %"));
            }
            else if (most is { } max && weight * 100 > max * totalWeight)
            {
                errors.Add(new($"weights.{criterion.Id}", $"{criterion.Id} may be at most {max} % of the total weight; it is {Percent(weight, totalWeight)} %"));
            }
        }
    }
}

/// <summary>A requirement as a specification applies it: the rule with the commissioner's value, and the weight used.</summary>
internal sealed record ResolvedRequirement(Requirement Requirement, RequirementRule Rule, int Weight)
{
    public string Id => Requirement.Id;
    public bool IsGate => Requirement.Kind == RequirementKind.Gate;
}
