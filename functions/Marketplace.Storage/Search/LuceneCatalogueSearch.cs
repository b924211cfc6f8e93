using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Storage.Search;

/// <summary>
/// Catalogue search on the in-process index: simple query syntax with AND by default over the weighted text
/// fields, filters that never affect scores, facet counts from sorted-set doc values over every match, and a
/// total order ending in the fair-ordering key.
/// </summary>
public sealed partial class LuceneCatalogueIndex : ICatalogueSearch
{
    private static readonly Dictionary<string, float> TextWeights =
        CatalogueFields.Searched.ToDictionary(f => f.Key, f => (float)f.Value);

    public Task<CatalogueSearchResult> SearchAsync(CatalogueQuery query, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var text = TextQuery(query.Text);
        var filter = FilterOf(query);
        var searcher = searchers.Acquire();
        try
        {
            var ranked = TopFieldCollector.Create(SortOf(query.Sort), query.Depth, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCounter(CatalogueQuery.FacetedFilters);
            searcher.Search(text, filter, MultiCollector.Wrap(ranked, facets));
            var terms = HighlightTerms.Of(text);
            var hits = ranked.GetTopDocs(query.Skip, query.PageSize).ScoreDocs
                .Select(hit =>
                {
                    var document = FromLucene(searcher.Doc(hit.Doc));
                    return new CatalogueHit(document, hit.Score, Snippet(document, terms));
                })
                .ToList();
            return Task.FromResult(new CatalogueSearchResult
            {
                Total = ranked.TotalHits,
                Page = query.Page,
                PageSize = query.PageSize,
                Hits = hits,
                Facets = facets.Counts(),
            });
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private Query TextQuery(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }
        // The same simple syntax Azure AI Search uses (+ | - "phrase" prefix* fuzzy~), AND by default as searchMode=all.
        // The parser pairs every exclusion with match-all, so "-pendant" means "everything but pendant", as in Azure.
        var parsed = new SimpleQueryParser(analyzer, TextWeights) { DefaultOperator = Occur.MUST }.Parse(text);
        // Text with no searchable terms (only operators or punctuation) is treated like an empty search.
        return parsed ?? new MatchAllDocsQuery();
    }

    private static Filter? FilterOf(CatalogueQuery query)
    {
        // Values of one filter are OR'd, different filters AND'd; as a filter, none of it changes scores.
        var all = new BooleanQuery();
        foreach (var (filter, values) in query.Filters.OrderBy(f => f.Key))
        {
            var any = new BooleanQuery();
            foreach (var value in values)
            {
                any.Add(new TermQuery(new Term(CatalogueFields.Of(filter), value)), Occur.SHOULD);
            }
            all.Add(any, Occur.MUST);
        }
        if (query.MaxPrice is { } max)
        {
            all.Add(NumericRangeQuery.NewDoubleRange(CatalogueFields.PriceGbp, null, (double)max, true, true), Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    private static Sort SortOf(CatalogueSort sort) => new(
        sort switch
        {
            CatalogueSort.Price => new SortField(PriceSortField, SortFieldType.DOUBLE),
            CatalogueSort.Name => new SortField(CatalogueFields.NameSort, SortFieldType.STRING),
            _ => SortField.FIELD_SCORE,
        },
        new SortField(CatalogueFields.FairKey, SortFieldType.INT64),
        // Only two equal 64-bit hashes reach this: it keeps the order total, so paging never repeats or skips.
        new SortField(IdSortField, SortFieldType.STRING));

    private string Snippet(OfferingSearchDocument document, HighlightTerms terms) =>
        CatalogueSnippet.Build([.. CatalogueFields.Highlighted.Select(field => Source(field, field == CatalogueFields.Summary ? document.Summary : document.Description, terms))]);

    // Runs the text through the index's own analyzer, so a highlighted token is exactly a token the query matched.
    private SnippetSource Source(string field, string text, HighlightTerms terms)
    {
        var spans = new List<MatchSpan>();
        if (!terms.IsEmpty && !string.IsNullOrEmpty(text))
        {
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (terms.Matches(term.ToString()))
                {
                    spans.Add(new MatchSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset));
                }
            }
            stream.End();
        }
        return new SnippetSource(text, spans);
    }

    /// <summary>The analysed terms (and prefixes) a query looks for, excluding those it excludes.</summary>
    private sealed class HighlightTerms
    {
        private readonly HashSet<string> exact = new(StringComparer.Ordinal);
        private readonly List<string> prefixes = [];

        public bool IsEmpty => exact.Count == 0 && prefixes.Count == 0;

        public bool Matches(string token) => exact.Contains(token) || prefixes.Any(p => token.StartsWith(p, StringComparison.Ordinal));

        public static HighlightTerms Of(Query query)
        {
            var terms = new HighlightTerms();
            terms.Collect(query);
            return terms;
        }

        private void Collect(Query query)
        {
            switch (query)
            {
                case BooleanQuery boolean:
                    foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                    {
                        Collect(clause.Query);
                    }
                    break;
                case TermQuery term:
                    exact.Add(term.Term.Text);
                    break;
                case PhraseQuery phrase:
                    exact.UnionWith(phrase.GetTerms().Select(t => t.Text));
                    break;
                case PrefixQuery prefix:
                    prefixes.Add(prefix.Prefix.Text);
                    break;
                case FuzzyQuery fuzzy:
                    exact.Add(fuzzy.Term.Text);
                    break;
            }
        }
    }

    /// <summary>
    /// Counts facet values over every matching document (Lucene.Net.Facet is not available): per segment, an ordinal
    /// count array over the field's sorted-set doc values, turned into value → count when the segment ends.
    /// </summary>
    private sealed class FacetCounter : ICollector
    {
        private readonly IReadOnlyList<CatalogueFilter> filters;
        private readonly Dictionary<string, long>[] totals;
        private readonly SortedSetDocValues?[] values;
        private readonly int[][] counts;

        public FacetCounter(IReadOnlyList<CatalogueFilter> filters)
        {
            this.filters = filters;
            totals = [.. filters.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
            values = new SortedSetDocValues?[filters.Count];
            counts = [.. filters.Select(_ => Array.Empty<int>())];
        }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var i = 0; i < filters.Count; i++)
            {
                values[i] = context.AtomicReader.GetSortedSetDocValues(CatalogueFields.Of(filters[i]));
                counts[i] = values[i] is { } v ? new int[checked((int)v.ValueCount)] : [];
            }
        }

        public void Collect(int doc)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } v)
                {
                    continue;
                }
                v.SetDocument(doc);
                for (var ord = v.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = v.NextOrd())
                {
                    counts[i][ord]++;
                }
            }
        }

        public IReadOnlyDictionary<CatalogueFilter, IReadOnlyList<FacetCount>> Counts()
        {
            Flush();
            return Enumerable.Range(0, filters.Count).ToDictionary(
                i => filters[i],
                i => FacetCount.Order(totals[i].Select(t => new FacetCount(t.Key, t.Value))));
        }

        private void Flush()
        {
            var bytes = new BytesRef();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } v)
                {
                    continue;
                }
                for (var ord = 0; ord < counts[i].Length; ord++)
                {
                    if (counts[i][ord] > 0)
                    {
                        v.LookupOrd(ord, bytes);
                        var value = bytes.Utf8ToString();
                        totals[i][value] = totals[i].GetValueOrDefault(value) + counts[i][ord];
                    }
                }
                values[i] = null;
                counts[i] = [];
            }
        }
    }
}
