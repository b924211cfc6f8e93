using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;

namespace Marketplace.Functions.Pages.Supplier;

public partial class AttestationsPage
{
    public const int ExpiryWarningDays = ReviewAttestation.ExpiryWarningDays;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/supplier/attestations", HandleAsync).WithName("SupplierAttestationsPage").WithSummary("The supplier's attestations.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, ReviewSupplierAttestations review, CancellationToken ct)
    {
        var found = await review.RunAsync(actor, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        // Work still to do first, then by expiry.
        var ordered = found.Value.Attestations
            .OrderBy(a => a.Status switch { AttestationStatus.Draft => 0, AttestationStatus.Submitted => 1, AttestationStatus.Verified => 2, _ => 3 })
            .ThenBy(a => a.ExpiresOn ?? DateOnly.MaxValue)
            .ToList();
        return Views.Of<AttestationsPage>(new Model(await PageContext.ForAsync(http), ordered, found.Value.Expiring, found.Value.OfferingNames));
    }
}
