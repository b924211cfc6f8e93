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
using Marketplace.Schemas;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Core.Frameworks;

namespace Marketplace.Functions.Pages.Supplier;

public partial class ListingFormPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private static readonly (MarketplaceRole, OrganisationRelation) Owner = (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/supplier/listings/new", NewAsync).WithName("NewListingPage").WithSummary("Form to add a listing.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);
        app.MapPost("/supplier/listings/new", CreateAsync).WithName("CreateListingForm").WithSummary("Adds a listing.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);
        app.MapGet("/supplier/listings/{id}/edit", EditAsync).WithName("EditListingPage").WithSummary("Form to change a listing.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
        app.MapPost("/supplier/listings/{id}/edit", SaveAsync).WithName("SaveListingForm").WithSummary("Changes a listing.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
        app.MapPost("/supplier/listings/{id}/retire", RetireAsync).WithName("RetireListingForm").WithSummary("Retires a listing.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
    }

    private static async Task<IResult> ViewAsync(HttpContext http, string? id, ListingForm form, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var frameworks = await http.RequestServices.GetRequiredService<IFrameworks>().ListAsync(ct);
        var lots = frameworks.SelectMany(f => f.Lots.Select(l => (l.Id, CatalogueLabels.LotTitle(f.Reference, l.Number, l.Name)))).ToList();
        var page = await PageContext.ForAsync(http);
        return Views.Of<ListingFormPage>(new Model(page, id, form, errors, http.RequestServices.GetRequiredService<PageLabels>(), lots),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static Task<IResult> NewAsync(HttpContext http, CancellationToken ct) => ViewAsync(http, null, new ListingForm(), [], ct);

    private static async Task<IResult> CreateAsync(HttpContext http, Actor actor, CreateOffering createOffering, DocumentSchemas schemas, CancellationToken ct)
    {
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var form = ListingForm.From(posted);
        var (listing, errors) = form.ToListing(schemas);
        if (listing is null)
        {
            return await ViewAsync(http, null, form, errors, ct);
        }
        var created = await createOffering.RunAsync(actor, listing, ct);
        return created.Succeeded
            ? Results.Redirect($"/supplier/listings?added={Uri.EscapeDataString(created.Value.Document.Id)}")
            : await PageErrors.ResultAsync(http, created.Failure);
    }

    private static async Task<IResult> EditAsync(string id, HttpContext http, Actor actor, GetOffering getOffering, CancellationToken ct)
    {
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        return current.Succeeded
            ? await ViewAsync(http, id, ListingForm.From(current.Value.Document, current.Value.ETag), [], ct)
            : await PageErrors.ResultAsync(http, current.Failure);
    }

    private static async Task<IResult> SaveAsync(string id, HttpContext http, Actor actor, GetOffering getOffering, ReplaceOffering replaceOffering,
        DocumentSchemas schemas, CancellationToken ct)
    {
        // 404, 403 or 409 before the form is read: a caller who may not change the listing learns nothing from its fields.
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        if (!current.Succeeded)
        {
            return await PageErrors.ResultAsync(http, current.Failure);
        }
        var (posted, formRefusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return formRefusal!;
        }
        var form = ListingForm.From(posted);
        var (listing, errors) = form.ToListing(schemas);
        if (listing is null)
        {
            return await ViewAsync(http, id, form, errors, ct);
        }
        // The form does not show the declarations (they have their own page): they are sent back as they are.
        var replaced = await replaceOffering.RunAsync(actor, id, listing with { Capabilities = current.Value.Document.Capabilities }, form.ETag, ct);
        return replaced switch
        {
            { Succeeded: true } => Results.Redirect($"/supplier/listings?changed={Uri.EscapeDataString(id)}"),
            { Failure.Kind: FailureKind.Stale or FailureKind.PreconditionRequired } => await ViewAsync(http, id, form with { ETag = current.Value.ETag },
                [new FieldError("name", "Someone else changed this listing after you opened it. Check the form (your changes are kept) and save again to overwrite theirs.")], ct),
            _ => await PageErrors.ResultAsync(http, replaced.Failure!),
        };
    }

    private static async Task<IResult> RetireAsync(string id, HttpContext http, Actor actor, GetOffering getOffering, RetireOffering retireOffering, CancellationToken ct)
    {
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        if (!current.Succeeded)
        {
            return await PageErrors.ResultAsync(http, current.Failure);
        }
        var (posted, formRefusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return formRefusal!;
        }
        var retired = await retireOffering.RunAsync(actor, id, posted.Text("etag"), ct);
        return retired.Succeeded
            ? Results.Redirect($"/supplier/listings?retired={Uri.EscapeDataString(id)}")
            : await PageErrors.ResultAsync(http, retired.Failure);
    }
}
