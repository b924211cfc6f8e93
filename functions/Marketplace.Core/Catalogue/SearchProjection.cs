using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Catalogue;

/// <summary>Turns an offering and what is known of its supplier into its search document.</summary>
public static class SearchProjection
{
    /// <summary>
    /// The search document of an active offering, or null for a retired one. Its standards are exactly its own and
    /// its supplier's organisation-level attestations that count on <paramref name="today"/>.
    /// </summary>
    public static OfferingSearchDocument? Project(Offering offering, Organisation? supplier, IEnumerable<Attestation> supplierAttestations, DateOnly today)
    {
        if (offering.Status != OfferingStatus.Active)
        {
            return null;
        }
        var standards = supplierAttestations
            .Where(a => a.SupplierId == offering.SupplierId && (a.OfferingId is null || a.OfferingId == offering.Id) && a.IsCurrentOn(today))
            .Select(a => a.StandardCode)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new OfferingSearchDocument
        {
            Id = offering.Id,
            Name = offering.Name,
            Summary = offering.Summary,
            Description = offering.Description,
            SupplierId = offering.SupplierId,
            SupplierName = supplier?.Name ?? "",
            Category = offering.Category,
            Conditions = offering.Conditions,
            Regions = offering.Regions,
            Lots = offering.Lots,
            Connectivity = offering.Connectivity ?? "",
            Interoperability = offering.Interoperability,
            Features = offering.Features,
            VerifiedStandards = standards,
            Capabilities = [.. offering.Capabilities.Select(d => d.Capability)],
            PriceModel = offering.Price.Model,
            PriceGbp = offering.Price.AmountGbp,
            LeadTimeDays = offering.LeadTimeDays,
        };
    }
}
