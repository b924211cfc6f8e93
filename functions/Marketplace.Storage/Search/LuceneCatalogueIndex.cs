using System.Text.Json;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Health;
using Marketplace.Storage.Health;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Storage.Search;

/// <summary>
/// The in-process catalogue index. One writer for the process (Lucene allows only one), near-real-time readers
/// through a <see cref="SearcherManager"/> refreshed after every write, so a change shows in the next search.
/// </summary>
public sealed class LuceneCatalogueIndex : ICatalogueIndex, IDependencyProbe, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;
    internal const string IdField = "id";
    internal const string DocumentField = "document";

    private readonly LuceneDirectory directory;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private IndexWriter writer;
    private SearcherManager searchers;

    public LuceneCatalogueIndex(string? path)
    {
        directory = string.IsNullOrWhiteSpace(path)
            ? new RAMDirectory()
            : FSDirectory.Open(System.IO.Directory.CreateDirectory(path).FullName);
        (writer, searchers) = Open(directory);
    }

    private static (IndexWriter, SearcherManager) Open(LuceneDirectory directory)
    {
        var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new StandardAnalyzer(Version))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
        });
        return (writer, new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null));
    }

    public string Name => "search";

    public async Task UpsertAsync(OfferingSearchDocument document, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct);
        try
        {
            writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document));
            CommitAndRefresh();
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task DeleteAsync(string offeringId, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct);
        try
        {
            writer.DeleteDocuments(new Term(IdField, offeringId));
            CommitAndRefresh();
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<int> RebuildAsync(IAsyncEnumerable<OfferingSearchDocument> documents, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct);
        try
        {
            writer.DeleteAll();
            var count = 0;
            await foreach (var document in documents.WithCancellation(ct))
            {
                writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document));
                count++;
            }
            CommitAndRefresh();
            return count;
        }
        catch
        {
            // A failed rebuild must not leave a half-empty index behind: drop the uncommitted deletes and adds,
            // then reopen at the last commit (Lucene's rollback closes the writer).
            writer.Rollback();
            searchers.Dispose();
            (writer, searchers) = Open(directory);
            throw;
        }
        finally
        {
            writeLock.Release();
        }
    }

    public Task<long> CountAsync(CancellationToken ct)
    {
        var searcher = searchers.Acquire();
        try
        {
            return Task.FromResult((long)searcher.IndexReader.NumDocs);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The stored document of one offering, or null; used by tests and the search adapter.</summary>
    public OfferingSearchDocument? Find(string offeringId)
    {
        var searcher = searchers.Acquire();
        try
        {
            var hits = searcher.Search(new TermQuery(new Term(IdField, offeringId)), 1);
            return hits.TotalHits == 0 ? null : FromLucene(searcher.Doc(hits.ScoreDocs[0].Doc));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<DependencyStatus> ProbeAsync(CancellationToken ct) => Probe.RunAsync(Name, token =>
    {
        // MaybeRefresh throws once the writer or its directory is gone, which is what "unhealthy" means here.
        searchers.MaybeRefresh();
        return Task.CompletedTask;
    }, ct);

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        writeLock.Dispose();
    }

    private void CommitAndRefresh()
    {
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    internal static Document ToLucene(OfferingSearchDocument d)
    {
        var doc = new Document
        {
            new StringField(IdField, d.Id, Field.Store.YES),
            new TextField("name", d.Name, Field.Store.NO),
            new TextField("summary", d.Summary, Field.Store.NO),
            new TextField("description", d.Description, Field.Store.NO),
            new TextField("supplierName", d.SupplierName, Field.Store.NO),
            new StringField("supplierId", d.SupplierId, Field.Store.NO),
            new StringField("category", d.Category, Field.Store.NO),
            new StringField("connectivity", d.Connectivity, Field.Store.NO),
            new StoredField(DocumentField, JsonSerializer.Serialize(d, SearchJson.Options)),
        };
        foreach (var feature in d.Features)
        {
            doc.Add(new TextField("features", feature, Field.Store.NO));
        }
        return doc;
    }

    internal static OfferingSearchDocument FromLucene(Document doc) =>
        JsonSerializer.Deserialize<OfferingSearchDocument>(doc.Get(DocumentField), SearchJson.Options)
        ?? throw new InvalidDataException("A stored search document could not be read.");
}
