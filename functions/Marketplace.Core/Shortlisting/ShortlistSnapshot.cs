using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Exactly what a shortlist's listed entries were scored from, kept with the shortlist so that later supplier edits or
/// attestation decisions never change it: the template and specification, the framework, the evaluation date, the listed
/// offerings (plus the one that set the lowest whole-life cost, which every price score depends on) and every
/// attestation of their suppliers. Re-scoring it (<see cref="ShortlistLocking.Rescore"/>) gives the same entries.
/// </summary>
public sealed record ShortlistSnapshot
{
    /// <summary>The template as scored.</summary>
    public required KeyRequirementsTemplate Template { get; init; }
    /// <summary>The specification as scored.</summary>
    public required Specification Specification { get; init; }
    /// <summary>The framework as it was (lots and admitted suppliers).</summary>
    public required Framework Framework { get; init; }
    /// <summary>The day standards were judged on.</summary>
    public required DateOnly EvaluationDate { get; init; }
    /// <summary>How many entries the shortlist keeps.</summary>
    public required int MaxResults { get; init; }
    /// <summary>The listed offerings and the price reference, with their suppliers, by offering id.</summary>
    public required IReadOnlyList<CandidateOffering> Offerings { get; init; }
    /// <summary>Those suppliers' organisation-level attestations and the kept offerings' own (any status), by id.</summary>
    public required IReadOnlyList<Attestation> Attestations { get; init; }
    /// <summary>The trade associations, so explanations name who verified.</summary>
    public required IReadOnlyList<Organisation> Associations { get; init; }
    // The three below are null in snapshots locked before verification routes, which then re-score (and hash) as they did.
    /// <summary>Each standard's verification route by code, as scored.</summary>
    public IReadOnlyDictionary<string, string>? Routes { get; init; }
    /// <summary>The commissioner whose buyer assessments counted.</summary>
    public string? CommissionerId { get; init; }
    /// <summary>That commissioner's assessments of the kept offerings (id, version assessed, outcome), as they stood.</summary>
    public IReadOnlyList<BuyerAssessment>? Assessments { get; init; }
    /// <summary>Each standard's name by code, as explanations named them; null in snapshots from before standards were named in words.</summary>
    public IReadOnlyDictionary<string, string>? StandardNames { get; init; }
    /// <summary>
    /// Every decision the commissioner made on a claimed equivalent, by attestation id; null when none (so snapshots
    /// from before claims hash as they did).
    /// </summary>
    public IReadOnlyList<EquivalentDecision>? EquivalentDecisions { get; init; }
}
