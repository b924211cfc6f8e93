using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Catalogue;

/// <summary>The catalogue's routes: supplier listings, public profiles and search. Each handler binds, runs its use case and maps the outcome.</summary>
public static class CatalogueApi
{
    private static readonly (MarketplaceRole, OrganisationRelation) OwningSupplier = (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier);

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api", "Catalogue");

        group.MapPost("/offerings", CreateAsync)
            .WithName("CreateOffering")
            .ValidateBodyAgainst("offering-listing.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Lists a new offering for the caller's supplier organisation; answers its id, ETag and location.")
            .AllowRoles(MarketplaceRole.Supplier);

        group.MapGet("/offerings/{id}", async (string id, Actor actor, GetOffering getOffering, HttpResponse response, CancellationToken ct) =>
                (await getOffering.RunAsync(actor, id, ct)).ToOkWithETag(response))
            .WithName("GetOffering")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Returns one offering and its ETag (send it as If-Match to change the offering).")
            .AllowAnyone();

        group.MapPut("/offerings/{id}", async (string id, SubmittedListing listing, [FromHeader(Name = "If-Match")] string? ifMatch, Actor actor,
                    ReplaceOffering replaceOffering, HttpResponse response, CancellationToken ct) =>
                (await replaceOffering.RunAsync(actor, id, listing, ifMatch, ct)).ToOkWithETag(response))
            .WithName("ReplaceOffering")
            .ValidateBodyAgainst("offering-listing.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replaces a listing. Requires If-Match with the ETag from GET (428 without it, 412 when stale). The GET body may be " +
                "sent back as it is: id, supplierId and status are accepted when unchanged and refused by name otherwise.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", OwningSupplier);

        group.MapDelete("/offerings/{id}", async (string id, [FromHeader(Name = "If-Match")] string? ifMatch, Actor actor, RetireOffering retireOffering,
                    CancellationToken ct) =>
                (await retireOffering.RunAsync(actor, id, ifMatch, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithName("RetireOffering")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Retires a listing (kept with its history, removed from search). Requires If-Match.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", OwningSupplier);

        group.MapGet("/suppliers/{id}", async (string id, Actor actor, GetSupplierProfile getSupplierProfile, CancellationToken ct) =>
                (await getSupplierProfile.RunAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("GetSupplierProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Returns a supplier's profile, association memberships, active offerings and the standards it holds today.")
            .AllowAnyone();

        group.MapSearchCatalogue();
        return app;
    }

    private static async Task<Results<Created<Offering>, ProblemHttpResult>> CreateAsync(SubmittedListing listing, Actor actor, CreateOffering createOffering,
        HttpResponse response, CancellationToken ct) =>
        (await createOffering.RunAsync(actor, listing, ct)).ToCreatedWithETag(response, o => $"/api/offerings/{o.Id}");
}
