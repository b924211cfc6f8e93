using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Storage.Search;

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
}
