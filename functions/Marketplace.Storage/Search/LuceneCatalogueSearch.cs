using Lucene.Net.Analysis;
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
/// fields, filters that never affect scores, disjunctive facet counts as intersections of the matches with each
/// value's documents (<see cref="SegmentValueDocs"/>), and a total order ending in the fair-ordering key.
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
        var searchers = Index.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var leaves = searcher.IndexReader.Leaves;
            var clauses = FilterClauses(leaves, query);
            var ranked = TopFieldCollector.Create(SortOf(query.Sort), query.Depth, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var all = Intersection(leaves, clauses, except: null);
            // Disjunctive facets: a dimension with a filter of its own is counted without that filter, over the text's
            // matches with every other filter; the rest are counted over the results themselves.
            var filtered = query.DisjunctiveFacets();
            FixedBitSet[] matches;
            FixedBitSet[]? textMatches = null;
            if (filtered.Count > 0 && text is not MatchAllDocsQuery)
            {
                // One pass of the text, unfiltered: every match is kept for the disjunctive counts, and only those the
                // filters accept are ranked (filters never change scores), instead of a filtered pass and a second one.
                var collector = new TextAndFilteredMatches(leaves, all, ranked);
                searcher.Search(text, collector);
                (matches, textMatches) = (collector.Filtered, collector.Text);
            }
            else
            {
                var collected = new MatchingDocs(leaves);
                searcher.Search(text, all is null ? null : new LeafDocsFilter(all), MultiCollector.Wrap(ranked, collected));
                matches = collected.Docs;
            }
            var counts = CountFacets(leaves, matches, [.. CatalogueQuery.FacetedFilters.Except(filtered)]);
            if (filtered.Count > 0)
            {
                // Match-all: the text matches every live document, so no pass is needed.
                textMatches ??= [.. leaves.Select(leaf => SegmentValueDocs.Live(leaf.AtomicReader))];
                foreach (var dimension in filtered)
                {
                    var sideways = Intersection(leaves, [(null, textMatches), .. clauses], except: dimension)!;
                    counts[dimension] = CountFacets(leaves, sideways, [dimension])[dimension];
                }
            }
            var snippet = SnippetsFor(text);
            var scratch = new BytesRef();
            var hits = ranked.GetTopDocs(query.Skip, query.PageSize).ScoreDocs
                .Select(hit =>
                {
                    var document = DocumentOf(searcher, hit.Doc, scratch);
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

    /// <summary>
    /// Per filter (and the price ceiling, with no dimension), the documents of each segment it accepts. Values of one
    /// filter are OR'd (AND'd for the all-of filters); as filters, none of it changes scores.
    /// </summary>
    private static List<(CatalogueFilter? Dimension, FixedBitSet[] Docs)> FilterClauses(IList<AtomicReaderContext> leaves, CatalogueQuery query)
    {
        var clauses = new List<(CatalogueFilter?, FixedBitSet[])>();
        foreach (var (filter, values) in query.Filters)
        {
            var allOf = CatalogueQuery.AllOfFilters.Contains(filter);
            clauses.Add((filter, [.. leaves.Select(leaf =>
            {
                var docs = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                for (var i = 0; i < values.Count; i++)
                {
                    var holding = ValueDocsOf(leaf.AtomicReader, filter, values[i]);
                    if (i == 0 || !allOf)
                    {
                        docs.Or(holding);
                    }
                    else
                    {
                        docs.And(holding);
                    }
                }
                return docs;
            })]));
        }
        if (query.MaxPrice is { } max)
        {
            var ceiling = NumericRangeFilter.NewDoubleRange(CatalogueFields.PriceGbp, null, (double)max, true, true);
            clauses.Add((null, [.. leaves.Select(leaf => SegmentValueDocs.DocsOf(leaf, ceiling))]));
        }
        return clauses;
    }

    // Faceted fields keep a set per value for the segment's life; the supplier filter (many values, no facet) reads its postings.
    private static FixedBitSet ValueDocsOf(AtomicReader reader, CatalogueFilter filter, string value) =>
        CatalogueQuery.FacetedFilters.Contains(filter)
            ? SegmentValueDocs.Of(reader).ValuesOf(CatalogueFields.Of(filter)).DocsWith(value) ?? new FixedBitSet(reader.MaxDoc)
            : SegmentValueDocs.DocsWith(reader, CatalogueFields.Of(filter), value);

    /// <summary>Per segment, the documents every clause but <paramref name="except"/>'s accepts (new sets); null when there is no clause.</summary>
    private static FixedBitSet[]? Intersection(IList<AtomicReaderContext> leaves, IReadOnlyList<(CatalogueFilter? Dimension, FixedBitSet[] Docs)> clauses,
        CatalogueFilter? except)
    {
        var applied = clauses.Where(c => c.Dimension is null || c.Dimension != except).ToList();
        if (applied.Count == 0)
        {
            return null;
        }
        return [.. leaves.Select(leaf =>
        {
            var docs = applied[0].Docs[leaf.Ord].Clone();
            foreach (var clause in applied.Skip(1))
            {
                docs.And(clause.Docs[leaf.Ord]);
            }
            return docs;
        })];
    }

    /// <summary>Value → count per dimension: the size of the intersection of <paramref name="docs"/> with each value's documents.</summary>
    private static Dictionary<CatalogueFilter, IReadOnlyList<FacetCount>> CountFacets(IList<AtomicReaderContext> leaves, FixedBitSet[] docs,
        IReadOnlyList<CatalogueFilter> dimensions) =>
        dimensions.ToDictionary(dimension => dimension, dimension =>
        {
            var totals = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var leaf in leaves)
            {
                foreach (var value in SegmentValueDocs.Of(leaf.AtomicReader).ValuesOf(CatalogueFields.Of(dimension)).Values)
                {
                    if (FixedBitSet.IntersectionCount(docs[leaf.Ord], value.Docs) is var count and > 0)
                    {
                        totals[value.Value] = totals.GetValueOrDefault(value.Value) + count;
                    }
                }
            }
            return FacetCount.Order(totals.Select(t => new FacetCount(t.Key, t.Value)));
        });

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

    // Words only (most searches): the highlighter's snippets replayed from one tokenising per field (WordSnippets).
    private Func<OfferingSearchDocument, string> SnippetsFor(Query text) =>
        text is MatchAllDocsQuery ? SearchSnippets.Opening
        : WordSnippets.For(text, analyzer) is { } words ? words.Of
        : HighlightedSnippets(text);

    /// <summary>The text query a search runs, with the analyzer that reads it (for tests holding the two snippet paths to each other).</summary>
    internal (Query Query, Analyzer Analyzer) TextQueryOf(string text) => (TextQuery(text), analyzer);

    // One highlighter per text field for the whole page: QueryScorer keeps only that field's terms, expands prefix
    // and fuzzy terms against the text, marks a phrase's words only where they stand together, and ignores excluded terms.
    internal Func<OfferingSearchDocument, string> HighlightedSnippets(Query text)
    {
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

    /// <summary>Every document a search collects, as one set per segment.</summary>
    private sealed class MatchingDocs(IList<AtomicReaderContext> leaves) : ICollector
    {
        private FixedBitSet current = new(0);

        public FixedBitSet[] Docs { get; } = [.. leaves.Select(leaf => new FixedBitSet(leaf.AtomicReader.MaxDoc))];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => current = Docs[context.Ord];

        public void Collect(int doc) => current.Set(doc);
    }

    /// <summary>
    /// Every document the text matches, as one set per segment, and of those the ones <c>filter</c> accepts (all when
    /// there is no filter), which alone are passed on to <c>ranked</c>.
    /// </summary>
    private sealed class TextAndFilteredMatches(IList<AtomicReaderContext> leaves, FixedBitSet[]? filter, ICollector ranked) : ICollector
    {
        private FixedBitSet text = new(0);
        private FixedBitSet filtered = new(0);
        private FixedBitSet? accepted;

        public FixedBitSet[] Text { get; } = [.. leaves.Select(leaf => new FixedBitSet(leaf.AtomicReader.MaxDoc))];

        public FixedBitSet[] Filtered { get; } = [.. leaves.Select(leaf => new FixedBitSet(leaf.AtomicReader.MaxDoc))];

        public bool AcceptsDocsOutOfOrder => ranked.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => ranked.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            text = Text[context.Ord];
            filtered = Filtered[context.Ord];
            accepted = filter?[context.Ord];
            ranked.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            text.Set(doc);
            if (accepted is null || accepted.Get(doc))
            {
                filtered.Set(doc);
                ranked.Collect(doc);
            }
        }
    }

    /// <summary>A filter over sets already worked out for each segment of this searcher.</summary>
    private sealed class LeafDocsFilter(FixedBitSet[] docs) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) => BitsFilteredDocIdSet.Wrap(docs[context.Ord], acceptDocs);
    }
}
