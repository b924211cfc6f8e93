namespace Marketplace.Core.Standards;

/// <summary>A named requirement a supplier can attest to, from the standards register (DOMAIN.md).</summary>
public sealed record Standard
{
    /// <summary>Code, e.g. <c>DSPT</c>.</summary>
    public required string Code { get; init; }
    /// <summary>Full name.</summary>
    public required string Name { get; init; }
    /// <summary>Who issues or audits it.</summary>
    public string IssuingBody { get; init; } = "";
    /// <summary>What evidence proves it.</summary>
    public string EvidenceKind { get; init; } = "";
    /// <summary>Whether submitting an attestation needs an evidence file.</summary>
    public bool EvidenceRequired { get; init; }
    /// <summary>Months a certificate stays valid; null when open-ended or edition-bound.</summary>
    public int? ValidityMonths { get; init; }
    /// <summary><c>organisation</c>, <c>product</c> and/or <c>service</c>.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];
    /// <summary>Associations that may validate it.</summary>
    public IReadOnlyList<string> ValidatingAssociations { get; init; } = [];
    /// <summary>One-line summary.</summary>
    public string Summary { get; init; } = "";
}
