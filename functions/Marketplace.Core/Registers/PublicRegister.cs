using System.Text.RegularExpressions;

namespace Marketplace.Core.Registers;

/// <summary>
/// A public register the marketplace checks attestations against, and the shape of the CSV snapshot an Admin uploads
/// from it. The column names are the marketplace's own (fictional but modelled on what each register publishes); a
/// snapshot must carry every one of them (in any order, extra columns ignored).
/// </summary>
/// <param name="Slug">The register in routes and blob names: <c>dspt</c>, <c>cqc</c>, <c>ico</c>, <c>mhra</c>.</param>
/// <param name="StandardCode">The register-route standard it confirms.</param>
/// <param name="Name">The register's name, for people.</param>
/// <param name="ReferenceColumn">The column holding the register's own reference.</param>
/// <param name="NameColumn">The column holding the organisation's (or, for MHRA, the device's) name.</param>
/// <param name="StatusColumn">The column holding the registration status.</param>
/// <param name="Columns">Every column a snapshot must have.</param>
/// <param name="CountingStatuses">Statuses that count as registered (compared ignoring case).</param>
/// <param name="ReferenceFormat">What a well-formed reference looks like.</param>
/// <param name="ReferenceExample">An example reference, for messages.</param>
/// <param name="MatchesProductName">True when a row names a product (matched against the offering), not its supplier.</param>
public sealed record PublicRegister(
    string Slug,
    string StandardCode,
    string Name,
    string ReferenceColumn,
    string NameColumn,
    string StatusColumn,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> CountingStatuses,
    Regex ReferenceFormat,
    string ReferenceExample,
    bool MatchesProductName)
{
    /// <summary>Whether a row's status means the organisation or product is on the register.</summary>
    public bool Counts(string status) => CountingStatuses.Contains(status.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The reference as the register writes it: trimmed and upper case.</summary>
    public static string Canonical(string reference) => reference.Trim().ToUpperInvariant();

    /// <summary>Whether <paramref name="reference"/> (canonicalised) has this register's shape.</summary>
    public bool IsWellFormed(string reference) => ReferenceFormat.IsMatch(Canonical(reference));

    /// <summary>What is expected, for a 400 naming <c>registerReference</c>.</summary>
    public string FormatMessage => $"A {Name} reference looks like {ReferenceExample} ({FormatRule}).";

    /// <summary>The format rule in words.</summary>
    public string FormatRule { get; init; } = "";
}

/// <summary>
/// The four registers (DOMAIN.md standards register, route "public register"). Reference checks are deliberately
/// modest: they catch a reference typed into the wrong field, not every impossible value.
/// </summary>
public static partial class PublicRegisters
{
    /// <summary>
    /// DSPT: the organisation's ODS code (NHS trusts have three characters, e.g. <c>RX1</c>; independent-sector and
    /// commercial organisations five, e.g. <c>8JK12</c>; GP practices six). Only "Standards Met" and "Standards
    /// Exceeded" count (DOMAIN.md); "Approaching Standards" and "Standards Not Met" do not.
    /// </summary>
    public static readonly PublicRegister Dspt = new("dspt", "DSPT", "Data Security and Protection Toolkit",
        "Organisation Code", "Organisation Name", "Status", ["Organisation Code", "Organisation Name", "Status", "Published Date"],
        ["Standards Met", "Standards Exceeded"], OdsCode(), "8JK12", MatchesProductName: false)
    { FormatRule = "an ODS organisation code: 3 to 6 letters and digits" };

    /// <summary>CQC: the provider id, <c>1-</c> and 9 to 11 digits (e.g. <c>1-101641826</c>). Only "Registered" counts.</summary>
    public static readonly PublicRegister Cqc = new("cqc", "CQC", "Care Quality Commission register",
        "Provider ID", "Provider Name", "Registration Status", ["Provider ID", "Provider Name", "Registration Status", "Registration Date"],
        ["Registered"], CqcProviderId(), "1-123456789", MatchesProductName: false)
    { FormatRule = "\"1-\" then 9 to 11 digits" };

    /// <summary>
    /// ICO: the data protection fee registration number, <c>Z</c> and seven characters: a letter or digit then six
    /// digits (e.g. <c>ZA123456</c>, older <c>Z1234567</c>). Only "Registered" counts.
    /// </summary>
    public static readonly PublicRegister Ico = new("ico", "ICO-REG", "ICO register of fee payers",
        "Registration Number", "Organisation Name", "Registration Status", ["Registration Number", "Organisation Name", "Registration Status", "Expiry Date"],
        ["Registered"], IcoNumber(), "ZA123456", MatchesProductName: false)
    { FormatRule = "Z, a letter or digit, then six digits" };

    /// <summary>
    /// MHRA: the device registration number shown on the Public Access Registration Database. MHRA references come in
    /// several shapes over the years, so only a loose shape is checked: 4 to 20 letters, digits and hyphens, starting
    /// with a letter or digit and holding at least one digit (e.g. <c>MHRA-GB-123456</c>). Rows name the device, which
    /// is matched against the offering's name. Only "Registered" counts.
    /// </summary>
    public static readonly PublicRegister Mhra = new("mhra", "MHRA-REG", "MHRA device registrations",
        "Registration Number", "Device Name", "Registration Status", ["Registration Number", "Manufacturer Name", "Device Name", "Registration Status"],
        ["Registered"], MhraNumber(), "MHRA-GB-123456", MatchesProductName: true)
    { FormatRule = "4 to 20 letters, digits and hyphens, with at least one digit" };

    /// <summary>Every register, in a stable order.</summary>
    public static IReadOnlyList<PublicRegister> All { get; } = [Dspt, Cqc, Ico, Mhra];

    /// <summary>The register with this slug (case-insensitive), or null.</summary>
    public static PublicRegister? BySlug(string? slug) => All.FirstOrDefault(r => string.Equals(r.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The register that confirms this standard, or null when its route is not a register.</summary>
    public static PublicRegister? ForStandard(string? code) => All.FirstOrDefault(r => string.Equals(r.StandardCode, code, StringComparison.Ordinal));

    [GeneratedRegex("^[A-Z0-9]{3,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex OdsCode();

    [GeneratedRegex(@"^1-[0-9]{9,11}$", RegexOptions.CultureInvariant)]
    private static partial Regex CqcProviderId();

    [GeneratedRegex("^Z[A-Z0-9][0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex IcoNumber();

    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9][A-Z0-9-]{3,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex MhraNumber();
}
