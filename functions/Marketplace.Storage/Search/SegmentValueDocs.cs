using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Storage.Search;

/// <summary>
/// For one index segment, the documents holding each value of a keyword field, as one bitset per value, so that a
/// facet count is the cardinality of an intersection and a filter clause a union of bitsets, instead of a walk over
/// every match. Kept per segment core, as Lucene's <c>CachingWrapperFilter</c> keeps its sets: a reopened searcher
/// shares the segments a write left alone, so only new or merged segments are read again. Deleted documents stay in
/// the sets; every set they are intersected with comes from a search, which leaves deleted documents out.
/// </summary>
internal sealed class SegmentValueDocs
{
    private static readonly ConditionalWeakTable<object, SegmentValueDocs> BySegmentCore = [];

    private readonly AtomicReader reader;
    private readonly ConcurrentDictionary<string, Lazy<FieldValueDocs>> fields = new(StringComparer.Ordinal);

    private SegmentValueDocs(AtomicReader reader) => this.reader = reader;

    public static SegmentValueDocs Of(AtomicReader reader) => BySegmentCore.GetValue(reader.CoreCacheKey, _ => new SegmentValueDocs(reader));

    /// <summary>Every value of <paramref name="field"/> in this segment with the documents holding it, read once.</summary>
    public FieldValueDocs ValuesOf(string field) =>
        fields.GetOrAdd(field, f => new Lazy<FieldValueDocs>(() => Read(reader, f))).Value;

    /// <summary>The documents holding <paramref name="value"/> (a new set), read from the postings; for fields not worth keeping whole.</summary>
    public static FixedBitSet DocsWith(AtomicReader reader, string field, string value)
    {
        var docs = new FixedBitSet(reader.MaxDoc);
        if (reader.GetTermDocsEnum(new Term(field, value)) is { } postings)
        {
            docs.Or(postings);
        }
        return docs;
    }

    /// <summary>The documents of this segment a filter accepts (deleted ones included), as a new set.</summary>
    public static FixedBitSet DocsOf(AtomicReaderContext context, Filter filter)
    {
        var docs = new FixedBitSet(context.AtomicReader.MaxDoc);
        if (filter.GetDocIdSet(context, acceptDocs: null)?.GetIterator() is { } iterator)
        {
            docs.Or(iterator);
        }
        return docs;
    }

    /// <summary>The segment's live documents: every document, less the deleted ones.</summary>
    public static FixedBitSet Live(AtomicReader reader)
    {
        var docs = new FixedBitSet(reader.MaxDoc);
        docs.Set(0, reader.MaxDoc);
        if (reader.LiveDocs is { } live)
        {
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (!live.Get(doc))
                {
                    docs.Clear(doc);
                }
            }
        }
        return docs;
    }

    private static FieldValueDocs Read(AtomicReader reader, string field)
    {
        var values = new List<ValueDocs>();
        if (reader.GetTerms(field) is not { } terms)
        {
            return new FieldValueDocs(values);
        }
        var term = terms.GetEnumerator();
        DocsEnum? postings = null;
        while (term.MoveNext())
        {
            var docs = new FixedBitSet(reader.MaxDoc);
            postings = term.Docs(liveDocs: null, postings, DocsFlags.NONE);
            docs.Or(postings);
            values.Add(new ValueDocs(term.Term.Utf8ToString(), docs));
        }
        return new FieldValueDocs(values);
    }
}

/// <summary>One value of a field and the documents of a segment holding it.</summary>
internal sealed record ValueDocs(string Value, FixedBitSet Docs);

/// <summary>Every value of one field in a segment, with the documents holding each.</summary>
internal sealed class FieldValueDocs(IReadOnlyList<ValueDocs> values)
{
    private readonly Dictionary<string, FixedBitSet> byValue = values.ToDictionary(v => v.Value, v => v.Docs, StringComparer.Ordinal);

    public IReadOnlyList<ValueDocs> Values => values;

    /// <summary>The documents holding <paramref name="value"/>, or null when no document of the segment does.</summary>
    public FixedBitSet? DocsWith(string value) => byValue.GetValueOrDefault(value);
}
