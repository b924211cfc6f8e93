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
using Marketplace.Core.CallOffs;
using Marketplace.Functions.CallOffs;

namespace Marketplace.Functions.Pages.Supplier;

public partial class InvitationsPage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/supplier/invitations", HandleAsync).WithName("SupplierInvitationsPage").WithSummary("The supplier's invitations to further competitions.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, FurtherCompetitions competitions, TimeProvider time, CancellationToken ct)
    {
        var found = await competitions.InvitationsAsync(actor, actor.OrganisationId ?? "", ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var now = time.GetUtcNow();
        return Views.Of<InvitationsPage>(new Model(await PageContext.ForAsync(http), [.. found.Value.Select(c => CompetitionView.Of(c, actor, now))]));
    }
}
