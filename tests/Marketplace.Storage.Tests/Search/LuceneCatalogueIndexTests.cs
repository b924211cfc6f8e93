using Lucene.Net.Index;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Storage.Search;
using Marketplace.Testing;

namespace Marketplace.Storage.Tests.Search;

public sealed class LuceneCatalogueIndexTests
{
    private static OfferingSearchDocument Offering(string id, string name) => new()
    {
        Id = id,
        Name = name,
        SupplierId = "pennine-careline",
        Category = "fall-detector",
        Conditions = ["falls-risk", "frailty"],
        PriceGbp = 112.40m,
    };

    [Fact]
    public async Task An_upserted_offering_is_found_with_every_field_and_replaced_on_the_next_upsert()
    {
        using var index = new LuceneCatalogueIndex(null);

        await index.UpsertAsync(Offering("a", "Fall detector v1"), CancellationToken.None);
        await index.UpsertAsync(Offering("a", "Fall detector v2"), CancellationToken.None);

        Assert.Equal(1, await index.CountAsync(CancellationToken.None));
        var found = (await index.FindAsync("a"))!;
        Assert.Equal("Fall detector v2", found.Name);
        Assert.Equal(["falls-risk", "frailty"], found.Conditions);
        Assert.Equal(112.40m, found.PriceGbp);
    }

    [Fact]
    public async Task A_deleted_offering_is_gone_and_deleting_an_absent_one_is_harmless()
    {
        using var index = new LuceneCatalogueIndex(null);
        await index.UpsertAsync(Offering("a", "Pendant alarm"), CancellationToken.None);

        await index.DeleteAsync("a", CancellationToken.None);
        await index.DeleteAsync("never-there", CancellationToken.None);

        Assert.Null(await index.FindAsync("a"));
        Assert.Equal(0, await index.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_rebuild_replaces_everything_that_was_there()
    {
        using var index = new LuceneCatalogueIndex(null);
        await index.UpsertAsync(Offering("stale", "Stale"), CancellationToken.None);

        var count = await index.RebuildAsync(Documents(Offering("x", "X"), Offering("y", "Y")), CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Null(await index.FindAsync("stale"));
        Assert.NotNull(await index.FindAsync("y"));
    }

    [Fact]
    public async Task A_rebuild_that_fails_half_way_leaves_the_previous_index_intact_and_usable()
    {
        using var index = new LuceneCatalogueIndex(null);
        await index.UpsertAsync(Offering("kept", "Kept"), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => index.RebuildAsync(Failing(Offering("new", "New")), CancellationToken.None));

        Assert.NotNull(await index.FindAsync("kept"));
        Assert.Null(await index.FindAsync("new"));
        await index.UpsertAsync(Offering("after", "After"), CancellationToken.None);
        Assert.Equal(2, await index.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Facet_counts_follow_every_write_including_deletes_in_segments_searched_before()
    {
        using var index = new LuceneCatalogueIndex(null);
        await index.RebuildAsync(Documents(Offering("a", "A"), Offering("b", "B"), Offering("c", "C") with { Category = "pendant-alarm" }), CancellationToken.None);
        // A match-all search with a category ticked counts categories over every live offering: the case where deletions matter.
        var ticked = new CatalogueQuery { Filters = new Dictionary<CatalogueFilter, IReadOnlyList<string>> { [CatalogueFilter.Category] = ["fall-detector"] } };
        Assert.Equal([new FacetCount("fall-detector", 2), new FacetCount("pendant-alarm", 1)], (await index.SearchAsync(ticked, CancellationToken.None)).Facets[CatalogueFilter.Category]);

        await index.DeleteAsync("a", CancellationToken.None);
        await index.UpsertAsync(Offering("c", "C"), CancellationToken.None);
        await index.UpsertAsync(Offering("d", "D") with { Category = "home-alarm-hub", Conditions = ["dementia"] }, CancellationToken.None);

        var after = await index.SearchAsync(ticked, CancellationToken.None);
        Assert.Equal(2, after.Total);
        Assert.Equal([new FacetCount("fall-detector", 2), new FacetCount("home-alarm-hub", 1)], after.Facets[CatalogueFilter.Category]);
        Assert.Equal([new FacetCount("falls-risk", 2), new FacetCount("frailty", 2)], after.Facets[CatalogueFilter.Condition]);
    }

    [Fact]
    public async Task The_generation_moves_on_with_every_write_that_searches_can_see()
    {
        using var index = new LuceneCatalogueIndex(null);
        var before = index.Generation;

        await index.UpsertAsync(Offering("a", "A"), CancellationToken.None);
        var afterUpsert = index.Generation;
        await index.DeleteAsync("a", CancellationToken.None);
        var afterDelete = index.Generation;
        await Assert.ThrowsAsync<IOException>(() => index.RebuildAsync(Failing(Offering("new", "New")), CancellationToken.None));

        Assert.True(before < afterUpsert && afterUpsert < afterDelete && afterDelete < index.Generation);
    }

    [Fact]
    public async Task Writing_what_the_index_already_holds_keeps_its_generation_so_kept_pages_stay()
    {
        using var index = new LuceneCatalogueIndex(null);
        await index.UpsertAsync(Offering("a", "Pendant alarm"), CancellationToken.None);
        var written = index.Generation;

        await index.UpsertAsync(Offering("a", "Pendant alarm"), CancellationToken.None);
        await index.DeleteAsync("absent", CancellationToken.None);
        Assert.Equal(written, index.Generation);

        await index.UpsertAsync(Offering("a", "Pendant alarm") with { PriceGbp = 99m }, CancellationToken.None);
        Assert.True(index.Generation > written);
        Assert.Equal(99m, (await index.FindAsync("a"))!.PriceGbp);
    }

    [Fact]
    public async Task Offerings_indexed_before_the_document_hashes_are_written_once_more_by_an_unchanged_upsert_then_skipped()
    {
        var folder = Directory.CreateTempSubdirectory("lucene-");
        try
        {
            OfferingSearchDocument a = Offering("a", "Pendant alarm"), b = Offering("b", "Fall detector"), c = Offering("c", "Home hub");
            // As an older version wrote them: a alone in a segment without the hash field; b without its hash in a
            // segment where c has one (a merge of old and new documents leaves b an empty value).
            using (var directory = Lucene.Net.Store.FSDirectory.Open(folder.FullName))
            using (var old = new IndexWriter(directory, new IndexWriterConfig(LuceneCatalogueIndex.Version,
                new Lucene.Net.Analysis.Standard.StandardAnalyzer(LuceneCatalogueIndex.Version))))
            {
                old.AddDocument(WithoutHash(a));
                old.Commit();
                old.AddDocument(WithoutHash(b));
                old.AddDocument(LuceneCatalogueIndex.ToLucene(c));
                old.Commit();
            }
            using var index = new LuceneCatalogueIndex(folder.FullName);
            var opened = index.Generation;

            await index.UpsertAsync(a, CancellationToken.None);
            var afterA = index.Generation;
            await index.UpsertAsync(b, CancellationToken.None);
            var afterB = index.Generation;
            await index.UpsertAsync(c, CancellationToken.None);
            await index.UpsertAsync(a, CancellationToken.None);
            await index.UpsertAsync(b, CancellationToken.None);

            Assert.True(opened < afterA && afterA < afterB);
            Assert.Equal(afterB, index.Generation);
            Assert.Equal(3, await index.CountAsync(CancellationToken.None));
            Assert.Equal("Pendant alarm", (await index.FindAsync("a"))!.Name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        static Lucene.Net.Documents.Document WithoutHash(OfferingSearchDocument offering)
        {
            var document = LuceneCatalogueIndex.ToLucene(offering);
            document.RemoveField(LuceneCatalogueIndex.DocumentHashField);
            return document;
        }
    }

    [Fact]
    public void Every_indexed_field_comes_from_the_serialised_document_so_an_equal_serialisation_is_an_equal_index_entry()
    {
        // UpsertAsync skips a write when the serialised document's hash equals the indexed one's: that is only right when
        // the index entry follows from the serialisation alone. A property indexed but not serialised (say [JsonIgnore])
        // would be lost in this round trip and the index entries would differ.
        var offering = new OfferingSearchDocument
        {
            Id = "every-field",
            Name = "Every field pendant",
            Summary = "A summary",
            Description = "A description",
            SupplierId = "pennine-careline",
            SupplierName = "Pennine Careline",
            Category = "pendant-alarm",
            Conditions = ["falls-risk"],
            Regions = ["london"],
            Lots = ["lot-1"],
            Connectivity = "digital",
            Interoperability = ["scaip"],
            Features = ["two-way speech"],
            VerifiedStandards = ["TSA-QSF"],
            Capabilities = ["clinician-dashboard"],
            PriceModel = "per-unit",
            PriceGbp = 12.5m,
            LeadTimeDays = 14,
        };
        // A property added later must be given a value here, or the round trip cannot show it is lost.
        Assert.All(typeof(OfferingSearchDocument).GetProperties(), p =>
            Assert.False(p.GetValue(offering) is null or "" or 0 or 0m or System.Collections.ICollection { Count: 0 }, $"{p.Name} has no value in this test"));
        var roundTripped = System.Text.Json.JsonSerializer.Deserialize(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(offering, SearchJson.Default.OfferingSearchDocument), SearchJson.Default.OfferingSearchDocument)!;

        Assert.Equal(Fields(LuceneCatalogueIndex.ToLucene(offering)), Fields(LuceneCatalogueIndex.ToLucene(roundTripped)));

        static string[] Fields(Lucene.Net.Documents.Document document) => [.. document.Fields.Select(f => f.ToString()!)];
    }

    [Fact]
    public async Task An_index_on_disk_survives_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("lucene-");
        try
        {
            using (var index = new LuceneCatalogueIndex(folder.FullName))
            {
                await index.UpsertAsync(Offering("persisted", "Persisted hub"), CancellationToken.None);
            }
            using var reopened = new LuceneCatalogueIndex(folder.FullName);
            Assert.Equal("Persisted hub", (await reopened.FindAsync("persisted"))!.Name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_restarted_index_counts_its_last_commit_before_anything_searches_or_writes_it()
    {
        var folder = Directory.CreateTempSubdirectory("lucene-");
        try
        {
            using (var index = new LuceneCatalogueIndex(folder.FullName))
            {
                Assert.Equal(0, await index.CountAsync(CancellationToken.None));
                foreach (var id in new[] { "a", "b", "c" })
                {
                    await index.UpsertAsync(Offering(id, $"Hub {id}"), CancellationToken.None);
                }
                await index.DeleteAsync("b", CancellationToken.None);
            }
            using var reopened = new LuceneCatalogueIndex(folder.FullName);

            // The health probe's question on a cold instance: answered from the commit, the deletion subtracted.
            Assert.Equal(2, await reopened.CountAsync(CancellationToken.None));
            // The count did not take the index's write lock: another writer can still open it.
            using (var other = new IndexWriter(Lucene.Net.Store.FSDirectory.Open(folder.FullName),
                new IndexWriterConfig(LuceneCatalogueIndex.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
            {
                Assert.Equal(2, other.NumDocs);
            }
            await reopened.UpsertAsync(Offering("d", "Hub d"), CancellationToken.None);
            Assert.Equal(3, await reopened.CountAsync(CancellationToken.None));
            Assert.Equal("Hub a", (await reopened.FindAsync("a"))!.Name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async IAsyncEnumerable<OfferingSearchDocument> Documents(params OfferingSearchDocument[] documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }

    private static async IAsyncEnumerable<OfferingSearchDocument> Failing(OfferingSearchDocument first)
    {
        await Task.Yield();
        yield return first;
        throw new IOException("the table read failed");
    }
}
