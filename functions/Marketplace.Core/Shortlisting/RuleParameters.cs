using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Core.Shortlisting;

/// <summary>Checks a rule's parameters and reads a specification's value into the rule it resolves to.</summary>
internal static partial class RuleParameters
{
    public const int MaxPhraseLength = 120;
    public const int MaxDays = 365;
    public const int MaxFigure = 10_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    /// <summary>The vocabulary a slug-list rule draws from, and what its slugs are called.</summary>
    public static (IReadOnlyDictionary<string, string> Vocabulary, string Noun)? SlugsOf(RequirementRule rule) => rule switch
    {
        CategoryRule => (Vocabulary.Categories, "category"),
        ConditionCoveredRule => (Vocabulary.Conditions, "condition"),
        InteroperabilityRule => (Vocabulary.Interoperability, "interoperability standard"),
        ConnectivityRule => (Vocabulary.Connectivity, "connectivity value"),
        CapabilityDeclaredRule => (Vocabulary.Capabilities, "capability"),
        SocialValueRule => (Vocabulary.SocialValueCommitments, "social-value commitment"),
        _ => null,
    };

    /// <summary>The slugs a slug-list rule holds.</summary>
    public static IReadOnlyList<string> Slugs(RequirementRule rule) => rule switch
    {
        CategoryRule r => r.Categories,
        ConditionCoveredRule r => r.Conditions,
        InteroperabilityRule r => r.Interoperability,
        ConnectivityRule r => r.Connectivity,
        CapabilityDeclaredRule r => r.Capabilities,
        SocialValueRule r => r.Commitments,
        _ => [],
    };

    /// <summary>The same kind of rule holding other slugs.</summary>
    public static RequirementRule WithSlugs(RequirementRule rule, IReadOnlyList<string> slugs) => rule switch
    {
        CategoryRule => new CategoryRule(slugs),
        ConditionCoveredRule => new ConditionCoveredRule(slugs),
        InteroperabilityRule => new InteroperabilityRule(slugs),
        ConnectivityRule => new ConnectivityRule(slugs),
        CapabilityDeclaredRule => new CapabilityDeclaredRule(slugs),
        SocialValueRule => new SocialValueRule(slugs),
        _ => rule,
    };

    /// <summary>Problems with a template rule's own parameters, under <paramref name="path"/> (the rule's path).</summary>
    public static void Check(RequirementRule? rule, string path, List<SpecificationError> errors)
    {
        switch (rule)
        {
            case null:
                errors.Add(new(path, "a requirement needs a rule"));
                break;
            case StandardHeldRule r when r.Code is null || !Vocabulary.StandardCodes.Contains(r.Code):
                errors.Add(new($"{path}.code", $"'{r.Code}' is not a standard code in the register"));
                break;
            case RegionServedRule { Region: { } region } when !Vocabulary.Regions.ContainsKey(region):
                errors.Add(new($"{path}.region", $"'{region}' is not a region"));
                break;
            case FeaturePresentRule:
                errors.Add(new($"{path}.type", "retired: free text never scores; use capability-declared"));
                break;
            case CapabilityWithinRule r when Catalogue.Capabilities.Find(r.Capability) is not { Measure: not null }:
                errors.Add(new($"{path}.capability", $"'{r.Capability}' is not a capability declared with a figure"));
                break;
            case CapabilityWithinRule r when r.AtMost is < 0 or > MaxFigure:
                errors.Add(new($"{path}.atMost", $"must be 0 to {MaxFigure}"));
                break;
            case PriceRule { Models: { } models }:
                CheckSlugs(models, $"{path}.models", Vocabulary.PriceModels, "price model", errors);
                break;
            case LeadTimeAtMostRule r when r.Days is < 0 or > MaxDays:
                errors.Add(new($"{path}.days", $"lead time must be 0 to {MaxDays} days"));
                break;
            case CategoryRule or ConditionCoveredRule or InteroperabilityRule or ConnectivityRule or CapabilityDeclaredRule or SocialValueRule:
                var (vocabulary, noun) = SlugsOf(rule)!.Value;
                CheckSlugs(Slugs(rule), $"{path}.{FieldOf(rule)}", vocabulary, noun, errors);
                break;
        }
    }

    /// <summary>
    /// Reads a specification's value for <paramref name="requirement"/> into the rule it resolves to, adding errors
    /// under <paramref name="path"/> (<c>values.&lt;id&gt;</c>) when it is the wrong shape; null when it is.
    /// </summary>
    public static RequirementRule? Read(Requirement requirement, JsonElement value, string path, List<SpecificationError> errors)
    {
        var rule = requirement.Rule;
        switch (rule.TakesValue)
        {
            case RuleValueKind.None:
                errors.Add(new(path, $"requirement '{requirement.Id}' ({rule.Type}) takes no value"));
                return null;
            case RuleValueKind.Slugs:
            {
                var (vocabulary, noun) = SlugsOf(rule)!.Value;
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new(path, $"must be an array of {noun} slugs"));
                    return null;
                }
                var slugs = new List<string>();
                var before = errors.Count;
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(new($"{path}[{i}]", $"must be a {noun} slug (a string)"));
                    }
                    else
                    {
                        slugs.Add(item.GetString()!);
                    }
                    i++;
                }
                if (errors.Count > before)
                {
                    return null;
                }
                CheckSlugs(slugs, path, vocabulary, noun, errors);
                return errors.Count > before ? null : WithSlugs(rule, slugs);
            }
            case RuleValueKind.Region:
                if (value.ValueKind != JsonValueKind.String || !Vocabulary.Regions.ContainsKey(value.GetString()!))
                {
                    errors.Add(new(path, "must be a region slug, e.g. \"north-west\""));
                    return null;
                }
                return new RegionServedRule(value.GetString());
            case RuleValueKind.Phrase:
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new(path, "must be a phrase (a string)"));
                    return null;
                }
                var before = errors.Count;
                CheckPhrase(value.GetString(), path, errors);
                return errors.Count > before ? null : new FeaturePresentRule(value.GetString()!);
            }
            case RuleValueKind.Days:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var days) || days is < 0 or > MaxDays)
                {
                    errors.Add(new(path, $"must be a whole number of days from 0 to {MaxDays}"));
                    return null;
                }
                return new LeadTimeAtMostRule(days);
            case RuleValueKind.Figure:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var figure) || figure is < 0 or > MaxFigure)
                {
                    var measure = rule is CapabilityWithinRule within ? Catalogue.Capabilities.Find(within.Capability)?.Measure : null;
                    errors.Add(new(path, $"must be a whole number{(measure is null ? "" : " of " + measure)} from 0 to {MaxFigure}"));
                    return null;
                }
                return ((CapabilityWithinRule)rule) with { AtMost = figure };
            default:
                throw new InvalidOperationException($"Unhandled value kind {rule.TakesValue}.");
        }
    }

    private static string FieldOf(RequirementRule rule) => rule switch
    {
        CategoryRule => "categories",
        ConditionCoveredRule => "conditions",
        InteroperabilityRule => "interoperability",
        CapabilityDeclaredRule => "capabilities",
        SocialValueRule => "commitments",
        _ => "connectivity",
    };

    private static void CheckSlugs(IReadOnlyList<string>? slugs, string path, IReadOnlyDictionary<string, string> vocabulary, string noun, List<SpecificationError> errors)
    {
        if (slugs is null || slugs.Count == 0)
        {
            errors.Add(new(path, $"needs at least one {noun}"));
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < slugs.Count; i++)
        {
            if (slugs[i] is null || !vocabulary.ContainsKey(slugs[i]))
            {
                errors.Add(new($"{path}[{i}]", $"'{slugs[i]}' is not a {noun}"));
            }
            else if (!seen.Add(slugs[i]))
            {
                errors.Add(new($"{path}[{i}]", $"'{slugs[i]}' is listed twice"));
            }
        }
    }

    private static void CheckPhrase(string? phrase, string path, List<SpecificationError> errors)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            errors.Add(new(path, "the phrase must not be empty"));
        }
        else if (phrase.Length > MaxPhraseLength)
        {
            errors.Add(new(path, $"the phrase must be at most {MaxPhraseLength} characters"));
        }
    }
}
