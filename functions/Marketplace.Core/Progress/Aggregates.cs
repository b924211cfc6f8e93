namespace Marketplace.Core.Progress;

/// <summary>
/// What one source record (an award or an offering) adds to one counter: <paramref name="Value"/> people or 1, and the
/// <paramref name="Member"/> it counts as (the offering, or the supplier for measures that count suppliers once).
/// </summary>
/// <param name="Measure">One of <see cref="Measures"/>.</param>
/// <param name="Key">The slice within the measure, e.g. a region slug, or <c>lot|region</c>.</param>
/// <param name="Member">Who is counted: offering id, supplier id or shortlist id.</param>
/// <param name="Value">People covered (awards) or 1.</param>
public sealed record Contribution(string Measure, string Key, string Member, long Value);

/// <summary>A source's contributions as last recorded (empty when never recorded) and as its record gives them now.</summary>
public sealed record SourceChange(string SourceId, IReadOnlyList<Contribution> Previous, IReadOnlyList<Contribution> Next);

/// <summary>One published figure: a measure's value for one slice.</summary>
public sealed record Counter(string Measure, string Key, long Value);

/// <summary>A published figure that differs from the figure recomputed from the records.</summary>
public sealed record Drift(string Measure, string Key, long Stored, long Expected);

/// <summary>The counters the marketplace keeps, and how a slice's contributions add up to its value.</summary>
public static class Measures
{
    /// <summary>People covered by awarded call-offs, by the specification's region.</summary>
    public const string PeopleByRegion = "people-by-region";
    /// <summary>People covered by awarded call-offs, by condition of the cohort (a cohort of several conditions counts under each).</summary>
    public const string PeopleByCondition = "people-by-condition";
    /// <summary>People covered by awarded call-offs, by framework lot.</summary>
    public const string PeopleByLot = "people-by-lot";
    /// <summary>People covered by awarded call-offs, by month of award (<c>yyyy-MM</c>, UTC).</summary>
    public const string PeopleByMonth = "people-by-month";
    /// <summary>Active offerings in each lot.</summary>
    public const string OfferingsByLot = "offerings-by-lot";
    /// <summary>Active offerings able to deliver, by <c>lot|region</c>.</summary>
    public const string OfferingsByLotRegion = "offerings-by-lot-region";
    /// <summary>Suppliers with at least one active offering able to deliver, by <c>lot|region</c>.</summary>
    public const string SuppliersByLotRegion = "suppliers-by-lot-region";
    /// <summary>Active offerings of a lot holding a standard today, by <c>lot|standard</c>.</summary>
    public const string OfferingsByLotStandard = "offerings-by-lot-standard";
    /// <summary>Active telecare offerings by digital-switchover readiness (<see cref="Switchover"/>).</summary>
    public const string SwitchoverReadiness = "switchover-readiness";
    /// <summary>Suppliers with at least one active offering, by size: <c>sme</c> or <c>large</c>.</summary>
    public const string SuppliersBySize = "suppliers-by-size";

    /// <summary>Every measure, in the order the open data lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PeopleByRegion, PeopleByCondition, PeopleByLot, PeopleByMonth, OfferingsByLot, OfferingsByLotRegion, SuppliersByLotRegion,
        OfferingsByLotStandard, SwitchoverReadiness, SuppliersBySize,
    ];

    private static readonly HashSet<string> CountMembersOnce = [SuppliersByLotRegion, SuppliersBySize];

    /// <summary>A slice's value from its contributions (all of one measure and key), by the same rule as <see cref="Count"/>.</summary>
    public static long ValueOf(IEnumerable<Contribution> slice) => Count(slice).SingleOrDefault()?.Value ?? 0;

    /// <summary>Every counter the contributions add up to, in measure and key order.</summary>
    public static IReadOnlyList<Counter> Count(IEnumerable<Contribution> contributions)
    {
        var tally = new Tally();
        tally.Add(contributions);
        return tally.Counters();
    }

    internal static bool CountsMembersOnce(string measure) => CountMembersOnce.Contains(measure);

    /// <summary>The key of a two-part slice, e.g. <c>ttc-2026-lot-1|london</c>.</summary>
    public static string Pair(string first, string second) => first + "|" + second;

    /// <summary>The two parts of a <see cref="Pair"/> key.</summary>
    public static (string First, string Second) Split(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (key, "") : (key[..bar], key[(bar + 1)..]);
    }
}

/// <summary>Counters added up as contributions arrive: a sum per slice, or the distinct members for supplier counts.</summary>
internal sealed class Tally
{
    private readonly Dictionary<(string Measure, string Key), long> sums = [];
    private readonly Dictionary<(string Measure, string Key), HashSet<string>> members = [];

    public void Add(IEnumerable<Contribution> contributions)
    {
        foreach (var c in contributions)
        {
            if (Measures.CountsMembersOnce(c.Measure))
            {
                (members.TryGetValue((c.Measure, c.Key), out var set) ? set : members[(c.Measure, c.Key)] = new(StringComparer.Ordinal)).Add(c.Member);
            }
            else
            {
                sums[(c.Measure, c.Key)] = sums.GetValueOrDefault((c.Measure, c.Key)) + c.Value;
            }
        }
    }

    /// <summary>Every counter so far, in measure and key order.</summary>
    public IReadOnlyList<Counter> Counters() =>
    [
        .. sums.Select(s => new Counter(s.Key.Measure, s.Key.Key, s.Value))
            .Concat(members.Select(m => new Counter(m.Key.Measure, m.Key.Key, m.Value.Count)))
            .OrderBy(c => c.Measure, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal),
    ];
}
