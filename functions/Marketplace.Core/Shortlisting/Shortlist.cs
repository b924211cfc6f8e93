namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The result of scoring one specification against the catalogue at one moment: every eligible offering ranked with a
/// breakdown that sums to its total, and every other offering with the reason(s) it was left out. The same inputs, in
/// any order, always give an equal shortlist.
/// </summary>
/// <param name="TemplateId">Template id the specification filled in.</param>
/// <param name="TemplateVersion">Its version.</param>
/// <param name="LotId">Framework lot id.</param>
/// <param name="LotNumber">Framework lot number.</param>
/// <param name="EvaluationDate">Day the standards were judged on.</param>
/// <param name="LowestWholeLifeCostGbp">Lowest whole-life cost among eligible offerings (the price criterion's numerator); null when none is eligible.</param>
/// <param name="Entries">Eligible offerings, rank 1 first.</param>
/// <param name="Exclusions">Offerings left out, by offering id (ordinal).</param>
public sealed record Shortlist(
    string TemplateId,
    int TemplateVersion,
    string LotId,
    int LotNumber,
    DateOnly EvaluationDate,
    decimal? LowestWholeLifeCostGbp,
    IReadOnlyList<ShortlistEntry> Entries,
    IReadOnlyList<Exclusion> Exclusions);

/// <summary>
/// One eligible offering. <see cref="Total"/> is the one number both shown and ranked on: the sum of the breakdown's
/// points, in [0, 100]. Round it only to display it.
/// </summary>
/// <param name="Rank">1 for the best; ranks are distinct (ties are broken, see <see cref="Scorer"/>).</param>
/// <param name="OfferingId">Offering id.</param>
/// <param name="OfferingName">Offering name.</param>
/// <param name="SupplierId">Supplier id.</param>
/// <param name="SupplierName">Supplier name.</param>
/// <param name="Total">100 × Σ(wᵢ·sᵢ)/Σwᵢ, computed as the sum of <see cref="Criteria"/> points; in [0, 100].</param>
/// <param name="WholeLifeCostGbp">Cost over the contract per the price model (see <see cref="WholeLifeCost"/>); null for an unknown price model.</param>
/// <param name="VerifiedStandards">How many distinct standards the offering holds (verified and unexpired, organisation-level or its own).</param>
/// <param name="WithinBudget">Whether the whole-life cost is within the specification's budget; null when there is no budget or no cost.</param>
/// <param name="Criteria">One line per criterion, in template order, zero weights included.</param>
public sealed record ShortlistEntry(
    int Rank,
    string OfferingId,
    string OfferingName,
    string SupplierId,
    string SupplierName,
    double Total,
    decimal? WholeLifeCostGbp,
    int VerifiedStandards,
    bool? WithinBudget,
    IReadOnlyList<CriterionLine> Criteria);

/// <summary>One criterion's part of a total.</summary>
/// <param name="RequirementId">Criterion id in the template.</param>
/// <param name="Weight">Weight used, integer ≥ 0.</param>
/// <param name="Score">sᵢ ∈ [0, 1].</param>
/// <param name="Points">100·wᵢ·sᵢ/Σw; the points of an entry sum to its total.</param>
/// <param name="Explanation">Why, in plain English, e.g. "Holds TSA-QSF, verified by the TEC Services Association, expires 2027-03-01".</param>
public sealed record CriterionLine(string RequirementId, int Weight, double Score, double Points, string Explanation);

/// <summary>An offering left out of the shortlist, with every reason.</summary>
/// <param name="OfferingId">Offering id.</param>
/// <param name="OfferingName">Offering name.</param>
/// <param name="SupplierId">Supplier id.</param>
/// <param name="SupplierName">Supplier name.</param>
/// <param name="Reasons">Status, lot and admission reasons first, then the price basis, then each failed gate in template order.</param>
public sealed record Exclusion(string OfferingId, string OfferingName, string SupplierId, string SupplierName, IReadOnlyList<ExclusionReason> Reasons);

/// <summary>One reason an offering was left out.</summary>
/// <param name="Code">One of <see cref="ExclusionCodes"/>.</param>
/// <param name="RequirementId">The failed gate's id, or the price criterion's for a price basis; null for lot, admission and status reasons.</param>
/// <param name="Explanation">Plain English naming the requirement by its text, e.g. "not in lot 3" or "fails \"Holds a current DSPT\": …".</param>
public sealed record ExclusionReason(string Code, string? RequirementId, string Explanation)
{
    // Scoring excludes tens of thousands of offerings and keeps at most a thousand, so a gate's sentence is written
    // only when something reads it (the same sentence, once).
    private Func<string>? explain;

    internal ExclusionReason(string code, string? requirementId, Func<string> explain)
        : this(code, requirementId, (string)null!) => this.explain = explain;

    /// <summary>Plain English naming the requirement by its text.</summary>
    public string Explanation
    {
        get
        {
            if (explain is { } pending)
            {
                field = pending();
                explain = null;
            }
            return field;
        }
        init;
    } = Explanation;

    /// <summary>Equal when code, requirement and explanation are.</summary>
    public bool Equals(ExclusionReason? other) =>
        other is not null && Code == other.Code && RequirementId == other.RequirementId && Explanation == other.Explanation;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, RequirementId, Explanation);
}

/// <summary>Why an offering can be excluded.</summary>
public static class ExclusionCodes
{
    /// <summary>The offering does not list the specification's lot.</summary>
    public const string NotInLot = "not-in-lot";
    /// <summary>The offering's supplier is not admitted to the specification's lot.</summary>
    public const string SupplierNotAdmitted = "supplier-not-admitted";
    /// <summary>A mandatory gate failed.</summary>
    public const string GateFailed = "gate-failed";
    /// <summary>The offering has been retired by its supplier and is no longer offered.</summary>
    public const string Retired = "retired";
    /// <summary>The offering is priced under a model the specification's price criterion does not compare (like for like).</summary>
    public const string PriceBasis = "price-basis";
}
