using Marketplace.Core.Shortlisting;

namespace Marketplace.Functions.Pages.Commissioner;

/// <summary>How each kind of requirement rule is judged, in words, for the specification form.</summary>
public static partial class RuleText
{
    /// <summary>A specification error about one requirement: <c>weights.id</c>, <c>values.id</c> or <c>weights['id']</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(weights|values)(?:\.|\[')([a-z0-9-]+)")]
    public static partial System.Text.RegularExpressions.Regex RequirementKey();

    public static string Explain(RequirementRule rule, PageLabels labels) => rule switch
    {
        StandardHeldRule s => s.AcceptDeclaration
            ? $"Met when {s.Code} counts for the supplier or this offering by the way it is confirmed: verified and in date, or the supplier's current declaration (enough here)."
            : $"Met when {s.Code} counts for the supplier or this offering by the way it is confirmed: verified by its certifier or public register and in date; " +
              "a declared standard only with an independent test report; DTAC or NICE ESF only through your own passing assessment of the current version.",
        CategoryRule c => $"Met when the offering's category is one of: {string.Join(", ", c.Categories.Select(labels.Category))}.",
        ConditionCoveredRule c => $"Scores the share of these conditions the offering supports: {string.Join(", ", c.Conditions.Select(labels.Condition))}.",
        InteroperabilityRule i => $"Met when it supports at least one of: {string.Join(", ", i.Interoperability.Select(labels.Interoperability))}.",
        ConnectivityRule c => $"Met when its connectivity is one of: {string.Join(", ", c.Connectivity.Select(labels.Connectivity))}.",
        RegionServedRule r => $"Met when the offering serves {(r.Region is null ? "the specification's region" : labels.Region(r.Region))}.",
        FeaturePresentRule f => $"Met when one of the offering's features, or its description, mentions \u201c{f.Phrase}\u201d.",
        LeadTimeAtMostRule l => $"Met when its lead time is at most {l.Days} days.",
        PriceRule => "Scores the lowest eligible whole-life cost divided by this offering's (whole-life cost = price × volume × contract length, per its price model).",
        _ => "",
    };

    /// <summary>The vocabulary a slug rule's values come from.</summary>
    public static string? VocabularyOf(RequirementRule rule) => rule switch
    {
        CategoryRule => "category",
        ConditionCoveredRule => "condition",
        InteroperabilityRule => "interoperability",
        ConnectivityRule => "connectivity",
        _ => null,
    };

    /// <summary>The template's own value of a rule (what an empty answer keeps).</summary>
    public static IReadOnlyList<string> Defaults(RequirementRule rule) => rule switch
    {
        CategoryRule c => c.Categories,
        ConditionCoveredRule c => c.Conditions,
        InteroperabilityRule i => i.Interoperability,
        ConnectivityRule c => c.Connectivity,
        RegionServedRule { Region: { } region } => [region],
        FeaturePresentRule f => [f.Phrase],
        LeadTimeAtMostRule l => [l.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        _ => [],
    };
}
