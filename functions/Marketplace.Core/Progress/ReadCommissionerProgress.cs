using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Progress;

/// <summary>One of the commissioner's awarded call-offs.</summary>
public sealed record AwardLine(string ShortlistId, string Title, string LotName, string Region, int People, string OfferingName, string SupplierName, DateTimeOffset AwardedAt);

/// <summary>The lot in the commissioner's region: how many suppliers and offerings can deliver it, and who.</summary>
public sealed record LotCapacity(string LotId, string LotName, long Offerings, IReadOnlyList<Organisation> Suppliers);

/// <summary>A commissioner's own area: its awards, and per lot who can deliver in its region (none = a coverage gap).</summary>
public sealed record CommissionerProgress(Organisation Commissioner, string Region, IReadOnlyList<AwardLine> Awards, IReadOnlyList<LotCapacity> Lots);

/// <summary>The commissioner's view of its own area; only a commissioner, for its own organisation.</summary>
public sealed class ReadCommissionerProgress(IOrganisations organisations, ICommissionerRecords<ShortlistDocument> shortlists, IAggregateStore store,
    Frameworks.IFrameworks frameworks)
{
    /// <summary>403 unless the actor is a commissioner; 404 when its organisation is no commissioner with a region.</summary>
    public async Task<Outcome<CommissionerProgress>> RunAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Has(MarketplaceRole.Commissioner) || actor.OrganisationId is not { } id)
        {
            return Failure.Forbidden("Only a commissioner sees its area's progress.", "Sign in as a commissioner.");
        }
        if (!Ids.IsId(id) || await organisations.FindAsync(id, ct) is not { Kind: OrganisationKind.Commissioner, Region: { } region } commissioner)
        {
            return Failure.NotFound("commissioner with a region", id);
        }
        var awards = (await shortlists.OfCommissionerAsync(id, ct))
            .Where(s => s.Outcome is { Result: CallOffResult.Awarded })
            .Select(s => new AwardLine(s.Id, s.Title, s.Context.LotName, s.Snapshot.Specification.Region, s.Snapshot.Specification.Volume,
                s.Outcome!.OfferingName ?? "", s.Outcome.SupplierName ?? "", s.Outcome.RecordedAt))
            .OrderByDescending(a => a.AwardedAt).ToList();
        var suppliers = (await organisations.ListAsync(OrganisationKind.Supplier, ct)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var figures = new ProgressFigures(await store.CountersAsync(ct));
        var lots = new List<LotCapacity>();
        foreach (var lot in (await frameworks.ListAsync(ct)).SelectMany(f => f.Lots).OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            var key = Measures.Pair(lot.Id, region);
            var able = (await store.SliceAsync(Measures.SuppliersByLotRegion, key, ct))
                .Select(c => c.Member).Distinct(StringComparer.Ordinal)
                .Select(s => suppliers.GetValueOrDefault(s)).OfType<Organisation>()
                .OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
            lots.Add(new LotCapacity(lot.Id, lot.Name, figures.Of(Measures.OfferingsByLotRegion, key), able));
        }
        return new CommissionerProgress(commissioner, region, awards, lots);
    }
}
