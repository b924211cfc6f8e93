using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Functions.Shortlists;

/// <summary>Reads what a specification is scored against from the tables: active offerings with their suppliers, attestations and associations.</summary>
internal static class ShortlistInputs
{
    public static async Task<ScoringInput> LoadAsync(Framework framework, DateOnly evaluationDate, CatalogueTables tables, CancellationToken ct)
    {
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        var associations = new List<Organisation>();
        await foreach (var organisation in tables.Organisations.ListAsync(null, ct))
        {
            organisations[organisation.Id] = organisation;
            if (organisation.Kind == OrganisationKind.Association)
            {
                associations.Add(organisation);
            }
        }
        var offerings = new List<CandidateOffering>();
        await foreach (var offering in tables.Offerings.ListAsync(TableFilter.Equal("Status", OfferingStatus.Active), ct))
        {
            if (organisations.TryGetValue(offering.SupplierId, out var supplier))
            {
                offerings.Add(new CandidateOffering(offering, supplier));
            }
        }
        var attestations = new List<Attestation>();
        await foreach (var attestation in tables.Attestations.ListAsync(null, ct))
        {
            attestations.Add(attestation);
        }
        return new ScoringInput
        {
            Offerings = offerings,
            Attestations = attestations,
            Framework = framework,
            EvaluationDate = evaluationDate,
            Associations = associations,
        };
    }
}
