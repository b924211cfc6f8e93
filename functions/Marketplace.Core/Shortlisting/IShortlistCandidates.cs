using Marketplace.Core.Frameworks;

namespace Marketplace.Core.Shortlisting;

/// <summary>What a specification is scored against: the active offerings with their suppliers, attestations and associations.</summary>
public interface IShortlistCandidates
{
    /// <summary>The scorer's input for <paramref name="framework"/> on <paramref name="evaluationDate"/>.</summary>
    Task<ScoringInput> LoadAsync(Framework framework, DateOnly evaluationDate, CancellationToken ct);
}
