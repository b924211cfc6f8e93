using System.Globalization;
using System.Text;
using CsvHelper;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Functions.Shortlisting;

/// <summary>
/// A shortlist as RFC 4180 CSV (CRLF line ends, fields quoted when needed): one row per ranked offering with its total
/// and one column of points per criterion (headed by the criterion's text and weight), then one row per excluded
/// offering with every reason.
/// </summary>
public static class ShortlistCsv
{
    public static string Write(ShortlistDocument shortlist)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        var template = shortlist.Snapshot.Template;
        var criteria = template.Requirements.Where(r => r.Kind == RequirementKind.Criterion).Select(r => r.Id).ToList();
        var weights = shortlist.Result.Entries.FirstOrDefault()?.Criteria.ToDictionary(c => c.RequirementId, c => c.Weight);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        // Offering and supplier names are typed by suppliers: escape a leading =, +, - or @ so a spreadsheet never runs it as a formula.
        var options = new CsvWriterOptions { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            foreach (var header in new[] { "status", "rank", "offering_id", "offering", "supplier_id", "supplier", "total", "whole_life_cost_gbp", "within_budget" })
            {
                csv.WriteField(header);
            }
            foreach (var criterion in criteria)
            {
                var heading = template.TextOf(criterion);
                csv.WriteField(weights is not null && weights.TryGetValue(criterion, out var w) ? $"{heading} (weight {w.ToString(CultureInfo.InvariantCulture)})" : heading);
            }
            csv.WriteField("reasons");
            csv.EndRecord();

            foreach (var entry in shortlist.Result.Entries)
            {
                csv.WriteField("listed");
                csv.WriteField(entry.Rank.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(entry.OfferingId);
                csv.WriteField(entry.OfferingName);
                csv.WriteField(entry.SupplierId);
                csv.WriteField(entry.SupplierName);
                csv.WriteField(entry.Total.ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(entry.WholeLifeCostGbp?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(entry.WithinBudget switch { true => "yes", false => "no", null => "" });
                var points = entry.Criteria.ToDictionary(c => c.RequirementId, c => c.Points);
                foreach (var criterion in criteria)
                {
                    csv.WriteField(points.TryGetValue(criterion, out var p) ? p.ToString("0.00", CultureInfo.InvariantCulture) : "");
                }
                csv.WriteField("");
                csv.EndRecord();
            }
            foreach (var exclusion in shortlist.Result.Exclusions)
            {
                csv.WriteField("excluded");
                csv.WriteField("");
                csv.WriteField(exclusion.OfferingId);
                csv.WriteField(exclusion.OfferingName);
                csv.WriteField(exclusion.SupplierId);
                csv.WriteField(exclusion.SupplierName);
                for (var i = 0; i < 3 + criteria.Count; i++)
                {
                    csv.WriteField("");
                }
                csv.WriteField(string.Join("; ", exclusion.Reasons.Select(r => r.Explanation)));
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    /// <summary>The file name a download is saved as.</summary>
    public static string FileNameOf(ShortlistDocument shortlist, string extension) => $"shortlist-{shortlist.Id}.{extension}";

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false);
}
