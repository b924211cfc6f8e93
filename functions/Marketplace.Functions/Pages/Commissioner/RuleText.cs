using Marketplace.Core.Catalogue;
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
        FeaturePresentRule => "Retired: free text never scores. Use a version of this template that reads declared capabilities.",
        LeadTimeAtMostRule l => $"Met when its lead time is at most {l.Days} days.",
        CapabilityDeclaredRule c => $"Scores the share of these capabilities the supplier declares for the offering, each with its evidence: {string.Join(", ", c.Capabilities.Select(labels.Capability))}.",
        CapabilityWithinRule w => $"Met when the supplier declares \u201c{labels.Capability(w.Capability)}\u201d for the offering with a figure of at most {w.AtMost} {Capabilities.Find(w.Capability)?.Measure}.",
        SocialValueRule s => $"Scores the share of these social-value and net zero commitments the supplier declares: {string.Join(", ", s.Commitments.Select(labels.Capability))}.",
        CareRegulatorRule => "In England, met when the supplier's CQC registration counts (confirmed from the register). In Scotland, Wales and Northern Ireland the " +
            "marketplace does not check the care regulator: the shortlist says so, and you check it before award.",
        PriceRule p => "Scores the lowest eligible whole-life cost divided by this offering's (whole-life cost = price × volume × contract length, per its price model, " +
            "plus any maximum outcome reward)." + (p.Models is { } models
                ? $" Only offerings priced {string.Join(" or ", models.Select(labels.PriceModel))} are compared; others are left out, never set against them."
                : ""),
        _ => "",
    };

    /// <summary>What a commissioner may tick for a slug rule's value.</summary>
    public static IReadOnlyList<(string Value, string Title)> Choices(RequirementRule rule, PageLabels labels) => rule switch
    {
        // A specification narrows the template's categories, never widens them (SpecificationRules): only those are offered.
        CategoryRule c => [.. labels.All("category").Where(o => c.Categories.Contains(o.Value, StringComparer.Ordinal))],
        ConditionCoveredRule => labels.All("condition"),
        InteroperabilityRule => labels.All("interoperability"),
        ConnectivityRule => labels.All("connectivity"),
        CapabilityDeclaredRule => labels.All("capability"),
        SocialValueRule => [.. labels.All("capability").Where(o => Capabilities.Find(o.Value)?.Group == "social-value")],
        _ => [],
    };

    /// <summary>The template's own value of a rule (what an empty answer keeps).</summary>
    public static IReadOnlyList<string> Defaults(RequirementRule rule) => rule switch
    {
        CategoryRule c => c.Categories,
        ConditionCoveredRule c => c.Conditions,
        InteroperabilityRule i => i.Interoperability,
        ConnectivityRule c => c.Connectivity,
        CapabilityDeclaredRule c => c.Capabilities,
        SocialValueRule s => s.Commitments,
        CapabilityWithinRule w => [w.AtMost.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        RegionServedRule { Region: { } region } => [region],
        FeaturePresentRule f => [f.Phrase],
        LeadTimeAtMostRule l => [l.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        _ => [],
    };
}
