using System.Text.Json;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// A commissioner's filled-in template: which lot and region, how much and for how long, and the chosen weights and
/// values. Check it with <see cref="SpecificationRules.Validate"/> before scoring.
/// </summary>
public record Specification
{
    /// <summary>Id of the template filled in.</summary>
    public required string TemplateId { get; init; }
    /// <summary>Version of the template filled in.</summary>
    public required int TemplateVersion { get; init; }
    /// <summary>Framework lot id the call-off is under, e.g. <c>ttc-2026-lot-3</c>.</summary>
    public required string LotId { get; init; }
    /// <summary>Region slug of the commissioner's population; the default for region-served rules.</summary>
    public required string Region { get; init; }
    /// <summary>How many units, patients or connections (per the offering's price model), 1–1,000,000.</summary>
    public required int Volume { get; init; }
    /// <summary>Contract length in months, 1–120.</summary>
    public required int ContractMonths { get; init; }
    /// <summary>Optional budget for the whole contract in GBP excluding VAT (&gt; 0); informs, never excludes.</summary>
    public decimal? BudgetGbp { get; init; }
    // "?? default" because generated JSON code sets a member a body leaves out to null (dotnet/runtime#84484), where
    // reflection kept the initial value; the API binds bodies with generated code (WireJson).
    /// <summary>Weights by criterion id, integers ≥ 0; a criterion not named keeps its template default weight.</summary>
    public IReadOnlyDictionary<string, int> Weights { get; init => field = value ?? new Dictionary<string, int>(); } = new Dictionary<string, int>();
    /// <summary>
    /// Values by requirement id for rules that take one (<see cref="RequirementRule.TakesValue"/>): slug arrays,
    /// a region slug, a phrase or a number of days. They replace the template's default for that requirement.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; init => field = value ?? new Dictionary<string, JsonElement>(); } = new Dictionary<string, JsonElement>();

    /// <summary>Only the part the scorer reads, as a plain <see cref="Specification"/> (what a shortlist's snapshot keeps).</summary>
    public Specification ToSpecification() => new(this);
}

/// <summary>
/// What a commissioner writes: a <see cref="Specification"/> with a title. The body of
/// <c>POST /api/specifications</c> and <c>PUT /api/specifications/{id}</c> (<c>schemas/specification.schema.json</c>).
/// </summary>
public record SpecificationDraft : Specification
{
    /// <summary>What the commissioner calls it, e.g. "COPD and heart failure remote monitoring, 2027–2030".</summary>
    public required string Title { get; init; }
}

/// <summary>A problem with a specification or template, keyed by the JSON path of the field at fault (e.g. <c>weights.price</c>).</summary>
/// <param name="Path">JSON path of the field, dotted, e.g. <c>values.region</c> or <c>contractMonths</c>.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record SpecificationError(string Path, string Message);
