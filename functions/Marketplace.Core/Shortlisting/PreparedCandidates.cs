using System.Collections.Concurrent;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Candidates in the shape scoring reads them, worked out once per set of candidates rather than per specification:
/// suppliers as small integers, each offering's slug lists as masks (<see cref="SlugBits"/>), its status, price model
/// and lead time in arrays, and the attestations chained by supplier. Kept beside a decoded lot, so every shortlist of
/// the lot scores only its specification. What depends on a lot id, a capability's figures or the evaluation date is
/// worked out on first use and kept too. Immutable once built; safe to score from several threads at once.
/// </summary>
public sealed class PreparedCandidates
{
    private readonly Dictionary<string, int> slots;
    private readonly ulong[] masks;
    private readonly ConcurrentDictionary<string, ulong[]> lots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long[]> figures = new(StringComparer.Ordinal);
    private HeldStandards.Index? standards;

    private PreparedCandidates(IReadOnlyList<CandidateOffering> offerings, IReadOnlyList<Attestation> attestations)
    {
        Offerings = offerings;
        Attestations = attestations;
        var count = offerings.Count;
        slots = new Dictionary<string, int>(StringComparer.Ordinal);
        SupplierOf = new int[count];
        masks = new ulong[count * SlugBits.Fields];
        Retired = new bool[count];
        PriceModel = new sbyte[count];
        LeadTimes = new int[count];
        InIdOrder = true;
        string? previousId = null, lastSupplier = null;
        var slot = -1;
        for (var k = 0; k < count; k++)
        {
            var (offering, supplier) = offerings[k];
            // Candidates usually arrive in id order (tables list by key): then no set of every id is needed to find a repeat.
            if (InIdOrder && (supplier.Id != offering.SupplierId || (previousId is not null && string.CompareOrdinal(previousId, offering.Id) >= 0)))
            {
                InIdOrder = RepeatsChecked(offerings);
            }
            previousId = offering.Id;
            // A supplier's offerings tend to sit together: compare with the last one before hashing.
            if (!string.Equals(offering.SupplierId, lastSupplier, StringComparison.Ordinal))
            {
                lastSupplier = offering.SupplierId;
                slot = SlotFor(lastSupplier);
            }
            SupplierOf[k] = slot;
            Retired[k] = offering.Status == OfferingStatus.Retired;
            PriceModel[k] = (sbyte)(offering.Price.Model is { } priced && SlugBits.PriceModels.TryGetValue(priced, out var model) ? model : -1);
            LeadTimes[k] = offering.LeadTimeDays;
            var at = k * SlugBits.Fields;
            ulong declared = 0;
            var declarations = offering.Capabilities;
            for (var i = 0; i < declarations.Count; i++)
            {
                declared |= SlugBits.Of(SlugField.Capabilities, declarations[i].Capability);
            }
            masks[at + (int)SlugField.Capabilities] = declared;
            masks[at + (int)SlugField.Conditions] = SlugBits.Of(SlugField.Conditions, offering.Conditions);
            masks[at + (int)SlugField.Interoperability] = SlugBits.Of(SlugField.Interoperability, offering.Interoperability);
            masks[at + (int)SlugField.Regions] = SlugBits.Of(SlugField.Regions, offering.Regions);
            masks[at + (int)SlugField.Category] = SlugBits.Of(SlugField.Category, offering.Category);
            masks[at + (int)SlugField.Connectivity] = SlugBits.Of(SlugField.Connectivity, offering.Connectivity);
        }
        // Each supplier's attestations as a chain of input positions (FirstAttestation[slot], then NextAttestation[position]…),
        // in input order. Backwards, so that each chain reads in input order; a run of one supplier is chained without hashing.
        NextAttestation = new int[attestations.Count];
        var heads = new List<int>(Enumerable.Repeat(-1, slots.Count));
        lastSupplier = null;
        for (var i = attestations.Count - 1; i >= 0; i--)
        {
            var supplierId = attestations[i].SupplierId;
            if (!string.Equals(supplierId, lastSupplier, StringComparison.Ordinal))
            {
                lastSupplier = supplierId;
                slot = SlotFor(supplierId);
                if (slot == heads.Count)
                {
                    heads.Add(-1);
                }
            }
            NextAttestation[i] = heads[slot];
            heads[slot] = i;
        }
        FirstAttestation = [.. heads];
        Claims = [.. attestations.Where(a => a.Equivalent is not null)];
    }

    /// <summary>
    /// Prepares <paramref name="offerings"/> (each with its supplier) and the suppliers' <paramref name="attestations"/>,
    /// to be scored as <see cref="ScoringInput.Prepared"/> with exactly these two lists.
    /// </summary>
    /// <exception cref="ArgumentException">Two candidates share an offering id, or a candidate's supplier is not its offering's.</exception>
    public static PreparedCandidates Of(IReadOnlyList<CandidateOffering> offerings, IReadOnlyList<Attestation> attestations)
    {
        ArgumentNullException.ThrowIfNull(offerings);
        ArgumentNullException.ThrowIfNull(attestations);
        return new PreparedCandidates(offerings, attestations);
    }

    /// <summary>The candidates prepared, in the order given.</summary>
    public IReadOnlyList<CandidateOffering> Offerings { get; }

    /// <summary>The attestations prepared, in the order given.</summary>
    public IReadOnlyList<Attestation> Attestations { get; }

    /// <summary>Whether the offerings are in ordinal id order (then exclusions need no sorting).</summary>
    internal bool InIdOrder { get; }

    /// <summary>Each offering's supplier as a slot (see <see cref="Slot"/>).</summary>
    internal int[] SupplierOf { get; }

    internal bool[] Retired { get; }

    /// <summary>Each offering's price model's bit in <see cref="SlugBits.PriceModels"/>, or -1 outside the vocabulary.</summary>
    internal sbyte[] PriceModel { get; }

    internal int[] LeadTimes { get; }

    /// <summary>The first attestation (input position) of each supplier slot, or -1; chained on by <see cref="NextAttestation"/>.</summary>
    internal int[] FirstAttestation { get; }

    internal int[] NextAttestation { get; }

    /// <summary>The attestations that claim an equivalent standard (the only ones a claim lookup reads).</summary>
    internal Attestation[] Claims { get; }

    /// <summary>How many suppliers have a slot (those of the offerings, then those only attesting).</summary>
    internal int SupplierCount => FirstAttestation.Length;

    /// <summary>The supplier's slot, or -1 when it neither supplies an offering nor attests.</summary>
    internal int Slot(string supplierId) => slots.GetValueOrDefault(supplierId, -1);

    /// <summary>Which of <paramref name="field"/>'s vocabulary offering <paramref name="k"/> lists.</summary>
    internal ulong Mask(int k, SlugField field) => masks[k * SlugBits.Fields + (int)field];

    /// <summary>A bit per offering (by position): set when it lists the lot.</summary>
    internal ulong[] Listing(string lotId) => lots.GetOrAdd(lotId, static (id, offerings) =>
    {
        var listed = new ulong[(offerings.Count + 63) / 64];
        for (var k = 0; k < offerings.Count; k++)
        {
            var lots = offerings[k].Offering.Lots;
            for (var i = 0; i < lots.Count; i++)
            {
                if (string.Equals(lots[i], id, StringComparison.Ordinal))
                {
                    listed[k >> 6] |= 1UL << k;
                    break;
                }
            }
        }
        return listed;
    }, Offerings);

    /// <summary>
    /// Each offering's figure for <paramref name="capability"/> from its first declaration of it (the one that counts, as
    /// a capability-within rule reads it); <see cref="long.MaxValue"/> when it declares none or no figure.
    /// </summary>
    internal long[] Figures(string capability) => figures.GetOrAdd(capability, static (slug, offerings) =>
    {
        var values = new long[offerings.Count];
        for (var k = 0; k < offerings.Count; k++)
        {
            values[k] = long.MaxValue;
            var declarations = offerings[k].Offering.Capabilities;
            for (var i = 0; i < declarations.Count; i++)
            {
                if (declarations[i].Capability == slug)
                {
                    values[k] = declarations[i].Value ?? long.MaxValue;
                    break;
                }
            }
        }
        return values;
    }, Offerings);

    /// <summary>
    /// What counts for each supplier on <paramref name="date"/> under <paramref name="routes"/>: kept while scorings ask
    /// for the same date and routes (every shortlist of a day), built supplier by supplier as they are reached.
    /// </summary>
    internal HeldStandards.Index StandardsOn(DateOnly date, IReadOnlyDictionary<string, string> routes)
    {
        if (Volatile.Read(ref standards) is { } kept && kept.IsFor(date, routes))
        {
            return kept;
        }
        var index = new HeldStandards.Index(this, date, routes);
        Volatile.Write(ref standards, index);
        return index;
    }

    private int SlotFor(string supplierId)
    {
        if (!slots.TryGetValue(supplierId, out var slot))
        {
            slots[supplierId] = slot = slots.Count;
        }
        return slot;
    }

    /// <summary>
    /// Throws when two candidates share an id or a candidate's supplier is not its offering's (the first in input
    /// order); else false. Only asked when the ids are out of order: in order, no set of ids is needed to find a repeat.
    /// </summary>
    private static bool RepeatsChecked(IReadOnlyList<CandidateOffering> offerings)
    {
        var ids = new HashSet<string>(offerings.Count, StringComparer.Ordinal);
        foreach (var (offering, supplier) in offerings)
        {
            if (!ids.Add(offering.Id))
            {
                throw new ArgumentException($"Offering '{offering.Id}' is a candidate twice.", "input");
            }
            if (supplier.Id != offering.SupplierId)
            {
                throw new ArgumentException($"Offering '{offering.Id}' is supplied by '{offering.SupplierId}', not '{supplier.Id}'.", "input");
            }
        }
        return false;
    }
}
