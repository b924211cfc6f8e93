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

public partial class SpecificationPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/specifications/{id}", ShowAsync).WithName("SpecificationPage").WithSummary("A specification.").AsWebPage()
            .AllowOwningCommissioner("specification");
        app.MapPost("/specifications/{id}/shortlist", ShortlistAsync).WithName("CreateShortlistForm").WithSummary("Scores a specification into a shortlist.").AsWebPage()
            .AllowOwningCommissioner("specification");
    }

    private static async Task<IResult> ShowAsync(string id, string? done, HttpContext http, Actor actor, CommissionerAccess access, PageLabels labels, CancellationToken ct)
    {
        var found = await access.SpecificationAsync(actor, id, ct);
        return found.Succeeded
            ? Views.Of<SpecificationPage>(new Model(await PageContext.ForAsync(http), found.Value.Document, done == "created" ? "Specification saved. Create the shortlist when you are ready." : null, labels))
            : await PageErrors.ResultAsync(http, found.Failure);
    }

    private static async Task<IResult> ShortlistAsync(string id, HttpContext http, Actor actor, CommissionerAccess access, CreateShortlist create, CancellationToken ct)
    {
        // The owner only, whatever the form says (asked before the form is read).
        if ((await access.SpecificationAsync(actor, id, ct)).Failure is { } refused)
        {
            return await PageErrors.ResultAsync(http, refused);
        }
        var (form, refusal) = await PageForms.ReadAsync(http);
        if (form is null)
        {
            return refusal!;
        }
        var created = await create.RunAsync(actor, id, ShortlistLocking.DefaultMaxResults, ct);
        return created.Succeeded
            ? Results.Redirect($"/shortlists/{created.Value.Shortlist.Document.Id}")
            : await PageErrors.ResultAsync(http, created.Failure);
    }
}
