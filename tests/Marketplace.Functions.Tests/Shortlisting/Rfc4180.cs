using System.Text;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>A strict RFC 4180 reader for tests: CRLF records, fields quoted with doubled quotes inside; anything else fails.</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else { field.Append(text[i++]); }
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    Assert.NotEqual('"', text[i]);
                    field.Append(text[i++]);
                }
            }
            row.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',') { i++; continue; }
            Assert.True(i + 1 < text.Length + 1 && text.AsSpan(i).StartsWith("\r\n"), $"record not ended by CRLF at {i}");
            i += 2;
            rows.Add(row);
            row = [];
        }
        return rows;
    }
}
