using System.Security.Cryptography;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Storage.Search;

/// <summary>
/// The in-process catalogue index. One writer for the process (Lucene allows only one), opened by the first search or
/// write, and near-real-time readers through a <see cref="SearcherManager"/> refreshed after every write, so a change
/// shows in the next search.
/// Analysis and ranking follow Azure AI Search's defaults (standard tokenizer, lower-casing, no stop words; BM25)
/// so the two indexes rank alike. An index written before the search fields existed needs a reindex.
/// </summary>
public sealed partial class LuceneCatalogueIndex : ICatalogueIndex, ICatalogueIndexGeneration, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;
    internal const string IdField = CatalogueFields.Id;
    // The whole search document as JSON, read for each hit of a page: in binary doc values, read straight from the
    // document's bytes, where a stored field would decompress the block of documents around it for every hit.
    internal const string DocumentValuesField = "documentValues";
    // The first 128 bits of the SHA-256 of those bytes: a write compares these 16 bytes instead of reading the whole
    // document, whose pages would then stay mapped in the process (every offering an attestation expiry or a queued
    // update touched). 128 bits of SHA-256 is an equality test in practice (a changed document matches with chance 2^-128),
    // so the bytes themselves are never compared.
    internal const string DocumentHashField = "documentHash";
    // Doc-values-only companions of indexed fields, for sorting (Lucene sorts on doc values, not on indexed terms).
    internal const string IdSortField = "idSort";
    internal const string PriceSortField = "priceGbpSort";

    private readonly LuceneDirectory directory;
    private readonly Analyzer analyzer = new StandardAnalyzer(Version, CharArraySet.Empty);
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly System.Threading.Lock opening = new();
    private Opened? opened;
    private long generation;

    public LuceneCatalogueIndex(string? path)
    {
        directory = string.IsNullOrWhiteSpace(path)
            ? new RAMDirectory()
            : FSDirectory.Open(System.IO.Directory.CreateDirectory(path).FullName);
    }

    /// <summary>The one writer and its near-real-time searchers, replaced together when a failed rebuild reopens them.</summary>
    private sealed record Opened(IndexWriter Writer, SearcherManager Searchers);

    // Opened by the first search or write, not by the constructor: the health probe, a cold instance's first request,
    // reads the last commit instead (CountAsync), and opening the writer was ≈ 45 ms of that request (issue 15).
    private Opened Index => Volatile.Read(ref opened) ?? OpenOnce();

    private Opened OpenOnce()
    {
        lock (opening)
        {
            return opened ??= Open(directory, analyzer);
        }
    }

    private static Opened Open(LuceneDirectory directory, Analyzer analyzer)
    {
        var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
        });
        return new Opened(writer, new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new Bm25SearcherFactory()));
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    // A write the index already reflects is skipped: each one moves the generation on, and that drops every kept search
    // page (the app's SearchResponseCache). Every change is written twice (at once, then by the queued follow-up), and
    // in the load benchmark every write during the load changed nothing (bench/README).
    public async Task UpsertAsync(OfferingSearchDocument document, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct);
        try
        {
            var values = JsonSerializer.SerializeToUtf8Bytes(document, SearchJson.Default.OfferingSearchDocument);
            var hash = HashOf(values);
            if (Indexed(document.Id, hash).Same)
            {
                return;
            }
            Index.Writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document, values, hash));
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
            if (!Indexed(offeringId, []).Present)
            {
                return;
            }
            Index.Writer.DeleteDocuments(new Term(IdField, offeringId));
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
            var writer = Index.Writer;
            writer.DeleteAll();
            var count = 0;
            await foreach (var document in documents.WithCancellation(ct))
            {
                writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document));
                count++;
            }
            // One segment instead of the dozen or so a bulk build leaves: every query's weight looks each term up once
            // per segment, and the per-segment facet and filter sets are one set each. Later writes add small segments.
            writer.ForceMerge(1);
            CommitAndRefresh();
            return count;
        }
        catch
        {
            // A failed rebuild must not leave a half-empty index behind: drop the uncommitted deletes and adds,
            // then reopen at the last commit (Lucene's rollback closes the writer).
            var failed = Index;
            failed.Writer.Rollback();
            failed.Searchers.Dispose();
            lock (opening)
            {
                opened = Open(directory, analyzer);
            }
            Interlocked.Increment(ref generation);
            throw;
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>
    /// The live documents: what the searchers see once the index is open; before that (nothing has searched or written
    /// since start) what the last commit on disk holds, read without opening the writer, and 0 for a new index.
    /// </summary>
    public Task<long> CountAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref opened) is not { } open)
        {
            return Task.FromResult(CommittedCount());
        }
        var searchers = open.Searchers;
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

    private long CommittedCount()
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return 0;
        }
        var commit = new SegmentInfos();
        commit.Read(directory);
        return commit.Sum(segment => (long)segment.Info.DocCount - segment.DelCount);
    }

    public void Dispose()
    {
        if (Volatile.Read(ref opened) is { } open)
        {
            open.Searchers.Dispose();
            open.Writer.Dispose();
        }
        directory.Dispose();
        analyzer.Dispose();
        writeLock.Dispose();
    }

    /// <inheritdoc/>
    public long Generation => Interlocked.Read(ref generation);

    private void CommitAndRefresh()
    {
        var (writer, searchers) = Index;
        writer.Commit();
        searchers.MaybeRefreshBlocking();
        // Only after the refresh: a reader of the new generation must never search the old searcher.
        Interlocked.Increment(ref generation);
    }

    /// <summary>
    /// Whether the searchers hold <paramref name="offeringId"/> (current under the write lock), and whether its indexed
    /// document's hash is <paramref name="hash"/>.
    /// </summary>
    private (bool Present, bool Same) Indexed(string offeringId, ReadOnlySpan<byte> hash)
    {
        var searchers = Index.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            if (searcher.Search(new TermQuery(new Term(IdField, offeringId)), 1).ScoreDocs is not [var hit, ..])
            {
                return (false, false);
            }
            var leaves = searcher.IndexReader.Leaves;
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            // Written before the hashes were kept (no field in the segment, or an empty value where a merge met newer
            // documents): equal to nothing, so the next write of it adds the hash.
            if (leaf.AtomicReader.GetBinaryDocValues(DocumentHashField) is not { } hashes)
            {
                return (true, false);
            }
            var scratch = new BytesRef();
            hashes.Get(hit.Doc - leaf.DocBase, scratch);
            return (true, scratch.Bytes.AsSpan(scratch.Offset, scratch.Length).SequenceEqual(hash));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static byte[] HashOf(byte[] values) => SHA256.HashData(values)[..16];

    internal static Document ToLucene(OfferingSearchDocument d)
    {
        var values = JsonSerializer.SerializeToUtf8Bytes(d, SearchJson.Default.OfferingSearchDocument);
        return ToLucene(d, values, HashOf(values));
    }

    private static Document ToLucene(OfferingSearchDocument d, byte[] values, byte[] hash)
    {
        var doc = new Document
        {
            new StringField(IdField, d.Id, Field.Store.YES),
            new SortedDocValuesField(IdSortField, new BytesRef(d.Id)),
            new TextField(CatalogueFields.Name, d.Name, Field.Store.NO),
            new TextField(CatalogueFields.Summary, d.Summary, Field.Store.NO),
            new TextField(CatalogueFields.Description, d.Description, Field.Store.NO),
            new TextField(CatalogueFields.SupplierName, d.SupplierName, Field.Store.NO),
            new SortedDocValuesField(CatalogueFields.NameSort, new BytesRef(NameOrdering.KeyOf(d.Name))),
            new DoubleField(CatalogueFields.PriceGbp, (double)d.PriceGbp, Field.Store.NO),
            new DoubleDocValuesField(PriceSortField, (double)d.PriceGbp),
            new NumericDocValuesField(CatalogueFields.FairKey, FairOrdering.KeyOf(d.Id)),
        };
        doc.Add(new BinaryDocValuesField(DocumentValuesField, new BytesRef(values)));
        doc.Add(new BinaryDocValuesField(DocumentHashField, new BytesRef(hash)));
        foreach (var feature in d.Features)
        {
            doc.Add(new TextField(CatalogueFields.Features, feature, Field.Store.NO));
        }
        // Every filter is an exact-match keyword field; faceted ones also carry sorted-set doc values for counting.
        foreach (var filter in Enum.GetValues<CatalogueFilter>())
        {
            var field = CatalogueFields.Of(filter);
            var faceted = CatalogueQuery.FacetedFilters.Contains(filter);
            foreach (var value in CatalogueFields.ValuesOf(d, filter))
            {
                doc.Add(new StringField(field, value, Field.Store.NO));
                if (faceted)
                {
                    doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
                }
            }
        }
        return doc;
    }

    /// <summary>The search document of <paramref name="doc"/> (a searcher-wide number), from its doc values.</summary>
    internal static OfferingSearchDocument DocumentOf(IndexSearcher searcher, int doc, BytesRef scratch)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var inLeaf = doc - leaf.DocBase;
        // An index written before the documents were kept as doc values has none: the start-up reindex rewrites it.
        if (leaf.AtomicReader.GetBinaryDocValues(DocumentValuesField) is not { } values)
        {
            throw new InvalidDataException("The search index predates its document values and needs a reindex.");
        }
        values.Get(inLeaf, scratch);
        return Read(scratch.Bytes.AsSpan(scratch.Offset, scratch.Length));
    }

    private static OfferingSearchDocument Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, SearchJson.Default.OfferingSearchDocument)
        ?? throw new InvalidDataException("A stored search document could not be read.");
}
