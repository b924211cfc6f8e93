using System.Text.Json;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// A commissioner's stored specification: the <see cref="Specification"/> fields plus who owns it and when it changed.
/// Only the owning commissioner organisation reads or changes it.
/// </summary>
public sealed record SpecificationDocument
{
    /// <summary>Specification id, e.g. <c>spec-3f2a…</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The commissioner organisation that owns it.</summary>
    public required string CommissionerId { get; init; }
    /// <summary>What the commissioner calls it, e.g. "COPD and heart failure remote monitoring, 2027–2030".</summary>
    public required string Title { get; init; }
    /// <summary>Id of the template filled in.</summary>
    public required string TemplateId { get; init; }
    /// <summary>Version of the template filled in.</summary>
    public required int TemplateVersion { get; init; }
    /// <summary>Framework lot id the call-off is under.</summary>
    public required string LotId { get; init; }
    /// <summary>Region slug of the commissioner's population.</summary>
    public required string Region { get; init; }
    /// <summary>Units, patients or connections.</summary>
    public required int Volume { get; init; }
    /// <summary>Contract length in months.</summary>
    public required int ContractMonths { get; init; }
    /// <summary>Optional whole-contract budget in GBP excluding VAT.</summary>
    public decimal? BudgetGbp { get; init; }
    /// <summary>Weights by criterion id.</summary>
    public IReadOnlyDictionary<string, int> Weights { get; init; } = new Dictionary<string, int>();
    /// <summary>Values by requirement id.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; init; } = new Dictionary<string, JsonElement>();
    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>User id of its author.</summary>
    public string CreatedBy { get; init; } = "";
    /// <summary>When it last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>User id of who last changed it.</summary>
    public string UpdatedBy { get; init; } = "";

    /// <summary>The part the scorer reads.</summary>
    public Specification ToSpecification() => new()
    {
        TemplateId = TemplateId,
        TemplateVersion = TemplateVersion,
        LotId = LotId,
        Region = Region,
        Volume = Volume,
        ContractMonths = ContractMonths,
        BudgetGbp = BudgetGbp,
        Weights = Weights,
        Values = Values,
    };
}
