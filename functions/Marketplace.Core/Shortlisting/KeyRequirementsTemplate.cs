using System.Text.Json.Serialization;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// A named, versioned key-requirements template (<c>schemas/template.schema.json</c>): sections of requirements, each a
/// pass/fail <see cref="RequirementKind.Gate"/> or a weighted <see cref="RequirementKind.Criterion"/> with a
/// machine-checkable <see cref="RequirementRule"/>. A commissioner fills one in as a <see cref="Specification"/>.
/// </summary>
public sealed record KeyRequirementsTemplate
{
    /// <summary>Template id (kebab-case slug), e.g. <c>telehealth-remote-monitoring</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Version, from 1; a published version never changes, an edit makes a new one.</summary>
    public required int Version { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    // "?? default" because generated JSON code sets a member a body leaves out to null (dotnet/runtime#84484), where
    // reflection kept the initial value; the API binds bodies with generated code (WireJson).
    /// <summary>What the template is for.</summary>
    public string Description { get; init => field = value ?? ""; } = "";
    /// <summary>The framework lot number (DOMAIN.md numbering, 1–6) the template is written for; a hint, the specification names the lot.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // the schema has no null: a template read back can be published again
    public int? Lot { get; init; }
    /// <summary>Sections in display order.</summary>
    public required IReadOnlyList<TemplateSection> Sections { get; init; }

    /// <summary>Every requirement, in section then requirement order (the order of a shortlist's breakdown).</summary>
    [JsonIgnore]
    public IEnumerable<Requirement> Requirements => Sections.SelectMany(s => s.Requirements);

    /// <summary>The requirement's text, as a commissioner reads it; the id itself only when the template has no such requirement.</summary>
    public string TextOf(string requirementId) => Requirements.FirstOrDefault(r => r.Id == requirementId)?.Text ?? requirementId;
}

/// <summary>A titled group of requirements, e.g. "Information governance".</summary>
public sealed record TemplateSection
{
    /// <summary>Section id, unique in its template.</summary>
    public required string Id { get; init; }
    /// <summary>Heading.</summary>
    public required string Title { get; init; }
    /// <summary>Requirements in display order.</summary>
    public required IReadOnlyList<Requirement> Requirements { get; init; }
}

/// <summary>One requirement: plain-English text, gate or criterion, the rule that checks it and, for a criterion, its default weight.</summary>
public sealed record Requirement
{
    /// <summary>Requirement id, unique in its template; the key of weights and values in a specification.</summary>
    public required string Id { get; init; }
    /// <summary>The requirement in plain English, as a commissioner reads it.</summary>
    public required string Text { get; init; }
    /// <summary>Gate (pass/fail, excludes on failure) or criterion (scored in [0,1], weighted).</summary>
    public required RequirementKind Kind { get; init; }
    /// <summary>How the requirement is checked against an offering.</summary>
    public required RequirementRule Rule { get; init; }
    /// <summary>Criteria only: weight used when the specification gives none; an integer ≥ 0. Null on gates.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DefaultWeight { get; init; }
    /// <summary>
    /// Criteria only: the least share of the total weight, in percent, a specification may give this criterion
    /// (e.g. social value at least 10). Null = no floor.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinSharePercent { get; init; }
    /// <summary>
    /// Criteria only: the largest share of the total weight, in percent, a specification may give this criterion: how
    /// a template fixes the price/quality split (e.g. price at most 40) and lets the commissioner choose within it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxSharePercent { get; init; }
}

/// <summary>Whether a requirement excludes (gate) or scores (criterion); <c>gate</c> / <c>criterion</c> in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RequirementKind>))]
public enum RequirementKind
{
    /// <summary>Mandatory: an offering that fails it is excluded, with the gate named.</summary>
    [JsonStringEnumMemberName("gate")]
    Gate,
    /// <summary>Weighted: contributes 100·w·s/Σw points to the total, s ∈ [0,1].</summary>
    [JsonStringEnumMemberName("criterion")]
    Criterion,
}
