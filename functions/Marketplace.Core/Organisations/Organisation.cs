namespace Marketplace.Core.Organisations;

/// <summary>A supplier, trade association, commissioner or certification body, as <c>schemas/organisation.schema.json</c> describes it.</summary>
public sealed record Organisation
{
    /// <summary>Organisation id (kebab-case slug).</summary>
    public required string Id { get; init; }
    /// <summary><c>supplier</c>, <c>association</c>, <c>commissioner</c> or <c>certifier</c>.</summary>
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
    /// <summary>
    /// Commitments the supplier has made (today only 3millionlives), each vouched for by an association it belongs to.
    /// Shown to buyers, never a condition of taking part: nothing that decides eligibility or score reads them.
    /// </summary>
    public IReadOnlyList<OrganisationCommitment> Commitments { get; init; } = [];
    /// <summary>Codes of the certifier-route standards a certification body is accredited to certify (certifiers).</summary>
    public IReadOnlyList<string> AccreditedFor { get; init; } = [];
    /// <summary>Commissioner type (commissioners).</summary>
    public string? CommissionerType { get; init; }
    /// <summary>Suppliers: a small or medium-sized enterprise (under 250 staff, and turnover ≤ £44m or balance sheet ≤ £38m); null when not stated.</summary>
    public bool? Sme { get; init; }
}

/// <summary>A commitment a supplier has signed, vouched for by one of its associations.</summary>
/// <param name="Commitment">What was signed: <see cref="Commitments.ThreeMillionLives"/>.</param>
/// <param name="VouchedBy">Id of the association, one the supplier is a member of, that vouches for it.</param>
/// <param name="SignedOn">The day the supplier signed.</param>
public sealed record OrganisationCommitment(string Commitment, string VouchedBy, DateOnly SignedOn);

/// <summary>Commitments a supplier may sign.</summary>
public static class Commitments
{
    /// <summary>
    /// The 3millionlives industry statement (2012): to meet the relevant standards and regulatory requirements while
    /// bringing telehealth and telecare to three million people.
    /// </summary>
    public const string ThreeMillionLives = "3millionlives";

    /// <summary>How a commitment reads on a page.</summary>
    public static string Title(string commitment) => commitment == ThreeMillionLives ? "3millionlives commitment" : commitment;
}

/// <summary>Organisation kinds.</summary>
public static class OrganisationKind
{
    /// <summary>Lists offerings and attests to standards.</summary>
    public const string Supplier = "supplier";
    /// <summary>Vouches for its members (membership, commitments, declarations); decides nothing.</summary>
    public const string Association = "association";
    /// <summary>Buys: an ICB, council or health board.</summary>
    public const string Commissioner = "commissioner";
    /// <summary>An independent certification body: verifies attestations to the schemes it is accredited for.</summary>
    public const string Certifier = "certifier";
}
