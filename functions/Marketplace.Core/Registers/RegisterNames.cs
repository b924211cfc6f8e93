using System.Text;

namespace Marketplace.Core.Registers;

/// <summary>
/// Whether a register row names the same organisation or product as the marketplace does. Registers and suppliers
/// write names differently ("Downs Careline Systems Limited", "DOWNS CARELINE SYSTEMS LTD."), so names are compared
/// after normalising: case, punctuation and spacing ignored, "&amp;" read as "and", and a trailing company suffix
/// ("Ltd", "Limited") dropped.
/// </summary>
public static class RegisterNames
{
    private static readonly string[] Suffixes = ["ltd", "limited"];

    /// <summary>The name as compared: lower-case words of letters and digits, single-spaced, suffix dropped.</summary>
    public static string Normalise(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal))
        {
            // Apostrophes join ("St John's" → "st johns"); other punctuation separates words.
            if (c is '\'' or '’')
            {
                continue;
            }
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && Suffixes.Contains(words[^1], StringComparer.Ordinal))
        {
            words.RemoveAt(words.Count - 1);
        }
        return string.Join(' ', words);
    }

    /// <summary>Whether the two names are the same once normalised (an empty name matches nothing).</summary>
    public static bool Match(string? registerName, string? marketplaceName)
    {
        var a = Normalise(registerName);
        return a.Length > 0 && a == Normalise(marketplaceName);
    }
}
