using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Storage.Search;

/// <summary>
/// Catalogue search on the in-process index: simple query syntax with AND by default over the weighted text
/// fields, filters that never affect scores, disjunctive facet counts from sorted-set doc values, and a total
/// order ending in the fair-ordering key.
/// </summary>
public sealed partial class LuceneCatalogueIndex : ICatalogueSearch
{
    private static readonly Dictionary<string, float> TextWeights =
        CatalogueFields.Searched.ToDictionary(f => f.Key, f => (float)f.Value);
    private static readonly SimpleHTMLFormatter Marks = new(SearchSnippets.MarkOpen, SearchSnippets.MarkClose);

    public Task<CatalogueSearchResult> SearchAsync(CatalogueQuery query, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var text = TextQuery(query.Text);
        var filter = FilterOf(query);
        var searcher = searchers.Acquire();
        try
        {
            var ranked = TopFieldCollector.Create(SortOf(query.Sort), query.Depth, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            // Disjunctive facets: a dimension with a filter of its own is counted without that filter (below), so
            // the main pass counts only the dimensions nobody has filtered on.
            var filtered = query.DisjunctiveFacets();
            var facets = new FacetCounter([.. CatalogueQuery.FacetedFilters.Except(filtered)]);
            searcher.Search(text, filter, MultiCollector.Wrap(ranked, facets));
            var counts = facets.Counts().ToDictionary();
            foreach (var dimension in filtered)
            {
                // One counting pass per filtered dimension over the same text query with every other filter: doc
                // values only, no scores asked for and no stored fields loaded.
                var sideways = new FacetCounter([dimension]);
                searcher.Search(text, FilterOf(query, except: dimension), sideways);
                counts[dimension] = sideways.Counts()[dimension];
            }
            var snippet = SnippetsFor(text);
            var hits = ranked.GetTopDocs(query.Skip, query.PageSize).ScoreDocs
                .Select(hit =>
                {
                    var document = FromLucene(searcher.Doc(hit.Doc));
                    return new CatalogueHit(document, hit.Score, snippet(document));
                })
                .ToList();
            return Task.FromResult(new CatalogueSearchResult
            {
                Total = ranked.TotalHits,
                Page = query.Page,
                PageSize = query.PageSize,
                Hits = hits,
                Facets = counts,
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

    /// <summary>The query's filters and price ceiling, leaving out <paramref name="except"/>'s filter when given.</summary>
    private static Filter? FilterOf(CatalogueQuery query, CatalogueFilter? except = null)
    {
        // Values of one filter are OR'd (AND'd for the all-of filters), different filters AND'd; as a filter, none of it changes scores.
        var all = new BooleanQuery();
        foreach (var (filter, values) in query.Filters.Where(f => f.Key != except).OrderBy(f => f.Key))
        {
            var each = CatalogueQuery.AllOfFilters.Contains(filter) ? Occur.MUST : Occur.SHOULD;
            var any = new BooleanQuery();
            foreach (var value in values)
            {
                any.Add(new TermQuery(new Term(CatalogueFields.Of(filter), value)), each);
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

    // One highlighter per text field for the whole page: QueryScorer keeps only that field's terms, expands prefix
    // and fuzzy terms against the text, marks a phrase's words only where they stand together, and ignores excluded terms.
    private Func<OfferingSearchDocument, string> SnippetsFor(Query text)
    {
        if (text is MatchAllDocsQuery)
        {
            return SearchSnippets.Opening;
        }
        var highlighters = CatalogueFields.Highlighted.Select(field =>
        {
            var scorer = new QueryScorer(text, field);
            return (Field: field, Scorer: scorer, Highlighter: new Highlighter(Marks, SearchSnippets.Html, scorer) { TextFragmenter = new SimpleSpanFragmenter(scorer, SearchSnippets.Length) });
        }).ToList();
        return document =>
        {
            // The sentence whose marked terms score most (distinct terms, weighted); ties go to the earlier field, then sentence.
            (string Sentence, TextFragment Fragment)? best = null;
            foreach (var (field, scorer, highlighter) in highlighters)
            {
                var whole = SearchSnippets.TextOf(document, field);
                // One pass over the whole text first: a field without a match then costs no pass per sentence.
                if (string.IsNullOrWhiteSpace(whole) || highlighter.GetBestTextFragments(analyzer.GetTokenStream(field, whole), whole, false, 1).FirstOrDefault() is not { Score: > 0 })
                {
                    continue;
                }
                // That pass left the scorer holding every term the whole text matches (prefix and fuzzy terms expanded
                // against it); a sentence holding none of them scores 0, so it costs a tokenising, not a highlighting pass.
                foreach (var sentence in SearchSnippets.Sentences(whole).Where(sentence => Mentions(scorer, field, sentence)).ToList())
                {
                    var fragment = highlighter.GetBestTextFragments(analyzer.GetTokenStream(field, sentence), sentence, false, 1).FirstOrDefault();
                    if (fragment is { Score: > 0 } && (best is null || fragment.Score > best.Value.Fragment.Score))
                    {
                        best = (sentence, fragment);
                    }
                }
            }
            return best is { } found ? SearchSnippets.Excerpt(found.Sentence, found.Fragment.ToString()) : SearchSnippets.Opening(document);
        };
    }

    /// <summary>Whether any word of <paramref name="sentence"/> is a term <paramref name="scorer"/> marks with a weight.</summary>
    private bool Mentions(QueryScorer scorer, string field, string sentence)
    {
        using var tokens = analyzer.GetTokenStream(field, sentence);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();
        var found = false;
        while (!found && tokens.IncrementToken())
        {
            found = scorer.GetWeightedSpanTerm(term.ToString()) is { Weight: > 0 };
        }
        tokens.End();
        return found;
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
