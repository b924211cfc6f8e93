using System.Collections.Frozen;

namespace Marketplace.Core.Shortlisting;

/// <summary>An offering's list of slugs that scoring reads as a mask (<see cref="SlugBits"/>).</summary>
internal enum SlugField
{
    /// <summary>Capability declarations (social-value commitments are declared as capabilities too).</summary>
    Capabilities,
    Conditions,
    Interoperability,
    Regions,
    Category,
    Connectivity,
}

/// <summary>
/// A bit for every slug of each controlled vocabulary (<see cref="Vocabulary"/>), so an offering's lists become masks
/// once per prepared candidate set and every slug criterion is one mask test. Exact because templates and
/// specifications are validated against the same vocabularies (<see cref="RuleParameters"/>): a slug an offering lists
/// outside them can never be asked for, so it needs no bit.
/// </summary>
internal static class SlugBits
{
    public const int Fields = (int)SlugField.Connectivity + 1;

    private static readonly FrozenDictionary<string, int>[] Bits =
    [
        Numbered(Vocabulary.Capabilities.Keys),
        Numbered(Vocabulary.Conditions.Keys),
        Numbered(Vocabulary.Interoperability.Keys),
        Numbered(Vocabulary.Regions.Keys),
        Numbered(Vocabulary.Categories.Keys),
        Numbered(Vocabulary.Connectivity.Keys),
    ];

    /// <summary>A bit per standard code, set in <see cref="HeldStandards.OfferingStandards.AttestedBits"/> by a verified attestation.</summary>
    public static readonly FrozenDictionary<string, int> Standards = Numbered(Vocabulary.StandardCodes);

    /// <summary>A bit per price model, for a price criterion that compares only some.</summary>
    public static readonly FrozenDictionary<string, int> PriceModels = Numbered(Vocabulary.PriceModels.Keys);

    /// <summary>How many bits each vocabulary needs (each must be at most 64).</summary>
    public static IEnumerable<int> Sizes => [.. Bits.Select(b => b.Count), Standards.Count, PriceModels.Count];

    /// <summary>The bit of <paramref name="slug"/> in <paramref name="field"/>, or -1 outside the vocabulary.</summary>
    public static int Bit(SlugField field, string? slug) => slug is not null && Bits[(int)field].TryGetValue(slug, out var bit) ? bit : -1;

    /// <summary>Which of the vocabulary's slugs <paramref name="values"/> lists.</summary>
    public static ulong Of(SlugField field, IReadOnlyList<string> values)
    {
        ulong mask = 0;
        for (var i = 0; i < values.Count; i++)
        {
            mask |= Of(field, values[i]);
        }
        return mask;
    }

    /// <summary>The bit of <paramref name="value"/> as a mask; 0 outside the vocabulary.</summary>
    public static ulong Of(SlugField field, string? value) => Bit(field, value) is >= 0 and var bit ? 1UL << bit : 0;

    /// <summary>The mask of slugs a rule asks for, each of the vocabulary and listed once (as validation ensures).</summary>
    /// <exception cref="InvalidOperationException">A slug is outside the vocabulary or listed twice: the rule was not validated.</exception>
    public static ulong Asked(SlugField field, IReadOnlyList<string> asked) => Asked(Bits[(int)field], asked);

    /// <summary>The mask of slugs asked of a vocabulary numbered here (e.g. <see cref="PriceModels"/>): see <see cref="Asked(SlugField, IReadOnlyList{string})"/>.</summary>
    public static ulong Asked(FrozenDictionary<string, int> vocabulary, IReadOnlyList<string> asked)
    {
        ulong mask = 0;
        for (var i = 0; i < asked.Count; i++)
        {
            if (!vocabulary.TryGetValue(asked[i], out var bit) || (mask & (1UL << bit)) != 0)
            {
                throw new InvalidOperationException($"'{asked[i]}' is not a slug of its vocabulary asked once: rules are validated before scoring.");
            }
            mask |= 1UL << bit;
        }
        return mask;
    }

    private static FrozenDictionary<string, int> Numbered(IEnumerable<string> slugs)
    {
        var ordered = slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return ordered.Count <= 64
            ? ordered.Select((slug, bit) => KeyValuePair.Create(slug, bit)).ToFrozenDictionary(StringComparer.Ordinal)
            : throw new InvalidOperationException($"A vocabulary of {ordered.Count} slugs does not fit a 64-bit mask.");
    }
}
