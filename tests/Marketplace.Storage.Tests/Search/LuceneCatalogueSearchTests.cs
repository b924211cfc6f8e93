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
}
