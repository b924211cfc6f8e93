using System.Diagnostics;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Bench.Catalogue;

/// <summary>
/// The floor the app's search is compared with (issue 15): a plain Lucene.Net index over the same documents, written
/// and queried here without the app's search adapter, answering the same query mix with the same work a result page
/// needs — the text query over the same weighted fields (AND by default, BM25), the filters, the same order (relevance,
/// price or name, then the fair-ordering key, then the id), the page's stored fields, and facet counts over every
/// match, disjunctive like the app's (a filtered dimension is counted again without its own filter). Not done here:
/// snippets and the JSON of the response, which are the app's own work on top. The caller chooses the directory; the
/// benchmark uses FSDirectory.Open, as the app does (a RAMDirectory answers about twice as fast on .NET, for either side).
/// </summary>
public sealed class RawLucene : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly Dictionary<string, float> Weights = new() { ["name"] = 3, ["summary"] = 1, ["description"] = 1, ["features"] = 1, ["supplierName"] = 1 };
    // Query parameter → field, and whether the values are all required (capabilities) rather than any of them.
    private static readonly Dictionary<string, (string Field, bool AllOf)> Filters = new()
    {
        ["category"] = ("category", false), ["condition"] = ("conditions", false), ["standard"] = ("verifiedStandards", false),
        ["region"] = ("regions", false), ["lot"] = ("lots", false), ["connectivity"] = ("connectivity", false),
        ["capability"] = ("capabilities", true), ["supplier"] = ("supplierId", false),
    };
    private static readonly string[] Faceted = ["category", "conditions", "verifiedStandards", "regions", "lots", "connectivity", "capabilities"];

    private readonly Lucene.Net.Store.Directory directory;
    private readonly StandardAnalyzer analyzer = new(Version, CharArraySet.Empty);
    private DirectoryReader? reader;
    private IndexSearcher? searcher;

    private RawLucene(Lucene.Net.Store.Directory directory) => this.directory = directory;

    public static async Task<(RawLucene Index, TimeSpan Build)> BuildAsync(IAsyncEnumerable<OfferingSearchDocument> documents, Lucene.Net.Store.Directory directory)
    {
        var raw = new RawLucene(directory);
        var clock = Stopwatch.StartNew();
        using (var writer = new IndexWriter(raw.directory, new IndexWriterConfig(Version, raw.analyzer) { Similarity = new BM25Similarity() }))
        {
            await foreach (var d in documents)
            {
                writer.AddDocument(Plain(d));
            }
            writer.Commit();
        }
        raw.reader = DirectoryReader.Open(raw.directory);
        raw.searcher = new IndexSearcher(raw.reader) { Similarity = new BM25Similarity() };
        return (raw, clock.Elapsed);
    }

    private static Document Plain(OfferingSearchDocument d)
    {
        var doc = new Document
        {
            new StringField("id", d.Id, Field.Store.YES),
            new SortedDocValuesField("idSort", new BytesRef(d.Id)),
            new TextField("name", d.Name, Field.Store.YES),
            new TextField("summary", d.Summary, Field.Store.YES),
            new TextField("description", d.Description, Field.Store.YES),
            new TextField("supplierName", d.SupplierName, Field.Store.YES),
            new SortedDocValuesField("nameSort", new BytesRef(d.Name.ToLowerInvariant())),
            new DoubleField("priceGbp", (double)d.PriceGbp, Field.Store.YES),
            new DoubleDocValuesField("priceSort", (double)d.PriceGbp),
            new NumericDocValuesField("fairKey", FairOrdering.KeyOf(d.Id)),
        };
        foreach (var feature in d.Features)
        {
            doc.Add(new TextField("features", feature, Field.Store.YES));
        }
        void Keywords(string field, IEnumerable<string> values)
        {
            foreach (var value in values.Where(v => v.Length > 0).Distinct())
            {
                doc.Add(new StringField(field, value, Field.Store.YES));
                if (Faceted.Contains(field))
                {
                    doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
                }
            }
        }
        Keywords("category", [d.Category]);
        Keywords("conditions", d.Conditions);
        Keywords("verifiedStandards", d.VerifiedStandards);
        Keywords("regions", d.Regions);
        Keywords("lots", d.Lots);
        Keywords("connectivity", [d.Connectivity]);
        Keywords("capabilities", d.Capabilities);
        Keywords("supplierId", [d.SupplierId]);
        return doc;
    }

    /// <summary>
    /// The comparison is only fair if both sides do the same work: for every query of the mix, the raw index must find
    /// the same total, the same page of ids in the same order and the same facet counts as the app's adapter.
    /// </summary>
    public static async Task CheckSameAnswersAsync(RawLucene raw, ICatalogueSearch app)
    {
        var differences = new List<string>();
        foreach (var queryString in QueryMix.QueryStrings)
        {
            var parameters = QueryHelpers.ParseQuery(queryString).ToDictionary(p => p.Key, p => p.Value.ToString());
            var expected = await app.SearchAsync(CatalogueQueryParser.Parse(parameters).Query!, CancellationToken.None);
            var (total, page, facets) = raw.Search(parameters);
            var sameFacets = expected.Facets.All(f => facets.TryGetValue(CatalogueFieldOf(f.Key), out var counts)
                && f.Value.All(c => counts.GetValueOrDefault(c.Value) == c.Count) && counts.Count(c => c.Value > 0) >= f.Value.Count);
            if (total != expected.Total || !page.Select(d => d.Get("id")).SequenceEqual(expected.Hits.Select(h => h.Document.Id)) || !sameFacets)
            {
                differences.Add($"'{queryString}': total {total} vs {expected.Total}, facets {(sameFacets ? "same" : "differ")}");
            }
        }
        Console.WriteLine(differences.Count == 0
            ? $"raw Lucene and the app agree on every query of the mix ({QueryMix.QueryStrings.Length}: totals, page order, facet counts)"
            : "raw Lucene and the app DIFFER, so the comparison is not like for like:\n  " + string.Join("\n  ", differences));
    }

    private static string CatalogueFieldOf(CatalogueFilter filter) => Filters[CatalogueQueryParser.NameOf(filter)].Field;

    /// <summary>Latency of the query mix, measured exactly as <see cref="InProcessSearch"/> measures the app's adapter.</summary>
    public Latency Measure(int queries)
    {
        var mix = QueryMix.QueryStrings.Select(q => QueryHelpers.ParseQuery(q).ToDictionary(p => p.Key, p => p.Value.ToString())).ToArray();
        foreach (var warm in mix)
        {
            Search(warm);
        }
        var timings = new List<double>(queries);
        var cpu = Latency.Cpu();
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Search(mix[i % mix.Length]);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Latency.Of(timings, Latency.Cpu() - cpu);
    }

    /// <summary>One result page: total, the page's stored documents, and value → count per faceted field.</summary>
    public (int Total, List<Document> Page, Dictionary<string, Dictionary<string, int>> Facets) Search(IReadOnlyDictionary<string, string> parameters)
    {
        var s = searcher!;
        var text = parameters.GetValueOrDefault("q") is { Length: > 0 } q
            ? new SimpleQueryParser(analyzer, Weights) { DefaultOperator = Occur.MUST }.Parse(q) ?? new MatchAllDocsQuery()
            : new MatchAllDocsQuery();
        var filtered = Filters.Where(f => parameters.ContainsKey(f.Key)).ToList();
        var page = parameters.TryGetValue("page", out var p) ? int.Parse(p) : 1;
        var pageSize = parameters.TryGetValue("pageSize", out var ps) ? int.Parse(ps) : 30;
        var sort = new Sort(
            parameters.GetValueOrDefault("sort") switch
            {
                "price" => new SortField("priceSort", SortFieldType.DOUBLE),
                "name" => new SortField("nameSort", SortFieldType.STRING),
                _ => SortField.FIELD_SCORE,
            },
            new SortField("fairKey", SortFieldType.INT64),
            new SortField("idSort", SortFieldType.STRING));

        var top = TopFieldCollector.Create(sort, page * pageSize, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var disjunctive = filtered.Where(f => !f.Value.AllOf && Faceted.Contains(f.Value.Field)).Select(f => f.Value.Field).ToList();
        var counts = new Counts([.. Faceted.Except(disjunctive)]);
        s.Search(text, FilterOf(parameters, filtered, except: null), MultiCollector.Wrap(top, counts));
        var facets = counts.Result();
        foreach (var field in disjunctive)
        {
            var sideways = new Counts([field]);
            s.Search(text, FilterOf(parameters, filtered, except: field), sideways);
            facets[field] = sideways.Result()[field];
        }
        var hits = top.GetTopDocs((page - 1) * pageSize, pageSize).ScoreDocs.Select(h => s.Doc(h.Doc)).ToList();
        return (top.TotalHits, hits, facets);
    }

    private static Filter? FilterOf(IReadOnlyDictionary<string, string> parameters, List<KeyValuePair<string, (string Field, bool AllOf)>> filtered, string? except)
    {
        var all = new BooleanQuery();
        foreach (var (name, (field, allOf)) in filtered.Where(f => f.Value.Field != except))
        {
            var any = new BooleanQuery();
            foreach (var value in parameters[name].Split(','))
            {
                any.Add(new TermQuery(new Term(field, value)), allOf ? Occur.MUST : Occur.SHOULD);
            }
            all.Add(any, Occur.MUST);
        }
        if (parameters.TryGetValue("maxPrice", out var max))
        {
            all.Add(NumericRangeQuery.NewDoubleRange("priceGbp", null, double.Parse(max), true, true), Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    public void Dispose()
    {
        reader?.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    /// <summary>Per segment, an ordinal count array per field over its sorted-set doc values; merged by value at the end.</summary>
    private sealed class Counts(string[] fields) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> result = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
        private SortedSetDocValues?[] values = [];
        private int[][] ordinals = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Merge();
            values = [.. fields.Select(f => context.AtomicReader.GetSortedSetDocValues(f))];
            ordinals = [.. values.Select(v => new int[v?.ValueCount ?? 0])];
        }

        public void Collect(int doc)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (v is null)
                {
                    continue;
                }
                v.SetDocument(doc);
                for (long ord; (ord = v.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS;)
                {
                    ordinals[i][ord]++;
                }
            }
        }

        public Dictionary<string, Dictionary<string, int>> Result()
        {
            Merge();
            return result;
        }

        private void Merge()
        {
            var term = new BytesRef();
            for (var i = 0; i < values.Length; i++)
            {
                for (var ord = 0; ord < ordinals[i].Length; ord++)
                {
                    if (ordinals[i][ord] > 0)
                    {
                        values[i]!.LookupOrd(ord, term);
                        var counts = result[fields[i]];
                        counts[term.Utf8ToString()] = counts.GetValueOrDefault(term.Utf8ToString()) + ordinals[i][ord];
                    }
                }
            }
            values = [];
            ordinals = [];
        }
    }
}
