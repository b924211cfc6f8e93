namespace Marketplace.Core.CallOffs;

/// <summary>Where a further competition is: open for responses, closed (scoring), in standstill, awarded (contract may be entered), contracted.</summary>
public static class CompetitionStatus
{
    /// <summary>Invitations out; questions and sealed responses accepted until the deadline.</summary>
    public const string Open = "open";
    /// <summary>The deadline passed: responses are unsealed for the commissioner to score.</summary>
    public const string Closed = "closed";
    /// <summary>The award decision is published; the contract waits until the standstill ends.</summary>
    public const string Standstill = "standstill";
    /// <summary>The award decision stands; the contract may be entered.</summary>
    public const string Awarded = "awarded";
    /// <summary>The contract is entered and its details notice published.</summary>
    public const string Contracted = "contracted";
}

/// <summary>
/// A further competition (Procurement Act 2023 s.46 competitive selection, or the PSR competitive process) run from a
/// locked shortlist among every supplier admitted to the lot able to deliver. Its id is the shortlist's id: one
/// competition per shortlist, one contracting process (ocid) for both.
/// </summary>
public sealed record Competition
{
    /// <summary>Id, equal to the shortlist's.</summary>
    public required string Id { get; init; }
    /// <summary>The owning commissioner organisation.</summary>
    public required string CommissionerId { get; init; }
    /// <summary>Its name.</summary>
    public required string CommissionerName { get; init; }
    /// <summary>The specification's title.</summary>
    public required string Title { get; init; }
    /// <summary>What is bought, in words (lot, volume, term, region).</summary>
    public required string Description { get; init; }
    /// <summary><see cref="Regime"/> value.</summary>
    public required string Regime { get; init; }
    /// <summary><see cref="CallOffProcess.FurtherCompetition"/> or <see cref="CallOffProcess.PsrCompetitive"/>.</summary>
    public required string Process { get; init; }
    /// <summary>Framework id.</summary>
    public required string FrameworkId { get; init; }
    /// <summary>Framework reference.</summary>
    public required string FrameworkReference { get; init; }
    /// <summary>Framework name.</summary>
    public required string FrameworkName { get; init; }
    /// <summary>Lot id.</summary>
    public required string LotId { get; init; }
    /// <summary>OCDS main procurement category of the lot: goods or services.</summary>
    public required string MainProcurementCategory { get; init; }
    /// <summary>CPV codes and titles of the lot's categories.</summary>
    public required IReadOnlyList<CpvCode> Cpv { get; init; }
    /// <summary>Units, patients or connections the price covers.</summary>
    public required int Volume { get; init; }
    /// <summary>Contract length in months the price covers.</summary>
    public required int ContractMonths { get; init; }
    /// <summary>The award criteria with their published weights, in template order.</summary>
    public required IReadOnlyList<PublishedCriterion> Criteria { get; init; }
    /// <summary>When responses close (UTC).</summary>
    public required DateTimeOffset Deadline { get; init; }
    /// <summary>Whether a standstill follows the award decision (required by the route or chosen by the commissioner).</summary>
    public required bool Standstill { get; init; }
    /// <summary><see cref="CompetitionStatus"/> value.</summary>
    public required string Status { get; init; }
    /// <summary>Every invited supplier.</summary>
    public required IReadOnlyList<Invitation> Invitations { get; init; }
    /// <summary>Clarification questions and their published answers.</summary>
    public IReadOnlyList<Clarification> Questions { get; init; } = [];
    /// <summary>Sealed responses: read only through <see cref="CompetitionRules.Unsealed"/>.</summary>
    public IReadOnlyList<SealedResponse> Responses { get; init; } = [];
    /// <summary>The commissioner's scores, per supplier and criterion.</summary>
    public IReadOnlyList<ResponseScore> Scores { get; init; } = [];
    /// <summary>Set by the award decision.</summary>
    public AwardDecision? Award { get; init; }
    /// <summary>Set when the contract is entered.</summary>
    public EnteredContract? Contract { get; init; }
    /// <summary>Notices published, in order: tender, award, contract.</summary>
    public IReadOnlyList<PublishedNotice> Notices { get; init; } = [];
    /// <summary>When it started (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>User id of who started it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Whether <paramref name="supplierId"/> was invited.</summary>
    public bool Invites(string? supplierId) => Invitations.Any(i => i.SupplierId == supplierId);
}

/// <summary>A CPV 2008 code with its title.</summary>
public sealed record CpvCode(string Code, string Title);

/// <summary>An award criterion as published with the invitation.</summary>
/// <param name="Id">Criterion id in the template.</param>
/// <param name="Text">What it asks.</param>
/// <param name="Weight">Published weight (integer ≥ 0).</param>
/// <param name="IsPrice">The price criterion: scored from the prices, lowest / this.</param>
public sealed record PublishedCriterion(string Id, string Text, int Weight, bool IsPrice);

/// <summary>An invited supplier, with the offering of its the shortlist scored (for pre-filled scores) when there is one.</summary>
public sealed record Invitation(string SupplierId, string SupplierName, string? CompanyNumber, string? OfferingId, string? OfferingName);

/// <summary>A clarification question; the asker is kept for the record and never published.</summary>
public sealed record Clarification(string Id, string AskedBy, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>A supplier's response: the price for the specification's volume and term, and an answer with evidence per weighted criterion.</summary>
public sealed record SealedResponse(string SupplierId, decimal PriceGbp, IReadOnlyList<CriterionAnswer> Answers, DateTimeOffset SubmittedAt, string SubmittedBy);

/// <summary>An answer to one criterion.</summary>
public sealed record CriterionAnswer(string CriterionId, string Answer, string? Evidence);

/// <summary>A score the commissioner gave one answer, in [0, 1], with its reason; <see cref="Prefilled"/> when taken from the supplier's declarations and verified standards.</summary>
public sealed record ResponseScore(string SupplierId, string CriterionId, double Score, string Reason, bool Prefilled);

/// <summary>The award decision: the winner, every participant's assessment summary, and when standstill ends.</summary>
public sealed record AwardDecision(string WinnerSupplierId, IReadOnlyList<ParticipantAssessment> Assessments, DateTimeOffset DecidedAt, string DecidedBy, DateTimeOffset? StandstillEnds);

/// <summary>One participant's assessment summary: its scores and reasons, its rank and total, and what the winner did better.</summary>
public sealed record ParticipantAssessment(string SupplierId, string SupplierName, int Rank, double Total, decimal PriceGbp, IReadOnlyList<AssessedLine> Lines, string RelativeAdvantages);

/// <summary>One criterion of an assessment: weight, score, points towards the total, reason, and the winner's score for comparison.</summary>
public sealed record AssessedLine(string CriterionId, int Weight, double Score, double Points, string Reason, double WinnerScore);

/// <summary>The contract as entered.</summary>
public sealed record EnteredContract(DateOnly SignedOn, decimal ValueGbp, DateOnly StartDate, DateOnly EndDate, DateTimeOffset EnteredAt, string EnteredBy);

/// <summary>A notice published for the procurement: its OCDS tag and when.</summary>
public sealed record PublishedNotice(string Tag, DateTimeOffset PublishedAt);
