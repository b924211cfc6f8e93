using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using System.Text.Json;
using Marketplace.Storage.Search;
using Marketplace.Testing;

namespace Marketplace.Storage.Tests.Search;

/// <summary>The search conformance suite, run for real on the in-process Lucene index.</summary>
public sealed class LuceneCatalogueSearchTests : CatalogueSearchConformance
{
    protected override async Task<SearchUnderTest> OpenAsync(IEnumerable<OfferingSearchDocument> documents)
    {
        var index = new LuceneCatalogueIndex(null);
        await index.RebuildAsync(documents.ToAsyncEnumerable(), CancellationToken.None);
        return new SearchUnderTest(index, index, index);
    }

    // Lucene-specific: what Azure AI Search does with such text is not checked here (no emulator).
    [Theory]
    [InlineData("!!!")]
    [InlineData("+ | -")]
    [InlineData("\"\"")]
    public async Task Text_with_no_searchable_words_is_treated_as_an_empty_search(string text)
    {
        using var sut = await OpenAsync(ConformanceCatalogue.Offerings);

        var result = await sut.Search.SearchAsync(new CatalogueQuery { Text = text }, CancellationToken.None);

        Assert.Equal(ConformanceCatalogue.Offerings.Count, result.Total);
    }

    // Each hit's document is read from binary doc values: a long one (here over 32 KiB) comes back whole.
    [Fact]
    public async Task A_long_document_is_found_and_shown_whole()
    {
        var tooLong = ConformanceCatalogue.Offerings[0] with { Description = string.Concat(Enumerable.Repeat("Détecteur de chute très fiable. ", 1_500)) };
        using var sut = await OpenAsync([tooLong, .. ConformanceCatalogue.Offerings.Skip(1)]);

        var result = await sut.Search.SearchAsync(new CatalogueQuery { PageSize = CatalogueQuery.MaxPageSize }, CancellationToken.None);

        Assert.Equal(tooLong.Description, Assert.Single(result.Hits, hit => hit.Document.Id == tooLong.Id).Document.Description);
    }

    // Word searches (most of them) take the cheap snippet path, which replays what the highlighter would mark and cut:
    // over the seeded catalogue's 300 summaries and descriptions (many sentences over 200 characters, so cut into
    // fragments), it must give every offering the very snippet the highlighter gives, matched or not.
    [Theory]
    [InlineData("fall detector")]
    [InlineData("alarm")]
    [InlineData("pendant | gps")]
    [InlineData("sensor -pendant")]
    [InlineData("analogue digital switchover")]
    [InlineData("wrist belt neck")]
    [InlineData("3-axis accelerometer")]
    [InlineData("dementia stroke falls")]
    [InlineData("lead time days")]
    [InlineData("barometric sensor")]
    public void Word_searches_get_the_snippets_the_highlighter_gives(string text)
    {
        using var index = new LuceneCatalogueIndex(null);
        var (query, analyzer) = index.TextQueryOf(text);

        var words = WordSnippets.For(query, analyzer);

        Assert.NotNull(words);
        var highlighted = index.HighlightedSnippets(query);
        Assert.All(SeedOfferings.Value, offering => Assert.Equal(highlighted(offering), words.Of(offering)));
        Assert.Contains(SeedOfferings.Value, offering => words.Of(offering).Contains("<mark>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"fall detector\"")]
    [InlineData("alarm*")]
    [InlineData("detecter~1")]
    public void Phrases_prefixes_and_fuzzy_words_are_left_to_the_highlighter(string text)
    {
        using var index = new LuceneCatalogueIndex(null);
        var (query, analyzer) = index.TextQueryOf(text);

        Assert.Null(WordSnippets.For(query, analyzer));
    }

    private static readonly Lazy<IReadOnlyList<OfferingSearchDocument>> SeedOfferings = new(() =>
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "offerings.json")));
        return [.. seed.RootElement.EnumerateArray().Select(o => new OfferingSearchDocument
        {
            Id = o.GetProperty("id").GetString()!,
            Name = o.GetProperty("name").GetString()!,
            Summary = o.GetProperty("summary").GetString()!,
            Description = o.GetProperty("description").GetString()!,
            SupplierId = o.GetProperty("supplierId").GetString()!,
            Category = o.GetProperty("category").GetString()!,
        })];
    });
}
