using System.Text.Json.Serialization;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The closed set of machine-checkable rules a requirement may use, told apart in JSON by <c>type</c> (written first).
/// Each rule gives a score s ∈ [0,1]; a gate passes only when s = 1. Rules that take a value from the commissioner
/// (<see cref="TakesValue"/>) read it from <see cref="Specification.Values"/> under the requirement's id, in place of
/// the template's default.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StandardHeldRule), "standard-held")]
[JsonDerivedType(typeof(CategoryRule), "category")]
[JsonDerivedType(typeof(ConditionCoveredRule), "condition-covered")]
[JsonDerivedType(typeof(InteroperabilityRule), "interoperability")]
[JsonDerivedType(typeof(ConnectivityRule), "connectivity")]
[JsonDerivedType(typeof(RegionServedRule), "region-served")]
[JsonDerivedType(typeof(FeaturePresentRule), "feature-present")]
[JsonDerivedType(typeof(LeadTimeAtMostRule), "lead-time-at-most")]
[JsonDerivedType(typeof(PriceRule), "price")]
[JsonDerivedType(typeof(CapabilityDeclaredRule), "capability-declared")]
[JsonDerivedType(typeof(CapabilityWithinRule), "capability-within")]
[JsonDerivedType(typeof(SocialValueRule), "social-value")]
[JsonDerivedType(typeof(CareRegulatorRule), "care-regulator")]
public abstract record RequirementRule
{
    // Closed: only the rules below exist.
    private protected RequirementRule()
    {
    }

    /// <summary>The <c>type</c> discriminator, e.g. <c>standard-held</c>.</summary>
    [JsonIgnore]
    public string Type => this switch
    {
        StandardHeldRule => "standard-held",
        CategoryRule => "category",
        ConditionCoveredRule => "condition-covered",
        InteroperabilityRule => "interoperability",
        ConnectivityRule => "connectivity",
        RegionServedRule => "region-served",
        FeaturePresentRule => "feature-present",
        LeadTimeAtMostRule => "lead-time-at-most",
        PriceRule => "price",
        CapabilityDeclaredRule => "capability-declared",
        CapabilityWithinRule => "capability-within",
        SocialValueRule => "social-value",
        CareRegulatorRule => "care-regulator",
        _ => throw new InvalidOperationException("Unknown rule."),
    };

    /// <summary>Whether a specification may give this rule a value, and of what kind.</summary>
    [JsonIgnore]
    public RuleValueKind TakesValue => this switch
    {
        CategoryRule or ConditionCoveredRule or InteroperabilityRule or ConnectivityRule or CapabilityDeclaredRule or SocialValueRule => RuleValueKind.Slugs,
        CapabilityWithinRule => RuleValueKind.Figure,
        RegionServedRule => RuleValueKind.Region,
        FeaturePresentRule => RuleValueKind.Phrase,
        LeadTimeAtMostRule => RuleValueKind.Days,
        _ => RuleValueKind.None,
    };
}

/// <summary>What a specification value for a rule must be.</summary>
public enum RuleValueKind
{
    /// <summary>The rule takes no value (standard held, price).</summary>
    None,
    /// <summary>A non-empty array of distinct slugs from the rule's vocabulary.</summary>
    Slugs,
    /// <summary>One region slug.</summary>
    Region,
    /// <summary>A non-empty phrase of at most 120 characters.</summary>
    Phrase,
    /// <summary>An integer number of days, 0–365.</summary>
    Days,
    /// <summary>A whole number in the capability's measure (minutes, working hours), 0–10,000.</summary>
    Figure,
}

/// <summary>
/// Passes (s = 1) when the standard counts for the offering by its route: certifier and register standards through an
/// attestation verified and unexpired on the evaluation date (organisation-level or on that offering); declaration
/// standards also through the supplier's current declaration, a self-declaration only when
/// <paramref name="AcceptDeclaration"/> (otherwise one backed by an independent test house); buyer-assessed standards
/// only through the specification's own commissioner's passing assessment of the current version. Takes no value.
/// </summary>
/// <param name="Code">Standard code from the register, e.g. <c>DSPT</c>.</param>
/// <param name="AcceptDeclaration">Whether the supplier's own declaration is enough (declaration-route standards only).</param>
public sealed record StandardHeldRule(
    string Code,
    // Left out of the JSON when false, so templates and locked snapshots written before it hash as they did.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AcceptDeclaration = false) : RequirementRule;

/// <summary>Passes when the offering's category is one of <paramref name="Categories"/>. Value: category slugs.</summary>
/// <param name="Categories">Accepted category slugs.</param>
public sealed record CategoryRule(IReadOnlyList<string> Categories) : RequirementRule;

/// <summary>
/// Scores the fraction of <paramref name="Conditions"/> the offering supports; as a gate, passes only when it supports
/// all of them. Value: condition slugs (the commissioner's cohort).
/// </summary>
/// <param name="Conditions">Condition slugs of the cohort.</param>
public sealed record ConditionCoveredRule(IReadOnlyList<string> Conditions) : RequirementRule;

/// <summary>Passes when the offering supports any one of <paramref name="Interoperability"/>. Value: interoperability slugs.</summary>
/// <param name="Interoperability">Accepted interoperability slugs (alternatives, e.g. BS 8521-2 or SCAIP).</param>
public sealed record InteroperabilityRule(IReadOnlyList<string> Interoperability) : RequirementRule;

/// <summary>
/// Passes when the offering's connectivity is one of <paramref name="Connectivity"/> (<c>analogue</c>, <c>digital</c>,
/// <c>both</c>); an offering that states none fails. Value: connectivity slugs.
/// </summary>
/// <param name="Connectivity">Accepted connectivity values.</param>
public sealed record ConnectivityRule(IReadOnlyList<string> Connectivity) : RequirementRule;

/// <summary>
/// Passes when the offering serves the region: the specification's value for this requirement if given, else
/// <paramref name="Region"/> if the template fixes one, else the specification's <see cref="Specification.Region"/>.
/// </summary>
/// <param name="Region">Optional fixed region slug.</param>
public sealed record RegionServedRule([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Region = null) : RequirementRule;

/// <summary>
/// Retired: matched a phrase in an offering's free text, so boilerplate scored and a supplier could lift its score by
/// pasting words into a description. Kept only so template versions published with it can still be read; a template
/// using it can no longer be published or filled in (use <see cref="CapabilityDeclaredRule"/>).
/// </summary>
/// <param name="Phrase">The phrase it looked for.</param>
public sealed record FeaturePresentRule(string Phrase) : RequirementRule;

/// <summary>Passes when the offering's lead time is at most <paramref name="Days"/> days. Value: days.</summary>
/// <param name="Days">Longest acceptable lead time in days.</param>
public sealed record LeadTimeAtMostRule(int Days) : RequirementRule;

/// <summary>
/// Criterion only: s = lowest eligible whole-life cost / this offering's whole-life cost (see <see cref="WholeLifeCost"/>).
/// Prices are compared only on a like-for-like basis: when <paramref name="Models"/> is given, an offering priced under
/// any other model is excluded with the reason (a one-off device price is never set against a monthly service fee).
/// Takes no value.
/// </summary>
/// <param name="Models">The price models this specification compares; null (templates before price bases) = any.</param>
public sealed record PriceRule(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Models = null) : RequirementRule;

/// <summary>
/// Scores the fraction of <paramref name="Capabilities"/> the offering declares (<see cref="Catalogue.CapabilityDeclaration"/>);
/// as a gate, passes only when it declares all of them. Reads declarations only, never descriptions. Value: capability slugs.
/// </summary>
/// <param name="Capabilities">Capability slugs from <see cref="Catalogue.Capabilities"/>.</param>
public sealed record CapabilityDeclaredRule(IReadOnlyList<string> Capabilities) : RequirementRule;

/// <summary>
/// Passes when the offering declares <paramref name="Capability"/> (a measured one) with a figure of at most
/// <paramref name="AtMost"/>, e.g. a responder on site within 45 minutes. Value: the figure.
/// </summary>
/// <param name="Capability">A capability with a <see cref="Catalogue.CapabilityDefinition.Measure"/>.</param>
/// <param name="AtMost">The largest acceptable declared figure, in the capability's measure.</param>
public sealed record CapabilityWithinRule(string Capability, int AtMost) : RequirementRule;

/// <summary>
/// Social value and net zero: scores the fraction of <paramref name="Commitments"/> (capabilities of the
/// <c>social-value</c> group) the offering declares. NHS commissioners must weight these criteria at 10 % or more of the
/// total (DOMAIN.md). Value: commitment slugs.
/// </summary>
/// <param name="Commitments">Social-value capability slugs, e.g. <c>carbon-reduction-plan</c>.</param>
public sealed record SocialValueRule(IReadOnlyList<string> Commitments) : RequirementRule;

/// <summary>
/// Registration with the care regulator of the specification's nation for the regulated activity: in England CQC,
/// counted by its route like <see cref="StandardHeldRule"/>. The devolved regulators (Care Inspectorate and Healthcare
/// Improvement Scotland, CIW and HIW, RQIA) are not held by this marketplace: there the requirement says so plainly
/// and leaves the check to the commissioner, rather than pretending. Takes no value.
/// </summary>
public sealed record CareRegulatorRule : RequirementRule;
