namespace Marketplace.Core.Organisations;

/// <summary>A supplier, trade association or commissioner, as <c>schemas/organisation.schema.json</c> describes it.</summary>
public sealed record Organisation
{
    /// <summary>Organisation id (kebab-case slug).</summary>
    public required string Id { get; init; }
    /// <summary><c>supplier</c>, <c>association</c> or <c>commissioner</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>One-paragraph description.</summary>
    public string Summary { get; init; } = "";
    /// <summary>Web site.</summary>
    public string? Website { get; init; }
    /// <summary>Contact address.</summary>
    public string? ContactEmail { get; init; }
    /// <summary>Region slug of the head office.</summary>
    public string? Region { get; init; }
    /// <summary>Companies House number (suppliers).</summary>
    public string? CompanyNumber { get; init; }
    /// <summary>Association ids the supplier belongs to.</summary>
    public IReadOnlyList<string> Memberships { get; init; } = [];
    /// <summary>Standard codes the association validates.</summary>
    public IReadOnlyList<string> Validates { get; init; } = [];
    /// <summary>Commissioner type (commissioners).</summary>
    public string? CommissionerType { get; init; }
}

/// <summary>Organisation kinds.</summary>
public static class OrganisationKind
{
    /// <summary>Lists offerings and attests to standards.</summary>
    public const string Supplier = "supplier";
    /// <summary>Validates its members' attestations.</summary>
    public const string Association = "association";
    /// <summary>Buys: an ICB, council or health board.</summary>
    public const string Commissioner = "commissioner";
}
