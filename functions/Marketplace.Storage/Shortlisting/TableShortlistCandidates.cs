using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Storage.Shortlisting;

/// <summary>Reads what a specification is scored against from the tables: active offerings with their suppliers, attestations, associations, standards' routes and names and the commissioner's own assessments.</summary>
public sealed class TableShortlistCandidates(CatalogueTables tables, ShortlistingTables shortlisting) : IShortlistCandidates
{
    public async Task<ScoringInput> LoadAsync(Framework framework, DateOnly evaluationDate, string commissionerId, CancellationToken ct)
    {
        // Independent whole-table reads, run together; the large ones by partition ranges in parallel.
        var organisationsRead = tables.Organisations.ListAllAsync(null, ct, ranges: 1);
        var offeringsRead = tables.Offerings.ListAllAsync(TableFilter.Equal("Status", OfferingStatus.Active), ct);
        var attestationsRead = tables.Attestations.ListAllAsync(null, ct);
        var standardsRead = tables.Standards.ListAllAsync(null, ct, ranges: 1);
        // Only the specification's own commissioner's assessments: another buyer's never count.
        var assessmentsRead = shortlisting.Assessments.Table.ListAllAsync(TableFilter.Equal("CommissionerId", commissionerId), ct, ranges: 1);
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
            // Who decided attestations, by name: certification bodies (and associations, on records from before them).
            Associations = [.. organisations.Values.Where(o => o.Kind is OrganisationKind.Association or OrganisationKind.Certifier)],
            Routes = (await standardsRead).ToDictionary(s => s.Code, s => s.Route, StringComparer.Ordinal),
            StandardNames = (await standardsRead).ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            CommissionerId = commissionerId,
            Assessments = await assessmentsRead,
        };
    }
}
