namespace Marketplace.Core.Frameworks;

/// <summary>A framework agreement with lots and the suppliers admitted to each (RM784/ESPO style).</summary>
public sealed record Framework
{
    /// <summary>Framework id.</summary>
    public required string Id { get; init; }
    /// <summary>Public reference, e.g. <c>TTC-2026</c>.</summary>
    public required string Reference { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>The contracting authority.</summary>
    public string Authority { get; init; } = "";
    /// <summary><c>coming</c>, <c>open</c>, <c>pending</c>, <c>standstill</c>, <c>live</c> or <c>expired</c>.</summary>
    public required string Status { get; init; }
    /// <summary>Lifecycle dates.</summary>
    public required FrameworkDates Dates { get; init; }
    /// <summary>Lots with their admitted suppliers.</summary>
    public IReadOnlyList<FrameworkLot> Lots { get; init; } = [];
    /// <summary>
    /// What the Procurement Act 2023 s.45 requires a framework to set out for its call-offs; null on a framework recorded
    /// without them, which then allows only a further competition (no objective mechanism to direct-award by).
    /// </summary>
    public FrameworkCallOffTerms? CallOff { get; init; }
}

/// <summary>The call-off terms of a framework (Procurement Act 2023 s.45).</summary>
public sealed record FrameworkCallOffTerms
{
    /// <summary>Whether a call-off may be awarded without competition by <see cref="SelectionMechanism"/> (s.45(3)(a)).</summary>
    public required bool DirectAward { get; init; }
    /// <summary>Whether a call-off may be awarded by a competitive selection process among the lot's suppliers (s.46).</summary>
    public required bool FurtherCompetition { get; init; }
    /// <summary>The objective selection mechanism a direct award follows, in words.</summary>
    public required string SelectionMechanism { get; init; }
    /// <summary>The estimated value of all call-offs under the framework, GBP excluding VAT.</summary>
    public required decimal EstimatedValueGbp { get; init; }
    /// <summary>How call-off prices are set (price mechanism), in words.</summary>
    public required string PriceMechanism { get; init; }
    /// <summary>Commissioner types that may call off (the framework's named users).</summary>
    public required IReadOnlyList<string> EligibleBuyerTypes { get; init; }
}

/// <summary>When bids open and close, when call-offs may start, and when the framework expires.</summary>
public sealed record FrameworkDates(DateOnly Opens, DateOnly Closes, DateOnly Live, DateOnly Expires);

/// <summary>A lot: what it covers and who is admitted to it.</summary>
public sealed record FrameworkLot(string Id, int Number, string Name, string Description, IReadOnlyList<string> Categories, IReadOnlyList<string> Suppliers);
