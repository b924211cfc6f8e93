using System.Runtime.CompilerServices;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// Reads offerings from the tables as search documents: supplier name from the organisations table, standards from
/// the attestations that count today.
/// </summary>
public sealed class TableOfferingSearchSource(CatalogueTables tables, TimeProvider time) : IOfferingSearchSource
{
    public async Task<OfferingSearchDocument?> FindAsync(string offeringId, CancellationToken ct)
    {
        if (await tables.Offerings.FindAsync(offeringId, ct) is not { Document: var offering })
        {
            return null;
        }
        var supplier = await tables.Organisations.FindAsync(offering.SupplierId, ct);
        var attestations = new List<Attestation>();
        await foreach (var attestation in tables.Attestations.ListAsync(TableFilter.Equal("SupplierId", offering.SupplierId), ct))
        {
            attestations.Add(attestation);
        }
        return SearchProjection.Project(offering, supplier?.Document, attestations, Today);
    }

    public async IAsyncEnumerable<OfferingSearchDocument> ListActiveAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // Suppliers and attestations are far fewer than offerings: read them once, then stream the offerings.
        var suppliers = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        await foreach (var organisation in tables.Organisations.ListAsync(TableFilter.Equal("Kind", OrganisationKind.Supplier), ct))
        {
            suppliers[organisation.Id] = organisation;
        }
        var attestations = new Dictionary<string, List<Attestation>>(StringComparer.Ordinal);
        await foreach (var attestation in tables.Attestations.ListAsync(
            $"{TableFilter.Equal("Status", AttestationStatus.Verified)} or {TableFilter.Equal("Status", AttestationStatus.Declared)}", ct))
        {
            (attestations.TryGetValue(attestation.SupplierId, out var list) ? list : attestations[attestation.SupplierId] = []).Add(attestation);
        }
        var today = Today;
        await foreach (var offering in tables.Offerings.ListAsync(TableFilter.Equal("Status", OfferingStatus.Active), ct))
        {
            if (SearchProjection.Project(offering, suppliers.GetValueOrDefault(offering.SupplierId), attestations.GetValueOrDefault(offering.SupplierId) ?? [], today) is { } document)
            {
                yield return document;
            }
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
