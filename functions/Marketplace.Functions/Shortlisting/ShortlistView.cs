using Marketplace.Core.Shortlisting;

namespace Marketplace.Functions.Shortlisting;

/// <summary>
/// A shortlist as the API shows it: everything but the snapshot (the inputs it was scored from, which
/// <c>GET /api/shortlists/{id}/verify</c> re-scores), with the claimed equivalents pending or decided on it.
/// </summary>
public sealed record ShortlistView(
    string Id, string SpecificationId, string CommissionerId, string Title, string Status, int MaxResults, DateTimeOffset CreatedAt, string CreatedBy,
    ShortlistContext Context, ShortlistCounts Counts, Shortlist Result, ShortlistLock? Lock, CallOffOutcome? Outcome, IReadOnlyList<ShortlistEquivalent> Equivalents,
    Marketplace.Core.CallOffs.AwardChecks? Checks = null)
{
    public static ShortlistView Of(ShortlistDocument d) =>
        new(d.Id, d.SpecificationId, d.CommissionerId, d.Title, d.Status, d.MaxResults, d.CreatedAt, d.CreatedBy, d.Context, d.Counts, d.Result, d.Lock, d.Outcome, d.Equivalents, d.Checks);
}
