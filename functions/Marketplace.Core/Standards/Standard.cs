namespace Marketplace.Core.Standards;

/// <summary>A named requirement a supplier can attest to, from the standards register (DOMAIN.md).</summary>
public sealed record Standard
{
    private readonly ValidityRule? validity;

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
    /// <summary>
    /// Months a certificate stays valid; null unless <see cref="Validity"/> is <see cref="ValidityKind.Months"/>
    /// (per release, while registered, edition-bound and open-ended standards have no expiry date).
    /// </summary>
    public int? ValidityMonths { get; init; }
    /// <summary><c>organisation</c>, <c>product</c> and/or <c>service</c>.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];
    /// <summary>One-line summary.</summary>
    public string Summary { get; init; } = "";

    /// <summary>How the standard is confirmed: a <see cref="VerificationRoute"/> value.</summary>
    public string Route { get; init; } = VerificationRoute.Declaration;
    /// <summary>Who confirms it, as a person reads it, e.g. "NHS England DSPT public register".</summary>
    public string ConfirmedBy { get; init; } = "";
    /// <summary>
    /// How long a confirmation lasts. A record stored before rules existed has none: it follows from
    /// <see cref="ValidityMonths"/> (months, or open-ended when null), as expiry did then.
    /// </summary>
    public ValidityRule Validity
    {
        get => validity ?? (ValidityMonths is int months ? ValidityRule.ForMonths(months) : ValidityRule.OpenEnded);
        init => validity = value;
    }
    /// <summary>Nations it applies in (<see cref="Nation"/> values); empty when it applies across the UK.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    /// <summary>Where it applies only in some nations: the bodies that play its part in the others.</summary>
    public IReadOnlyList<DevolvedEquivalent> DevolvedEquivalents { get; init; } = [];
}

/// <summary>How long a confirmed standard lasts.</summary>
/// <param name="Kind">A <see cref="ValidityKind"/> value.</param>
/// <param name="Months">Months from issue, only when <paramref name="Kind"/> is <see cref="ValidityKind.Months"/>.</param>
public sealed record ValidityRule(string Kind, int? Months = null)
{
    /// <summary>No lapse by date or event.</summary>
    public static ValidityRule OpenEnded { get; } = new(ValidityKind.OpenEnded);

    /// <summary>Valid for this many months from issue.</summary>
    public static ValidityRule ForMonths(int months) => new(ValidityKind.Months, months);
}

/// <summary>Validity rule kinds (DOMAIN.md standards register, "validity").</summary>
public static class ValidityKind
{
    /// <summary>A fixed number of months from issue; the only kind with an expiry date.</summary>
    public const string Months = "months";
    /// <summary>Lapses when the product release or version changes, not by date (DCB0129, DTAC, WCAG).</summary>
    public const string PerRelease = "per-release";
    /// <summary>Holds while the public registration stands (CQC, MHRA).</summary>
    public const string WhileRegistered = "while-registered";
    /// <summary>Holds for the edition of the standard declared (BS 8521, EN 50134, SCAIP).</summary>
    public const string EditionBound = "edition-bound";
    /// <summary>No lapse (NICE ESF).</summary>
    public const string OpenEnded = "open-ended";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Months, PerRelease, WhileRegistered, EditionBound, OpenEnded];
}

/// <summary>
/// Who may confirm a standard: the standard's own route, never a trade association (DOMAIN.md; Procurement Act 2023
/// s.56 — buyers accept equivalents, so membership of a club must not decide whether a standard counts).
/// </summary>
public static class VerificationRoute
{
    /// <summary>An independent certification body issues a certificate.</summary>
    public const string Certifier = "certifier";
    /// <summary>A public register shows the status.</summary>
    public const string Register = "register";
    /// <summary>The buyer assesses it, per product version and procurement.</summary>
    public const string BuyerAssessed = "buyer-assessed";
    /// <summary>The supplier declares it, with its report; shown as a declaration.</summary>
    public const string Declaration = "declaration";

    /// <summary>Every route.</summary>
    public static IReadOnlyList<string> All { get; } = [Certifier, Register, BuyerAssessed, Declaration];
}

/// <summary>The UK nations a standard may be limited to.</summary>
public static class Nation
{
    /// <summary>England.</summary>
    public const string England = "england";
    /// <summary>Scotland.</summary>
    public const string Scotland = "scotland";
    /// <summary>Wales.</summary>
    public const string Wales = "wales";
    /// <summary>Northern Ireland.</summary>
    public const string NorthernIreland = "northern-ireland";
}

/// <summary>The bodies that play a standard's part in a nation it does not cover, e.g. RQIA for CQC in Northern Ireland.</summary>
/// <param name="Nation">A <see cref="Standards.Nation"/> value.</param>
/// <param name="Bodies">The bodies there, by name.</param>
public sealed record DevolvedEquivalent(string Nation, IReadOnlyList<string> Bodies);
