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
}

/// <summary>When bids open and close, when call-offs may start, and when the framework expires.</summary>
public sealed record FrameworkDates(DateOnly Opens, DateOnly Closes, DateOnly Live, DateOnly Expires);

/// <summary>A lot: what it covers and who is admitted to it.</summary>
public sealed record FrameworkLot(string Id, int Number, string Name, string Description, IReadOnlyList<string> Categories, IReadOnlyList<string> Suppliers);
