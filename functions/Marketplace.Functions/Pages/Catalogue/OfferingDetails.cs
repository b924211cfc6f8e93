using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using static Marketplace.Core.Catalogue.GetSupplierProfile;

namespace Marketplace.Functions.Pages.Catalogue;

/// <summary>
/// An offering with its supplier's name, what its associations vouch for (shown, never a gate), the standards that
/// count for it today and whether the viewer may open its declarations' evidence files, through the API's own use cases.
/// </summary>
public sealed record OfferingDetails(Offering? Offering, string SupplierName, string Vouched, IReadOnlyList<StandardHeld> Standards, Failure? Failure,
    bool EvidenceReadable = false)
{
    public static async Task<OfferingDetails> LoadAsync(string id, Actor actor, GetOffering getOffering, GetSupplierProfile getSupplierProfile, CancellationToken ct)
    {
        var found = await getOffering.RunAsync(actor, id, ct);
        if (!found.Succeeded)
        {
            return new OfferingDetails(null, "", "", [], found.Failure);
        }
        var offering = found.Value.Document;
        var profile = await getSupplierProfile.RunAsync(actor, offering.SupplierId, ct);
        return profile.Succeeded
            ? new OfferingDetails(offering, profile.Value.Supplier.Name, profile.Value.Vouched(), [.. profile.Value.StandardsHeld.Where(s => s.OfferingId is null || s.OfferingId == offering.Id)], null,
                CapabilityEvidence.MayRead(actor, profile.Value.Supplier))
            : new OfferingDetails(offering, offering.SupplierId, "", [], null);
    }
}
