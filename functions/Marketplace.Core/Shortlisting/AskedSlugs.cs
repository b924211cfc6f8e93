using System.Collections.Frozen;
using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The slugs one scoring's criteria and gates ask about, a bit each per field, resolved once per scoring: an offering's
/// lists are then read once each (on the first criterion that needs them) and every slug criterion is a mask test,
/// instead of a scan of the offering's strings per criterion (nine capability criteria read the declarations nine times).
/// Holds the offering being scored (<see cref="Begin"/>), so one instance serves one scoring on one thread.
/// </summary>
internal sealed class AskedSlugs
{
    /// <summary>What an offering's mask is read from.</summary>
    public enum Field
    {
        /// <summary>Capability declarations (social-value commitments are declared as capabilities too).</summary>
        Capabilities,
        Conditions,
        Interoperability,
        Regions,
        Category,
        Connectivity,
        /// <summary>Bit per capability-within criterion: its capability is declared, first, with a figure at most the one asked.</summary>
        Within,
    }

    private const int Fields = (int)Field.Within + 1;
    private readonly Dictionary<string, int>[] asking = [.. Enumerable.Range(0, Fields).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly List<(int Capability, int AtMost)> within = [];
    private FrozenDictionary<string, int>[]? bits;
    private readonly ulong[] masks = new ulong[Fields];
    private int read;
    private Offering? offering;

    /// <summary>The mask of <paramref name="slugs"/> in <paramref name="field"/>, or null when the field would need more than 64 bits.</summary>
    public ulong? Ask(Field field, IEnumerable<string?> slugs)
    {
        ulong mask = 0;
        foreach (var slug in slugs)
        {
            if (slug is null || Bit(field, slug) is not { } bit)
            {
                return null;
            }
            mask |= 1UL << bit;
        }
        return mask;
    }

    /// <summary>The mask of a capability-within criterion (its capability declared within <paramref name="atMost"/>), or null past 64.</summary>
    public ulong? AskWithin(string capability, int atMost)
    {
        if (within.Count == 64 || Bit(Field.Capabilities, capability) is not { } bit)
        {
            return null;
        }
        within.Add((bit, atMost));
        return 1UL << (within.Count - 1);
    }

    private int? Bit(Field field, string slug)
    {
        if (bits is not null)
        {
            throw new InvalidOperationException("Slugs are asked for before the first offering is read.");
        }
        var asked = asking[(int)field];
        if (!asked.TryGetValue(slug, out var bit))
        {
            if (asked.Count == 64)
            {
                return null;
            }
            asked[slug] = bit = asked.Count;
        }
        return bit;
    }

    /// <summary>Starts on another offering: its masks are read when first asked for.</summary>
    public void Begin(Offering next)
    {
        bits ??= [.. asking.Select(a => a.ToFrozenDictionary(StringComparer.Ordinal))];
        offering = next;
        read = 0;
    }

    /// <summary>Which of the field's asked slugs the offering has (for <see cref="Field.Within"/>, which criteria it meets).</summary>
    public ulong Mask(Field field)
    {
        var f = field == Field.Within ? (int)Field.Capabilities : (int)field;
        if ((read & (1 << f)) == 0)
        {
            Read((Field)f);
            read |= 1 << f;
        }
        return masks[(int)field];
    }

    private void Read(Field field)
    {
        var o = offering!;
        var map = bits![(int)field];
        switch (field)
        {
            case Field.Capabilities:
                ulong declared = 0, met = 0;
                var declarations = o.Capabilities;
                for (var i = 0; i < declarations.Count; i++)
                {
                    var declaration = declarations[i];
                    // The first declaration of a capability is the one that counts (as Scorer.DeclarationOf reads it).
                    if (declaration.Capability is { } slug && map.TryGetValue(slug, out var bit) && (declared & (1UL << bit)) == 0)
                    {
                        declared |= 1UL << bit;
                        for (var w = 0; w < within.Count; w++)
                        {
                            if (within[w].Capability == bit && declaration.Value <= within[w].AtMost)
                            {
                                met |= 1UL << w;
                            }
                        }
                    }
                }
                masks[(int)Field.Capabilities] = declared;
                masks[(int)Field.Within] = met;
                break;
            case Field.Conditions:
                masks[(int)field] = Of(map, o.Conditions);
                break;
            case Field.Interoperability:
                masks[(int)field] = Of(map, o.Interoperability);
                break;
            case Field.Regions:
                masks[(int)field] = Of(map, o.Regions);
                break;
            case Field.Category:
                masks[(int)field] = Of(map, o.Category);
                break;
            case Field.Connectivity:
                masks[(int)field] = Of(map, o.Connectivity);
                break;
        }
    }

    private static ulong Of(FrozenDictionary<string, int> map, IReadOnlyList<string> values)
    {
        ulong mask = 0;
        if (map.Count == 0)
        {
            return mask;
        }
        for (var i = 0; i < values.Count; i++)
        {
            mask |= Of(map, values[i]);
        }
        return mask;
    }

    private static ulong Of(FrozenDictionary<string, int> map, string? value) =>
        value is not null && map.TryGetValue(value, out var bit) ? 1UL << bit : 0;
}
