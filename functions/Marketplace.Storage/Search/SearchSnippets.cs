using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Search.Highlight;
using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Search;

/// <summary>
/// What both indexes share about the HTML-safe snippet under each hit: the marks around matched terms, the
/// encoding of everything else (supplier-written text must never inject markup), sentences as the unit of a
/// snippet, and the opening sentence shown when nothing matched.
/// </summary>
internal static partial class SearchSnippets
{
    /// <summary>About the most characters of source text in a snippet (markup and ellipses not counted).</summary>
    public const int Length = 200;
    public const string MarkOpen = "<mark>";
    public const string MarkClose = "</mark>";
    private const string Ellipsis = "…";

    /// <summary>
    /// WebUtility's encoding rather than Lucene's SimpleHTMLEncoder: that one turns ' into &amp;#x27; and / into
    /// &amp;#x2F;, and writes each half of a surrogate pair as its own reference, which browsers show as �.
    /// </summary>
    public static readonly IEncoder Html = new WebEncoder();

    /// <summary>Sentences end after . ! or ? followed by white space, or at a line break; trimmed, never empty.</summary>
    public static IEnumerable<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : SentenceRanges(text).Select(range => text[range.Start..range.End]);

    /// <summary>Where each of <see cref="Sentences"/> stands in <paramref name="text"/>: [Start, End).</summary>
    public static List<(int Start, int End)> SentenceRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var from = 0;
        foreach (var separator in SentenceBreak().EnumerateMatches(text))
        {
            AddTrimmed(from, separator.Index);
            from = separator.Index + separator.Length;
        }
        AddTrimmed(from, text.Length);
        return ranges;

        void AddTrimmed(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
            if (end > start)
            {
                ranges.Add((start, end));
            }
        }
    }

    /// <summary>The opening sentence of the first non-empty text an offering's snippet may come from, encoded.</summary>
    public static string Opening(OfferingSearchDocument document)
    {
        var sentence = CatalogueFields.Highlighted.SelectMany(field => Sentences(TextOf(document, field))).FirstOrDefault() ?? "";
        if (sentence.Length > Length)
        {
            // Cut at the last space that keeps it within the length, so no word is split.
            var space = sentence.LastIndexOf(' ', Length);
            sentence = sentence[..(space > 0 ? space : Length)].TrimEnd() + Ellipsis;
        }
        return Html.EncodeText(sentence);
    }

    /// <summary>A highlighted piece of a longer sentence, with an ellipsis on each side where the sentence goes on.</summary>
    public static string Excerpt(string sentence, string marked)
    {
        marked = marked.Trim();
        if (sentence.Length <= Length)
        {
            return marked;
        }
        var plain = WebUtility.HtmlDecode(marked.Replace(MarkOpen, "", StringComparison.Ordinal).Replace(MarkClose, "", StringComparison.Ordinal));
        return (sentence.StartsWith(plain, StringComparison.Ordinal) ? "" : Ellipsis) + marked + (sentence.EndsWith(plain, StringComparison.Ordinal) ? "" : Ellipsis);
    }

    /// <summary>
    /// A search service's highlighted fragment made HTML-safe: the service puts its tags into the raw field text, so
    /// text between a pair of them is marked and everything else, including anything that merely looks like a tag, is encoded.
    /// </summary>
    public static string FromHighlighted(string fragment)
    {
        var html = new StringBuilder();
        var rest = fragment;
        while (rest.IndexOf(MarkOpen, StringComparison.Ordinal) is var open and >= 0
            && rest.IndexOf(MarkClose, open + MarkOpen.Length, StringComparison.Ordinal) is var close and >= 0)
        {
            html.Append(Html.EncodeText(rest[..open]))
                .Append(MarkOpen).Append(Html.EncodeText(rest[(open + MarkOpen.Length)..close])).Append(MarkClose);
            rest = rest[(close + MarkClose.Length)..];
        }
        return html.Append(Html.EncodeText(rest)).ToString().Trim();
    }

    public static string TextOf(OfferingSearchDocument document, string field) =>
        field == CatalogueFields.Summary ? document.Summary : document.Description;

    [GeneratedRegex(@"(?<=[.!?])\s+|[\r\n]+")]
    private static partial Regex SentenceBreak();

    private sealed class WebEncoder : IEncoder
    {
        public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
    }
}
