using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue.Search;

/// <summary>Anyone searches the catalogue: parameters as typed (query string or search form) → one page of offerings with facet counts.</summary>
public sealed class SearchCatalogue(ICatalogueSearch search)
{
    /// <summary>
    /// The page of results, or 400 naming each bad parameter. <paramref name="parameters"/> maps a parameter name
    /// (<see cref="CatalogueQueryParser.Parameters"/>) to its value, a repeated key already joined with commas.
    /// </summary>
    public Task<Outcome<CatalogueSearchResult>> RunAsync(Actor actor, IReadOnlyDictionary<string, string> parameters, CancellationToken ct) =>
        RunAsync(actor, CatalogueQueryParser.Parse(parameters), ct);

    /// <summary>The same, for parameters the caller has already parsed (the API keys its kept pages by the parsed query).</summary>
    public async Task<Outcome<CatalogueSearchResult>> RunAsync(Actor actor, CatalogueQueryParseResult parsed, CancellationToken ct)
    {
        if (parsed.Query is not { } query)
        {
            return Failure.Invalid(parsed.Errors);
        }
        return await search.SearchAsync(query, ct);
    }
}
