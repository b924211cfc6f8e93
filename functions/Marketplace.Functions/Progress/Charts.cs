using System.Globalization;
using CsvHelper;

namespace Marketplace.Functions.Progress;

/// <summary>One bar of a chart and one row of its table.</summary>
public sealed record ChartRow(string Label, long Value, string? Note = null);

/// <summary>
/// A chart as every page shows it: a title, a one-paragraph summary that says what the picture says, the bars, and the
/// same figures as a table beside it and as a CSV download.
/// </summary>
public sealed record Chart(string Id, string Title, string Summary, string LabelHeading, string ValueHeading, IReadOnlyList<ChartRow> Rows, string CsvHref)
{
    /// <summary>The chart's figures as RFC 4180 CSV: label, value, note.</summary>
    public string ToCsv() => ChartCsv.Write([LabelHeading, ValueHeading, "note"], Rows.Select(r => new[] { r.Label, Number(r.Value), r.Note ?? "" }));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>CSV as the open data writes it: CRLF line ends, fields quoted when needed, formulas escaped.</summary>
public static class ChartCsv
{
    public static string Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        // Labels can be supplier-typed names: escape a leading =, +, - or @ so a spreadsheet never runs it as a formula.
        var options = new CsvWriterOptions { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    public static IResult File(string csv, string fileName) =>
        TypedResults.File(Shortlisting.ShortlistCsv.Utf8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}
