using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Shortlisting;

/// <summary>What a specification is scored against, as loaded at one moment: nothing here is read from a clock or a store.</summary>
public sealed record ScoringInput
{
    /// <summary>The candidate offerings, each with its supplier; offering ids must be distinct. Input order never matters.</summary>
    public required IReadOnlyList<CandidateOffering> Offerings { get; init; }
    /// <summary>The attestations of the candidates' suppliers (any status; only verified, unexpired ones count). Others are ignored.</summary>
    public IReadOnlyList<Attestation> Attestations { get; init; } = [];
    /// <summary>The framework whose lot the specification names: its lots and the suppliers admitted to each.</summary>
    public required Framework Framework { get; init; }
    /// <summary>The day the standards are judged on: an attestation counts when verified and not expired on this date.</summary>
    public required DateOnly EvaluationDate { get; init; }
    /// <summary>Optional: the trade associations, so explanations name who verified a standard rather than its id.</summary>
    public IReadOnlyList<Organisation> Associations { get; init; } = [];
    /// <summary>
    /// Each standard's verification route by code (<c>Standards.VerificationRoute</c>). A code not here counts only
    /// through a verified attestation, as every standard did before routes.
    /// </summary>
    public IReadOnlyDictionary<string, string> Routes { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// Each standard's name by code (<c>Standards.Name</c>), so explanations name a standard in words; a code not here
    /// is named by its code.
    /// </summary>
    public IReadOnlyDictionary<string, string> StandardNames { get; init; } = new Dictionary<string, string>();
    /// <summary>The commissioner whose specification is scored: only its own buyer assessments count.</summary>
    public string? CommissionerId { get; init; }
    /// <summary>Buyer assessments (DTAC, NICE ESF); only those by <see cref="CommissionerId"/> are read.</summary>
    public IReadOnlyList<BuyerAssessment> Assessments { get; init; } = [];
    /// <summary>The commissioner's decisions on claimed equivalents for this shortlist; an accepted claim counts for its standard.</summary>
    public IReadOnlyList<EquivalentDecision> EquivalentDecisions { get; init; } = [];
    /// <summary>
    /// Active offerings counted but not loaded because they are not in the specification's lot (a reader of one lot's
    /// candidates only); 0 when <see cref="Offerings"/> holds every active offering. Shortlists count them as considered
    /// and not in the lot, exactly as if they had been scored.
    /// </summary>
    public int OutsideLot { get; init; }
    /// <summary>
    /// Optional: <see cref="Offerings"/> and <see cref="Attestations"/> (these very lists) prepared once by
    /// <see cref="PreparedCandidates.Of"/> and shared by every scoring of them; when null, each scoring prepares them.
    /// </summary>
    public PreparedCandidates? Prepared { get; init; }
}

/// <summary>An offering and the organisation that supplies it (<c>Supplier.Id</c> = <c>Offering.SupplierId</c>).</summary>
/// <remarks>Loaded through <see cref="ScoredFields"/>, so it holds what scoring and the snapshot read and nothing else.</remarks>
/// <param name="Offering">The offering.</param>
/// <param name="Supplier">Its supplier.</param>
public sealed record CandidateOffering(Offering Offering, Organisation Supplier);
