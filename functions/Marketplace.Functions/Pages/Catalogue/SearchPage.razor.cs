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
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Functions.Hosting;

namespace Marketplace.Functions.Pages.Catalogue;

public partial class SearchPage
{
    public sealed record FacetOption(string Value, string Title, long Count);

    public sealed record Facet(string Parameter, string Title, IReadOnlyList<FacetOption> Options);

    public sealed record ActiveFilter(string Title, string RemoveHref);

    private PageLabels Labels => Data.Labels;

    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private string ResultCount() => Data.Results is null ? "Search could not run: correct the search and try again"
        : Data.Total == 1 ? "1 offering found" : $"{Data.Total:N0} offerings found";

    public const int PageSize = 20;

    private static readonly (string Parameter, string Title)[] FacetOrder =
    [
        ("category", "Category"), ("condition", "Condition"), ("standard", "Verified standard"), ("capability", "Declared capability (all chosen)"), ("region", "Region"),
        ("lot", "Framework lot"), ("connectivity", "Connectivity"), ("supplier", "Supplier"),
    ];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/catalogue", HandleAsync)
            .WithName("CataloguePage")
            .WithSummary("Catalogue search page.")
            .AsWebPage()
            .RequireRateLimiting(AbuseLimits.PublicSearch)
            .AllowAnyone();

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, SearchCatalogue searchCatalogue, ICatalogueLabels catalogueLabels,
        PageLabels labels, CancellationToken ct)
    {
        var page = await PageContext.ForAsync(http);
        var state = SearchState.From(http.Request.Query);
        // The page's own page size; everything else is the API's query model, run by the API's use case.
        var parameters = state.Parameters();
        parameters[CatalogueQueryParser.PageSize] = PageSize.ToString(CultureInfo.InvariantCulture);
        var searched = await searchCatalogue.RunAsync(actor, parameters, ct);
        var names = await catalogueLabels.ReadAsync(ct);
        if (!searched.Succeeded)
        {
            var errors = searched.Failure.Errors
                .Select(e => new FieldError(e.Key is "q" or "maxPrice" ? e.Key : "q", $"{Describe(e.Key)}: {string.Join(" ", e.Value)}")).ToList();
            return Views.Of<SearchPage>(new Model(page, state, 0, 1, 1, null, [], Active(state, labels, names), errors, labels, names.Vouched), StatusCodes.Status400BadRequest);
        }
        var result = searched.Value;
        var facets = FacetOrder
            .Select(f => (f, Enum.GetValues<CatalogueFilter>().FirstOrDefault(c => CatalogueQueryParser.NameOf(c) == f.Parameter)))
            .Where(f => result.Facets.ContainsKey(f.Item2))
            .Select(f => new Facet(f.f.Parameter, f.f.Title,
                [.. result.Facets[f.Item2].Select(v => new FacetOption(v.Value, Title(f.f.Parameter, v.Value, labels, names), v.Count))
                    .OrderBy(o => f.f.Parameter is "category" or "supplier" or "region" ? o.Title : "", StringComparer.Ordinal)]))
            .Where(f => f.Options.Count > 0)
            .ToList();
        var lastPage = (int)Math.Max(1, Math.Min((result.Total + PageSize - 1) / PageSize, CatalogueQuery.MaxResultDepth / PageSize));
        return Views.Of<SearchPage>(new Model(page, state, result.Total, result.Page, lastPage, result.Hits, facets, Active(state, labels, names), [], labels, names.Vouched));
    }

    private static string Describe(string parameter) => parameter switch
    {
        "q" => "Search",
        "maxPrice" => "Highest price",
        "page" => "Page",
        _ => char.ToUpperInvariant(parameter[0]) + parameter[1..],
    };

    private static IReadOnlyList<ActiveFilter> Active(SearchState state, PageLabels labels, CatalogueLabels names) =>
    [
        .. FacetOrder.SelectMany(f => state.Values(f.Parameter).Select(v => new ActiveFilter($"{f.Title}: {Title(f.Parameter, v, labels, names)}", state.Href(remove: (f.Parameter, v))))),
        .. state.MaxPrice.Length > 0 ? [new ActiveFilter($"Highest price: £{state.MaxPrice}", state.Href(remove: ("maxPrice", state.MaxPrice)))] : Array.Empty<ActiveFilter>(),
    ];

    private static string Title(string parameter, string value, PageLabels labels, CatalogueLabels names) => parameter switch
    {
        "category" => labels.Category(value),
        "condition" => labels.Condition(value),
        "region" => labels.Region(value).Replace(" (NHS England region)", "", StringComparison.Ordinal),
        "connectivity" => labels.Connectivity(value),
        "lot" => names.Lots.GetValueOrDefault(value, value),
        "supplier" => names.Suppliers.GetValueOrDefault(value, value),
        "capability" => Capabilities.Find(value)?.Name ?? value,
        _ => value,
    };
}
