using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Marketplace.Functions.Catalogue;

/// <summary>
/// <c>GET /api/catalogue/search</c>: public catalogue search (<see cref="SearchCatalogue"/>). The query string becomes a
/// <see cref="CatalogueQuery"/> (bad parameters are a 400 naming each one); the answer is one page of offerings with
/// the total and facet counts.
/// </summary>
public static class SearchCatalogueEndpoint
{
    public sealed record SearchResponse(
        long Total,
        int Page,
        int PageSize,
        IReadOnlyList<SearchResultItem> Results,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

    public sealed record SearchResultItem(
        string Id,
        string Name,
        string SupplierId,
        string SupplierName,
        string Category,
        IReadOnlyList<string> Conditions,
        IReadOnlyList<string> VerifiedStandards,
        string PriceModel,
        decimal PriceGbp,
        string Snippet);

    public sealed record FacetValue(string Value, long Count);

    /// <summary>Maps the route on the catalogue's group (<c>/api</c>).</summary>
    public static RouteHandlerBuilder MapSearchCatalogue(this RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/catalogue/search", HandleAsync)
            .WithName("SearchCatalogue")
            .RequireRateLimiting(AbuseLimits.PublicSearch)
            .Produces<SearchResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Searches the catalogue: free text, comma-separated filters, a price ceiling, sort and paging, with facet counts.")
            .WithDescription(
                "Text uses the simple syntax: words are ANDed, `|` is OR, `-` excludes, `\"…\"` is a phrase, `word*` a prefix " +
                "(send `+` as %2B). Values of one filter are ORed (`category=fall-detector,pendant-alarm`), different filters ANDed. " +
                "Ties are ordered by a stable hash of the offering id, never by supplier name or listing order. Snippets are " +
                "HTML-encoded with matches in <mark>. Paging reaches the first 10,000 results.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                foreach (var (name, description) in ParameterDocs)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Query,
                        Description = description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
                return Task.CompletedTask;
            })
            .AllowAnyone();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(HttpRequest request, HttpResponse response, Actor actor,
        SearchCatalogue searchCatalogue, SearchResponseCache cache, CancellationToken ct)
    {
        // Locally a repeated key arrives as several values; joining them matches what the Functions host forwards.
        var parameters = request.Query.ToDictionary(p => p.Key, p => string.Join(',', p.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
        // Cache-Status (RFC 9211) says whether the page was kept from an earlier search of the same index generation;
        // Cache-Control: no-cache asks for a fresh search (RFC 9111), as the benchmark does to time the search itself.
        // Parsed once: the same query keys the kept page and runs the search.
        var parsed = CatalogueQueryParser.Parse(parameters);
        var key = cache.KeyOf(parsed.Query);
        var fresh = CacheControlHeaderValue.TryParse(request.Headers.CacheControl.ToString(), out var control) && control.NoCache;
        // Pages are kept Brotli-packed: a client that accepts br is sent those bytes as they are, with nothing to unpack
        // or pack again; the answer therefore varies with Accept-Encoding.
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        var brotli = request.Accepts("br");
        if (key is not null && !fresh && cache.TryGet(key, packed: brotli, out var kept))
        {
            response.Headers["Cache-Status"] = "marketplace; hit";
            return Page(kept, brotli, response);
        }
        return (await searchCatalogue.RunAsync(actor, parsed, ct)).ToResult(result =>
        {
            var page = JsonSerializer.SerializeToUtf8Bytes(ResponseOf(result), WireJson.Default.SearchResponse);
            var packed = key is null ? null : cache.Add(key, page);
            if (key is not null)
            {
                response.Headers["Cache-Status"] = fresh ? "marketplace; fwd=request; stored" : "marketplace; fwd=miss; stored";
            }
            return brotli && packed is not null ? Page(packed, true, response) : Page(page, false, response);
        });
    }

    private static FileContentHttpResult Page(byte[] bytes, bool brotli, HttpResponse response)
    {
        if (brotli)
        {
            response.Headers.ContentEncoding = "br";
        }
        return TypedResults.Bytes(bytes, "application/json");
    }

    private static SearchResponse ResponseOf(CatalogueSearchResult result) => new(
        result.Total,
        result.Page,
        result.PageSize,
        [.. result.Hits.Select(hit => new SearchResultItem(
            hit.Document.Id,
            hit.Document.Name,
            hit.Document.SupplierId,
            hit.Document.SupplierName,
            hit.Document.Category,
            hit.Document.Conditions,
            hit.Document.VerifiedStandards,
            hit.Document.PriceModel,
            hit.Document.PriceGbp,
            hit.Snippet))],
        result.Facets.OrderBy(f => f.Key).ToDictionary(
            f => CatalogueQueryParser.NameOf(f.Key),
            f => (IReadOnlyList<FacetValue>)[.. f.Value.Select(v => new FacetValue(v.Value, v.Count))]));

    private static readonly (string Name, string Description)[] ParameterDocs =
    [
        (CatalogueQueryParser.Text, "Free text in the simple syntax; empty matches everything. At most 500 characters."),
        ("category", "Category slugs, comma-separated (ORed)."),
        ("condition", "Condition slugs, comma-separated (ORed)."),
        ("standard", "Verified standard codes, comma-separated (ORed), e.g. TSA-QSF,DTAC."),
        ("region", "Region slugs, comma-separated (ORed)."),
        ("lot", "Framework lot ids, comma-separated (ORed)."),
        ("connectivity", "analogue, digital or both; comma-separated (ORed)."),
        ("supplier", "Supplier organisation ids, comma-separated (ORed)."),
        ("capability", "Declared capability slugs, comma-separated: an offering must declare every one (ANDed), e.g. clinician-dashboard,configurable-alert-limits."),
        (CatalogueQueryParser.MaxPrice, "Highest price in GBP, inclusive; a non-negative number."),
        (CatalogueQueryParser.Sort, "relevance (default), price (lowest first) or name (A–Z)."),
        (CatalogueQueryParser.Page, "1-based page; page × pageSize at most 10,000."),
        (CatalogueQueryParser.PageSize, "Results per page, 1 to 100; default 30."),
    ];
}
