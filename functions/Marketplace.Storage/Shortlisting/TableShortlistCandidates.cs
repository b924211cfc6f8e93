using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Storage.Shortlisting;

/// <summary>Reads what a specification is scored against from the tables: active offerings with their suppliers, attestations and associations.</summary>
public sealed class TableShortlistCandidates(CatalogueTables tables) : IShortlistCandidates
{
    public async Task<ScoringInput> LoadAsync(Framework framework, DateOnly evaluationDate, CancellationToken ct)
    {
        // Independent whole-table reads, run together; the large ones by partition ranges in parallel.
        var organisationsRead = tables.Organisations.ListAllAsync(null, ct, ranges: 1);
        var offeringsRead = tables.Offerings.ListAllAsync(TableFilter.Equal("Status", OfferingStatus.Active), ct);
        var attestationsRead = tables.Attestations.ListAllAsync(null, ct);
        var organisations = (await organisationsRead).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var offerings = new List<CandidateOffering>();
        foreach (var offering in await offeringsRead)
        {
            if (organisations.TryGetValue(offering.SupplierId, out var supplier))
            {
                offerings.Add(new CandidateOffering(offering, supplier));
            }
        }
        return new ScoringInput
        {
            Offerings = offerings,
            Attestations = await attestationsRead,
            Framework = framework,
            EvaluationDate = evaluationDate,
            Associations = [.. organisations.Values.Where(o => o.Kind == OrganisationKind.Association)],
        };
    }
}
