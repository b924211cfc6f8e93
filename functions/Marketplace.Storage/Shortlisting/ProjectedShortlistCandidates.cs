using Marketplace.Core.Attestations;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Storage.Shortlisting;

/// <summary>
/// Reads what a specification is scored against from the candidate projection: the lot's partition only, then the
/// small tables (associations and certifiers, standards, the commissioner's own assessments) and the kept count of
/// active offerings, which the offerings outside the lot are counted from.
/// </summary>
public sealed class ProjectedShortlistCandidates(CandidateProjection projection, CatalogueTables tables, ShortlistingTables shortlisting) : IShortlistCandidates
{
    public async Task<ScoringInput> LoadAsync(Framework framework, string lotId, DateOnly evaluationDate, string commissionerId, CancellationToken ct)
    {
        var lotRead = projection.ReadLotAsync(lotId, ct);
        var countRead = projection.ActiveCountAsync(ct);
        // Who decided attestations, by name: certification bodies (and associations, on records from before them).
        var decidersRead = tables.Organisations.ListAllAsync(
            $"{TableFilter.Equal("Kind", OrganisationKind.Association)} or {TableFilter.Equal("Kind", OrganisationKind.Certifier)}", ct, ranges: 1);
        var standardsRead = tables.Standards.ListAllAsync(null, ct, ranges: 1);
        // Only the specification's own commissioner's assessments: another buyer's never count.
        var assessmentsRead = shortlisting.Assessments.Table.ListAllAsync(TableFilter.Equal("CommissionerId", commissionerId), ct, ranges: 1);
        var lot = await lotRead;
        var standards = await standardsRead;
        return new ScoringInput
        {
            Offerings = lot.Offerings,
            Attestations = lot.Attestations,
            Prepared = lot.Prepared,
            Framework = framework,
            EvaluationDate = evaluationDate,
            Associations = [.. (await decidersRead).Select(ScoredFields.Of)],
            Routes = standards.ToDictionary(s => s.Code, s => s.Route, StringComparer.Ordinal),
            StandardNames = standards.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            CommissionerId = commissionerId,
            Assessments = await assessmentsRead,
            OutsideLot = (int)Math.Max(0, await countRead - lot.Offerings.Count),
        };
    }
}
