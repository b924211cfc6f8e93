using Marketplace.Core.Catalogue;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>GET /api/offerings/{id}</c>: one listing (retired ones too, marked so), with its ETag. Public, as on G-Cloud.</summary>
public static class GetOffering
{
    public static RouteHandlerBuilder MapGetOffering(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/offerings/{id}", HandleAsync)
            .WithName("GetOffering")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Catalogue")
            .WithSummary("Returns one offering and its ETag (send it as If-Match to change the offering).")
            .AllowAnyone();

    public static async Task<Results<Ok<Offering>, ProblemHttpResult>> HandleAsync(string id, CatalogueTables tables, HttpResponse response, CancellationToken ct)
    {
        if (await tables.Offerings.FindAsync(id, ct) is not { } stored)
        {
            return ListingProblems.For(ListingDecision.NotFound, id);
        }
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(stored.Document);
    }
}
