using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Functions.Validation;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>POST /api/offerings</c>: a supplier lists a new product or service under its own organisation.</summary>
public static class CreateOffering
{
    public static RouteHandlerBuilder MapCreateOffering(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/offerings", HandleAsync)
            .WithName("CreateOffering")
            .ValidateBodyAgainst("offering-listing.schema.json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Catalogue")
            .WithSummary("Lists a new offering for the caller's supplier organisation; answers its id, ETag and location.")
            .AllowRoles(MarketplaceRole.Supplier);

    public static async Task<Results<Created<Offering>, ProblemHttpResult>> HandleAsync(
        OfferingListing listing, ClaimsPrincipal user, CatalogueTables tables, ISearchIndexUpdates index, HttpResponse response, CancellationToken ct)
    {
        var organisationId = ListingProblems.OrganisationOf(user);
        if (organisationId is null || await tables.Organisations.FindAsync(organisationId, ct) is not { Document.Kind: OrganisationKind.Supplier })
        {
            return ProblemResults.Of(403, Problems.Forbidden, "Only suppliers list offerings.",
                $"Your organisation ({organisationId ?? "none"}) is not a supplier in the marketplace.");
        }
        // Random ids make a clash vanishingly rare; retrying once covers it without a read-before-write.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var offering = listing.ToOffering(ListingRules.NewOfferingId(Guid.NewGuid()), organisationId);
            if (await tables.Offerings.AddAsync(offering, ct) is { } stored)
            {
                await index.OfferingChangedAsync(offering.Id, ct);
                Preconditions.SetETag(response, stored.ETag);
                return TypedResults.Created($"/api/offerings/{offering.Id}", offering);
            }
        }
        return ProblemResults.Of(409, Problems.Conflict, "Could not allocate an offering id.", "Please try again.");
    }
}
