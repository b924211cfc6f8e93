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

namespace Marketplace.Functions.Pages.Association;

public partial class AssociationPage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/associations/{id}", HandleAsync).WithName("AssociationPage").WithSummary("A trade association's members and their compliance.").AsWebPage()
            .AllowAnyone();

    private static async Task<IResult> HandleAsync(string id, HttpContext http, Actor actor, ReadAssociationMembers read, CancellationToken ct)
    {
        var members = await read.RunAsync(actor, id, ct);
        return members.Succeeded
            ? Views.Of<AssociationPage>(new Model(await PageContext.ForAsync(http), members.Value))
            : await PageErrors.ResultAsync(http, members.Failure);
    }
}
