using System.Text.Json;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Functions.Specifications;

/// <summary>The body of <c>POST /api/specifications</c> and <c>PUT /api/specifications/{id}</c> (<c>schemas/specification.schema.json</c>).</summary>
public sealed record SpecificationRequest
{
    public required string Title { get; init; }
    public required string TemplateId { get; init; }
    public required int TemplateVersion { get; init; }
    public required string LotId { get; init; }
    public required string Region { get; init; }
    public required int Volume { get; init; }
    public required int ContractMonths { get; init; }
    public decimal? BudgetGbp { get; init; }
    public Dictionary<string, int> Weights { get; init; } = [];
    public Dictionary<string, JsonElement> Values { get; init; } = [];

    /// <summary>The stored document: this request, owned by <paramref name="commissionerId"/>.</summary>
    public SpecificationDocument ToDocument(string id, string commissionerId, DateTimeOffset createdAt, string createdBy, DateTimeOffset now, string userId) => new()
    {
        Id = id,
        CommissionerId = commissionerId,
        Title = Title.Trim(),
        TemplateId = TemplateId,
        TemplateVersion = TemplateVersion,
        LotId = LotId,
        Region = Region,
        Volume = Volume,
        ContractMonths = ContractMonths,
        BudgetGbp = BudgetGbp,
        Weights = Weights,
        Values = Values,
        CreatedAt = createdAt,
        CreatedBy = createdBy,
        UpdatedAt = now,
        UpdatedBy = userId,
    };
}
