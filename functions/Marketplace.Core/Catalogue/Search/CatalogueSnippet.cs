using System.Text;

namespace Marketplace.Core.Catalogue.Search;

/// <summary>Where a matched term sits in a text: <paramref name="Start"/> and <paramref name="Length"/> in UTF-16 code units.</summary>
public readonly record struct MatchSpan(int Start, int Length)
{
    /// <summary>One past the last matched character.</summary>
    public int End => Start + Length;
}

/// <summary>A text a snippet may come from (summary, description), with the spans of the query's terms in it.</summary>
public sealed record SnippetSource(string Text, IReadOnlyList<MatchSpan> Matches);

/// <summary>
/// Builds the HTML-safe snippet shown under each hit: the best sentence of the offering's text, at most
/// <see cref="MaxLength"/> characters of it, with matched terms wrapped in <c>&lt;mark&gt;</c>. Every other
/// character is HTML-encoded, so supplier-written text can never inject markup.
/// </summary>
public static class CatalogueSnippet
{
    /// <summary>Most characters of source text in a snippet (markup and ellipses not counted).</summary>
    public const int MaxLength = 200;
    /// <summary>Opens a matched term.</summary>
    public const string MarkOpen = "<mark>";
    /// <summary>Closes a matched term.</summary>
    public const string MarkClose = "</mark>";
    private const string Ellipsis = "…";
    // Characters of context kept before the first match when a long sentence has to be cut.
    private const int Lead = 30;

    /// <summary>
    /// The sentence (or fragment of one) with the most distinct matched terms, then the most matches; ties go to the
    /// earlier source, then the earlier sentence. With no match anywhere, the opening of the first non-empty source.
    /// </summary>
    public static string Build(IReadOnlyList<SnippetSource> sources)
    {
        (string Text, int Start, int End, List<MatchSpan> Matches, int Distinct, int Count)? best = null;
        foreach (var source in sources)
        {
            var text = source.Text ?? "";
            var matches = Tidy(source.Matches, text.Length);
            foreach (var (start, end) in Sentences(text))
            {
                var inside = matches.Where(m => m.Start >= start && m.End <= end).ToList();
                if (inside.Count == 0)
                {
                    continue;
                }
                var distinct = inside.Select(m => text.Substring(m.Start, m.Length).ToLowerInvariant()).Distinct().Count();
                if (best is null || distinct > best.Value.Distinct || (distinct == best.Value.Distinct && inside.Count > best.Value.Count))
                {
                    best = (text, start, end, inside, distinct, inside.Count);
                }
            }
        }
        if (best is { } found)
        {
            return Render(found.Text, found.Start, found.End, found.Matches);
        }
        var first = sources.Select(s => s.Text ?? "").FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        if (first is null)
        {
            return "";
        }
        var (openingStart, openingEnd) = Sentences(first).First();
        return Render(first, openingStart, openingEnd, []);
    }

    /// <summary>
    /// Makes a search service's highlighted fragment HTML-safe: text between <paramref name="preTag"/> and
    /// <paramref name="postTag"/> is marked, everything (including anything that merely looks like markup) is encoded.
    /// </summary>
    public static string FromHighlighted(string fragment, string preTag, string postTag)
    {
        var html = new StringBuilder();
        var position = 0;
        while (position < fragment.Length)
        {
            var open = fragment.IndexOf(preTag, position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : fragment.IndexOf(postTag, open + preTag.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                Encode(html, fragment.AsSpan(position));
                break;
            }
            Encode(html, fragment.AsSpan(position, open - position));
            html.Append(MarkOpen);
            Encode(html, fragment.AsSpan(open + preTag.Length, close - open - preTag.Length));
            html.Append(MarkClose);
            position = close + postTag.Length;
        }
        return html.ToString().Trim();
    }

    /// <summary>Encodes the five characters that matter in HTML text and attributes.</summary>
    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length);
        Encode(html, text);
        return html.ToString();
    }

    private static void Encode(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
    }

    // Sorted, inside the text, non-empty and non-overlapping.
    private static List<MatchSpan> Tidy(IReadOnlyList<MatchSpan> matches, int length)
    {
        var tidy = new List<MatchSpan>();
        foreach (var match in matches.Where(m => m.Length > 0 && m.Start >= 0 && m.End <= length).OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (tidy.Count == 0 || match.Start >= tidy[^1].End)
            {
                tidy.Add(match);
            }
        }
        return tidy;
    }

    // Sentences end after . ! or ? followed by white space, or at a line break; returned trimmed, never empty
    // unless the whole text is blank.
    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ends = text[i] is '\n' or '\r' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (ends || i + 1 == text.Length)
            {
                var (s, e) = TrimmedRange(text, start, i + 1);
                if (e > s)
                {
                    any = true;
                    yield return (s, e);
                }
                start = i + 1;
            }
        }
        if (!any)
        {
            yield return (0, 0);
        }
    }

    private static (int Start, int End) TrimmedRange(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    private static string Render(string text, int sentenceStart, int sentenceEnd, List<MatchSpan> matches)
    {
        var (start, end) = Window(text, sentenceStart, sentenceEnd, matches);
        var html = new StringBuilder();
        if (start > sentenceStart)
        {
            html.Append(Ellipsis);
        }
        var position = start;
        foreach (var match in matches.Where(m => m.Start >= start && m.End <= end))
        {
            Encode(html, text.AsSpan(position, match.Start - position));
            html.Append(MarkOpen);
            Encode(html, text.AsSpan(match.Start, match.Length));
            html.Append(MarkClose);
            position = match.End;
        }
        Encode(html, text.AsSpan(position, end - position));
        if (end < sentenceEnd)
        {
            html.Append(Ellipsis);
        }
        return html.ToString();
    }

    // A sentence longer than MaxLength is cut to the window holding the most matches (a little context before the
    // first), snapped to word boundaries without cutting a match.
    private static (int Start, int End) Window(string text, int sentenceStart, int sentenceEnd, List<MatchSpan> matches)
    {
        if (sentenceEnd - sentenceStart <= MaxLength)
        {
            return (sentenceStart, sentenceEnd);
        }
        var start = sentenceStart;
        var mostMatches = -1;
        foreach (var anchor in matches.Select(m => m.Start - Lead).Prepend(sentenceStart))
        {
            var candidate = Math.Max(sentenceStart, Math.Min(anchor, sentenceEnd - MaxLength));
            var count = matches.Count(m => m.Start >= candidate && m.End <= candidate + MaxLength);
            if (count > mostMatches)
            {
                (start, mostMatches) = (candidate, count);
            }
        }
        var end = start + MaxLength;
        var kept = matches.Where(m => m.Start >= start && m.End <= end).ToList();
        if (start > sentenceStart && !char.IsWhiteSpace(text[start - 1]))
        {
            var limit = kept.Count > 0 ? kept[0].Start : end;
            var space = text.IndexOfAny([' ', '\t'], start, limit - start);
            if (space >= 0)
            {
                start = space + 1;
            }
        }
        if (end < sentenceEnd && !char.IsWhiteSpace(text[end]))
        {
            var limit = kept.Count > 0 ? kept[^1].End : start;
            var space = text.LastIndexOfAny([' ', '\t'], end - 1, end - limit);
            if (space >= limit)
            {
                end = space;
            }
        }
        return TrimmedRange(text, start, end);
    }
}
