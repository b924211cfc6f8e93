using System.Net;
using FsCheck;
using FsCheck.Xunit;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class CatalogueSnippetTests
{
    private static SnippetSource Source(string text, params string[] terms) => new(text, [.. Spans(text, terms)]);

    private static IEnumerable<MatchSpan> Spans(string text, string[] terms)
    {
        foreach (var term in terms)
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                yield return new MatchSpan(at, term.Length);
            }
        }
    }

    [Fact]
    public void Matches_are_marked_and_everything_else_is_encoded()
    {
        var snippet = CatalogueSnippet.Build([Source("Fall <b>detector</b> & \"pendant\" — it's £99.", "detector")]);

        Assert.Equal("Fall &lt;b&gt;<mark>detector</mark>&lt;/b&gt; &amp; &quot;pendant&quot; — it&#39;s £99.", snippet);
    }

    [Fact]
    public void The_sentence_with_the_most_distinct_terms_wins_across_sources()
    {
        var summary = Source("A wrist-worn fall alarm. Works anywhere in the home.", "fall", "detector");
        var description = Source("Our fall detector uses an accelerometer. Fall fall fall.", "fall", "detector");

        var snippet = CatalogueSnippet.Build([summary, description]);

        Assert.Equal("Our <mark>fall</mark> <mark>detector</mark> uses an accelerometer.", snippet);
    }

    [Fact]
    public void On_a_tie_the_earlier_source_and_sentence_win()
    {
        var snippet = CatalogueSnippet.Build([Source("Intro. A hub here. Another hub there.", "hub"), Source("A hub too.", "hub")]);

        Assert.Equal("A <mark>hub</mark> here.", snippet);
    }

    [Fact]
    public void A_long_sentence_is_cut_to_two_hundred_characters_around_the_matches_at_word_boundaries()
    {
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => "word" + i));
        var text = words + " pendant alarm " + words + ".";

        var snippet = CatalogueSnippet.Build([Source(text, "pendant", "alarm")]);

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>pendant</mark> <mark>alarm</mark>", snippet);
        var plain = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
        Assert.InRange(plain.Length, 150, 200);
        Assert.Contains(plain, text);
        Assert.Matches(@"^word\d+ ", plain);
        Assert.Matches(@" word\d+$", plain);
    }

    [Fact]
    public void Without_matches_the_opening_sentence_of_the_first_non_empty_source_is_shown_encoded()
    {
        var snippet = CatalogueSnippet.Build([Source(""), Source("Hub <v2>. More text.")]);

        Assert.Equal("Hub &lt;v2&gt;.", snippet);
        Assert.Equal("", CatalogueSnippet.Build([Source(""), Source("  ")]));
    }

    [Fact]
    public void A_highlighted_fragment_from_a_search_service_is_re_encoded_keeping_only_the_marks()
    {
        var snippet = CatalogueSnippet.FromHighlighted("<script>x</script> a <em>fall</em> & <em>R&D<b></em> <em>dangling", "<em>", "</em>");

        Assert.Equal("&lt;script&gt;x&lt;/script&gt; a <mark>fall</mark> &amp; <mark>R&amp;D&lt;b&gt;</mark> &lt;em&gt;dangling", snippet);
    }

    [Property(MaxTest = 500)]
    public bool A_snippet_is_always_HTML_safe_and_a_piece_of_the_source_of_at_most_200_characters(NonNull<string> text, int[] starts, int[] lengths)
    {
        var source = text.Get;
        var spans = starts.Zip(lengths, (s, l) => new MatchSpan(Math.Abs(s % (source.Length + 1)), Math.Abs(l % 12))).ToList();

        var snippet = CatalogueSnippet.Build([new SnippetSource(source, spans)]);

        var unmarked = snippet.Replace(CatalogueSnippet.MarkOpen, "").Replace(CatalogueSnippet.MarkClose, "");
        if (unmarked.IndexOfAny(['<', '>', '"', '\'']) >= 0)
        {
            return false;
        }
        var plain = WebUtility.HtmlDecode(unmarked);
        var cores = new[] { plain, plain.TrimStart('…'), plain.TrimEnd('…'), plain.Trim('…') };
        return cores.Any(core => core.Length <= CatalogueSnippet.MaxLength && source.Contains(core, StringComparison.Ordinal));
    }
}
