using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Search;

/// <summary>
/// Snippets for a text query made of words only (no phrase, prefix or fuzzy term), which is what most searches are:
/// the same sentence with the same marks as the highlighter path (<c>QueryScorer</c> with a
/// <c>SimpleSpanFragmenter</c> per sentence) gives, worked out from one tokenising of each field per hit instead of a
/// highlighter run over the whole text and again over each matching sentence. With words only, a term's weight does
/// not depend on the text or its position, so the highlighter's work reduces to what is replayed here: a fragment
/// is cut before a token ending at or past each <see cref="SearchSnippets.Length"/> characters while at least half of
/// that is left; it scores the sum of the weights of the distinct terms it holds; a sentence shows its best fragment
/// (the earlier on a tie); the best sentence wins, the earlier field and sentence on a tie.
/// </summary>
internal sealed class WordSnippets
{
    private readonly Analyzer analyzer;
    private readonly FieldTerms[] fields;
    private readonly List<Token> tokens = [];
    private readonly bool[] found;

    private WordSnippets(Analyzer analyzer, FieldTerms[] fields, int termCount)
    {
        this.analyzer = analyzer;
        this.fields = fields;
        found = new bool[termCount];
    }

    /// <summary>Snippets for <paramref name="text"/>, or null when it holds anything but words (the highlighter path serves those).</summary>
    public static WordSnippets? For(Query text, Analyzer analyzer)
    {
        var terms = new HashSet<Term>();
        if (!WordsOnly(text, terms))
        {
            return null;
        }
        var termCount = 0;
        var fields = CatalogueFields.Highlighted.Select(field =>
        {
            // The weights exactly as the highlighter's scorer reads them from the query (excluded words left out).
            var scorer = new QueryScorer(text, field);
            using (var empty = analyzer.GetTokenStream(field, ""))
            {
                scorer.Init(empty);
            }
            var weighted = terms.Where(t => t.Field == field)
                .Select(t => (Text: t.Text, Weight: scorer.GetWeightedSpanTerm(t.Text)?.Weight ?? 0))
                .Where(t => t.Weight > 0)
                .ToList();
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (term, _) in weighted)
            {
                numbers[term] = termCount + numbers.Count;
            }
            termCount += numbers.Count;
            return new FieldTerms(field, numbers.GetAlternateLookup<ReadOnlySpan<char>>(), [.. weighted.Select(t => t.Weight)], numbers.Count == 0 ? 0 : numbers.Values.Min());
        }).ToArray();
        return new WordSnippets(analyzer, fields, termCount);
    }

    private static bool WordsOnly(Query query, HashSet<Term> terms)
    {
        switch (query)
        {
            case TermQuery term:
                terms.Add(term.Term);
                return true;
            case MatchAllDocsQuery:
                return true;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (!WordsOnly(clause.Query, terms))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>The snippet of one hit. Not thread-safe: one instance serves one search's page.</summary>
    public string Of(OfferingSearchDocument document)
    {
        (float Score, string Snippet)? best = null;
        foreach (var field in fields)
        {
            var text = SearchSnippets.TextOf(document, field.Name);
            if (string.IsNullOrWhiteSpace(text) || !Tokenise(field, text))
            {
                continue;
            }
            var next = 0;
            foreach (var (start, end) in SearchSnippets.SentenceRanges(text))
            {
                var first = next;
                var weighted = false;
                while (next < tokens.Count && tokens[next].Start < end)
                {
                    weighted |= tokens[next].Term >= 0;
                    next++;
                }
                if (!weighted)
                {
                    continue;
                }
                var fragment = BestFragment(field, first, next, start, end);
                if (fragment.Score > 0 && (best is null || fragment.Score > best.Value.Score))
                {
                    // Written now: the next field's tokens replace these.
                    best = (fragment.Score, SearchSnippets.Excerpt(text[start..end], Marked(text, fragment)));
                }
            }
        }
        return best?.Snippet ?? SearchSnippets.Opening(document);
    }

    /// <summary>Fills <see cref="tokens"/> with the field's tokens; whether any is a weighted term.</summary>
    private bool Tokenise(FieldTerms field, string text)
    {
        tokens.Clear();
        var weighted = false;
        using var stream = analyzer.GetTokenStream(field.Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var number = field.Numbers.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var n) ? n : -1;
            weighted |= number >= 0;
            tokens.Add(new Token(offset.StartOffset, offset.EndOffset, number));
        }
        stream.End();
        return weighted;
    }

    /// <summary>The highest-scoring fragment of the sentence [start, end) holding tokens [first, last), the earlier on a tie.</summary>
    private Best BestFragment(FieldTerms field, int first, int last, int start, int end)
    {
        var best = new Best(0, start, end, first, first, first, last);
        var fragments = 1;
        var fragmentFirst = first;
        var score = 0f;
        Array.Clear(found);
        for (var i = first; i < last; i++)
        {
            var at = tokens[i].End - start;
            if (i > first && at >= SearchSnippets.Length * fragments && end - start - at >= SearchSnippets.Length >> 1)
            {
                fragments++;
                if (fragmentFirst == first || score > best.Score)
                {
                    best = best with { Score = score, First = fragmentFirst, Last = i };
                }
                fragmentFirst = i;
                score = 0;
                Array.Clear(found);
            }
            if (tokens[i].Term is var number and >= 0 && !found[number])
            {
                found[number] = true;
                score += field.Weights[number - field.FirstNumber];
            }
        }
        return fragmentFirst == first || score > best.Score ? best with { Score = score, First = fragmentFirst, Last = last } : best;
    }

    /// <summary>
    /// The fragment as the highlighter writes it: each gap and token encoded on its own, weighted tokens marked; a
    /// later fragment starts with the gap before its first token, and the last one runs to the end of the sentence.
    /// </summary>
    private string Marked(string text, Best fragment)
    {
        var html = new StringBuilder();
        var position = fragment.First == fragment.SentenceFirst ? fragment.SentenceStart : tokens[fragment.First - 1].End;
        for (var i = fragment.First; i < fragment.Last; i++)
        {
            var token = tokens[i];
            if (token.Start > position)
            {
                html.Append(WebUtility.HtmlEncode(text[position..token.Start]));
            }
            var word = WebUtility.HtmlEncode(text[token.Start..token.End]);
            html.Append(token.Term >= 0 ? SearchSnippets.MarkOpen + word + SearchSnippets.MarkClose : word);
            position = Math.Max(position, token.End);
        }
        if (fragment.Last == fragment.SentenceLast && position < fragment.SentenceEnd)
        {
            html.Append(WebUtility.HtmlEncode(text[position..fragment.SentenceEnd]));
        }
        return html.ToString();
    }

    private readonly record struct Token(int Start, int End, int Term);

    /// <summary>A text field's weighted terms, numbered from <see cref="FirstNumber"/> across all fields.</summary>
    private sealed record FieldTerms(string Name, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Numbers, float[] Weights, int FirstNumber);

    /// <summary>A fragment: tokens [First, Last) of the sentence [SentenceStart, SentenceEnd), whose tokens are [SentenceFirst, SentenceLast).</summary>
    private readonly record struct Best(float Score, int SentenceStart, int SentenceEnd, int SentenceFirst, int First, int Last, int SentenceLast);
}
