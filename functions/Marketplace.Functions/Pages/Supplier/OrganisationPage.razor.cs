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

public partial class OrganisationPage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/supplier", HandleAsync).WithName("SupplierOrganisationPage").WithSummary("The supplier's organisation.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, GetSupplierProfile getSupplierProfile, CancellationToken ct)
    {
        var (profile, refusal) = await SupplierPages.ProfileAsync(http, actor, getSupplierProfile, ct);
        return profile is null ? refusal! : Views.Of<OrganisationPage>(new Model(await PageContext.ForAsync(http), profile));
    }
}
