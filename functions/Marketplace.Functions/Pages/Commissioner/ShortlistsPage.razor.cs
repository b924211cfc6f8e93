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

namespace Marketplace.Functions.Pages.Commissioner;

public partial class ShortlistsPage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/shortlists", HandleAsync).WithName("ShortlistsPage").WithSummary("The commissioner's specifications and shortlists.").AsWebPage()
            .AllowRoles(MarketplaceRole.Commissioner);

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, CommissionerAccess access, CancellationToken ct)
    {
        var organisationId = actor.OrganisationId ?? "";
        var shortlists = await access.ShortlistsOfAsync(actor, organisationId, ct);
        if (!shortlists.Succeeded)
        {
            return await PageErrors.ResultAsync(http, shortlists.Failure);
        }
        var specifications = await access.SpecificationsOfAsync(actor, organisationId, ct);
        return Views.Of<ShortlistsPage>(new Model(await PageContext.ForAsync(http), [.. shortlists.Value.Select(ShortlistsApi.ShortlistSummary.Of)],
            specifications.Succeeded ? specifications.Value : []));
    }
}
