using Marketplace.Core.Frameworks;

namespace Marketplace.Core.Shortlisting;

/// <summary>What a specification is scored against: the active offerings with their suppliers, attestations, associations and the commissioner's own assessments.</summary>
public interface IShortlistCandidates
{
    /// <summary>
    /// The scorer's input for <paramref name="framework"/> on <paramref name="evaluationDate"/>, with the standards'
    /// routes and the buyer assessments of <paramref name="commissionerId"/> (the specification's owner) only.
    /// </summary>
    Task<ScoringInput> LoadAsync(Framework framework, DateOnly evaluationDate, string commissionerId, CancellationToken ct);
}
