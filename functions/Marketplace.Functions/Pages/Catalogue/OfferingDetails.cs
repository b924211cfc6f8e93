using Marketplace.Core.Catalogue;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using static Marketplace.Functions.Catalogue.GetSupplierProfile;

namespace Marketplace.Functions.Pages.Catalogue;

/// <summary>An offering with its supplier's name and the standards that count for it today, through the API's own handlers.</summary>
public sealed record OfferingDetails(Offering? Offering, string SupplierName, IReadOnlyList<StandardHeld> Standards, ProblemHttpResult? Problem)
{
    public static async Task<OfferingDetails> LoadAsync(string id, HttpContext http, CatalogueTables tables, TimeProvider time, CancellationToken ct)
    {
        // GetOffering sets an ETag on the response it is given; a page has no use for it, so it gets a scratch one.
        var scratch = new DefaultHttpContext().Response;
        var answer = (await GetOffering.HandleAsync(id, tables, scratch, ct)).Result;
        if (answer is not Ok<Offering> { Value: { } offering })
        {
            return new OfferingDetails(null, "", [], (ProblemHttpResult)answer);
        }
        if ((await GetSupplierProfile.HandleAsync(offering.SupplierId, tables, time, ct)).Result is not Ok<SupplierProfile> { Value: { } profile })
        {
            return new OfferingDetails(offering, offering.SupplierId, [], null);
        }
        return new OfferingDetails(offering, profile.Supplier.Name,
            [.. profile.StandardsHeld.Where(s => s.OfferingId is null || s.OfferingId == offering.Id)], null);
    }
}
