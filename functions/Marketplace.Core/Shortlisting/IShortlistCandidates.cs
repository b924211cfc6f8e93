using Marketplace.Core.Frameworks;

namespace Marketplace.Core.Shortlisting;

/// <summary>What a specification is scored against: the active offerings of one lot with their suppliers, attestations, associations and the commissioner's own assessments.</summary>
public interface IShortlistCandidates
{
    /// <summary>
    /// The scorer's input for lot <paramref name="lotId"/> of <paramref name="framework"/> on <paramref name="evaluationDate"/>:
    /// at least every active offering listed in the lot (those outside it may be left out and only counted, in
    /// <see cref="ScoringInput.OutsideLot"/>), each loaded through <see cref="ScoredFields"/>, with the standards' routes and
    /// the buyer assessments of <paramref name="commissionerId"/> (the specification's owner) only.
    /// </summary>
    Task<ScoringInput> LoadAsync(Framework framework, string lotId, DateOnly evaluationDate, string commissionerId, CancellationToken ct);
}
