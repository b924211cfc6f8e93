namespace Marketplace.Core.Progress;

/// <summary>
/// A request to bring the counters in line with one record, sent on a queue after the write. It names only the record:
/// the handler reads it as it is now, so replays and reordering are harmless.
/// </summary>
/// <param name="OfferingId">An offering whose listing or attestations changed.</param>
/// <param name="ShortlistId">A shortlist whose outcome was recorded.</param>
public sealed record AggregateUpdate(string? OfferingId = null, string? ShortlistId = null);
