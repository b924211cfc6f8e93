using System.Security.Claims;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Shortlists;

/// <summary>
/// <c>GET /api/shortlists/{id}/export?format=csv|ocds</c>: the shortlist as RFC 4180 CSV (ranked rows with a points
/// column per criterion, then exclusions with reasons) or as an OCDS 1.1 release package.
/// </summary>
public static class ExportShortlist
{
    public static RouteHandlerBuilder MapExportShortlist(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/shortlists/{id}/export", HandleAsync)
            .WithName("ExportShortlist")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Shortlisting")
            .WithSummary("Exports the shortlist: ?format=csv (RFC 4180: rank, offering, supplier, total, a points column per criterion, exclusions with reasons) " +
                "or ?format=ocds (an OCDS 1.1 release package: parties, tender with award criteria, ranked bids, the award, the framework as a related process).")
            .AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Admin)
            .ScopedToOrganisation("shortlist", (MarketplaceRole.Commissioner, OrganisationRelation.OwningCommissioner), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        string id, string? format, ClaimsPrincipal user, HttpRequest request, ShortlistingTables tables, IOptions<OcdsOptions> ocds, TimeProvider time, CancellationToken ct)
    {
        if (format is not ("csv" or "ocds"))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["format"] = ["must be csv or ocds"] });
        }
        var (stored, problem) = await ShortlistAccess.LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        var shortlist = stored.Document;
        if (format == "csv")
        {
            return TypedResults.File(ShortlistCsv.Utf8.GetBytes(ShortlistCsv.Write(shortlist)), "text/csv; charset=utf-8", ShortlistCsv.FileNameOf(shortlist, "csv"));
        }
        var publisher = new OcdsPublisher(ocds.Value.OcidPrefix, ocds.Value.PublisherName, new Uri($"{request.Scheme}://{request.Host}/"));
        var package = OcdsReleasePackage.Build(shortlist, publisher, time.GetUtcNow());
        var json = package.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return TypedResults.File(ShortlistCsv.Utf8.GetBytes(json), "application/json", ShortlistCsv.FileNameOf(shortlist, "ocds.json"));
    }
}
