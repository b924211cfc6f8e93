using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Functions.Http;

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
            .WithSummary("Lists a new offering for the caller's supplier organisation; answers its id, ETag and location. Its capabilities " +
                "(each from the vocabulary, declared once, with a statement of 10-400 characters and, for a measured capability only, a figure " +
                "0-10000) are dated today; declaredOn and evidence are the marketplace's to set. Audited.")
            .AllowRoles(MarketplaceRole.Supplier);

        group.MapGet("/offerings/{id}", async (string id, Actor actor, GetOffering getOffering, HttpResponse response, CancellationToken ct) =>
                (await getOffering.RunAsync(actor, id, ct)).ToOkWithETag(response))
            .WithName("GetOffering")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Returns one offering and its ETag (send it as If-Match to change the offering).")
            .AllowAnyone();

        group.MapPut("/offerings/{id}", async (string id, JsonBody<SubmittedListing> listing, [FromHeader(Name = "If-Match")] string? ifMatch, Actor actor,
                    ReplaceOffering replaceOffering, HttpResponse response, CancellationToken ct) =>
                (await replaceOffering.RunAsync(actor, id, listing.Value, ifMatch, ct)).ToOkWithETag(response))
            .WithName("ReplaceOffering")
            .ValidateBodyAgainst("offering-listing.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replaces a listing, its capability declarations included (one left out is withdrawn). Requires If-Match with the ETag " +
                "from GET (428 without it, 412 when stale). The GET body may be sent back as it is: id, supplierId, status and each declaration's " +
                "declaredOn and evidence are accepted when unchanged and refused by name otherwise. A declaration new or with another statement or " +
                "figure is dated today; the rest keep their dates and evidence files. The old version is kept; audited, naming the capabilities " +
                "added, changed and withdrawn.")
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

        group.MapGet("/offerings/{id}/capability-suggestions", async (string id, Actor actor, SuggestCapabilities suggest, CancellationToken ct) =>
                (await suggest.RunAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("GetCapabilitySuggestions")
            .ProducesProblems(404)
            .WithSummary("Lists capabilities the listing's own words suggest and it does not declare yet, each with the phrase found and where " +
                "(e.g. \"dashboard\" in the description suggests clinician-dashboard). A prompt while declaring: never a declaration, never scored.")
            .AllowRoles(MarketplaceRole.Supplier, MarketplaceRole.Admin)
            .ScopedToOrganisation("offering", OwningSupplier, (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

        group.MapPut("/offerings/{id}/capabilities/{capability}/evidence", async (string id, string capability, HttpRequest request, Actor actor,
                    UploadCapabilityEvidence upload, HttpResponse response, CancellationToken ct) =>
                (await upload.RunAsync(actor, id, capability, request.ContentLength, request.Body, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response))
            .WithName("UploadCapabilityEvidence")
            .ProducesProblems(400, 404, 409, 411, 412, 413, 415, 428)
            .WithSummary("Attaches an evidence file to one of the offering's capability declarations, replacing any file before it: the body is the " +
                "file (PDF, PNG or JPEG, sniffed from its bytes; at most 20 MiB; Content-Length required), stored privately with its SHA-256. " +
                "Requires If-Match with the offering's ETag (428 without it, 412 when stale); 404 when the capability is not declared. A new " +
                "offering version, audited; the same bytes again change nothing. Answers the offering and its new ETag.")
            .AllowRoles(MarketplaceRole.Supplier)
            .ScopedToOrganisation("offering", OwningSupplier);

        group.MapGet("/offerings/{id}/capabilities/{capability}/evidence", async (string id, string capability, Actor actor, OpenCapabilityEvidence open,
                    CancellationToken ct) =>
                (await open.RunAsync(actor, id, capability, ct)).ToResult(TypedResults.Ok))
            .WithName("GetCapabilityEvidenceLink")
            .ProducesProblems(404)
            .WithSummary("Answers { url, expiresOn }: a read-only link to a declaration's evidence file, valid for at most 15 minutes. For the " +
                "supplier's own users, associations it belongs to, commissioners and admins, as for attestation evidence.")
            .AllowCapabilityEvidenceReaders();

        group.MapGet("/suppliers/{id}", async (string id, Actor actor, GetSupplierProfile getSupplierProfile, CancellationToken ct) =>
                (await getSupplierProfile.RunAsync(actor, id, ct)).ToResult(TypedResults.Ok))
            .WithName("GetSupplierProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Returns a supplier's profile, association memberships, active offerings and the standards it holds today.")
            .AllowAnyone();

        group.MapSearchCatalogue();
        return app;
    }

    private static async Task<Results<Created<Offering>, ProblemHttpResult>> CreateAsync(JsonBody<SubmittedListing> listing, Actor actor, CreateOffering createOffering,
        HttpResponse response, CancellationToken ct) =>
        (await createOffering.RunAsync(actor, listing.Value, ct)).ToCreatedWithETag(response, o => $"/api/offerings/{o.Id}");
}
