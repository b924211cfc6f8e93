using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Tests.Attestations;

/// <summary>
/// A small world after the seed: one supplier in two associations, a certifier-route standard (TSA-QSF) with the
/// certification body accredited for it and one that is not, a declaration (A2D-READY) and register-route standards.
/// </summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static readonly Organisation Tsa = new()
    {
        Id = "tec-services-association", Kind = OrganisationKind.Association, Name = "TEC Services Association",
    };

    public static readonly Organisation Regional = new()
    {
        Id = "northern-health-technology-network", Kind = OrganisationKind.Association, Name = "Northern Health Technology Network",
    };

    public static readonly Organisation TechUk = new() { Id = "techuk", Kind = OrganisationKind.Association, Name = "techUK" };

    public static readonly Organisation TecQuality = new() { Id = "tec-quality", Kind = OrganisationKind.Certifier, Name = "TEC Quality", AccreditedFor = ["TSA-QSF"] };

    public static readonly Organisation Brackenford = new()
    {
        Id = "brackenford-cyber-assurance", Kind = OrganisationKind.Certifier, Name = "Brackenford Cyber Assurance", AccreditedFor = ["CYBER-ESSENTIALS"],
    };

    public static readonly Standard Qsf = new()
    {
        Code = "TSA-QSF", Name = "Quality Standards Framework", EvidenceKind = "certificate", EvidenceRequired = true, ValidityMonths = 36,
        Scope = ["organisation", "service"], Route = VerificationRoute.Certifier, ConfirmedBy = "TEC Quality",
    };

    public static readonly Standard Dcb0129 = new()
    {
        Code = "DCB0129", Name = "Clinical risk management", EvidenceKind = "clinical safety case report", EvidenceRequired = true,
        Scope = ["product"], Route = VerificationRoute.Declaration, Validity = new ValidityRule(ValidityKind.PerRelease),
    };

    public static readonly Standard Dtac = new()
    {
        Code = "DTAC", Name = "Digital Technology Assessment Criteria", Scope = ["product"], Route = VerificationRoute.BuyerAssessed, ConfirmedBy = "The buyer",
        Validity = new ValidityRule(ValidityKind.PerRelease),
    };

    public static readonly Organisation Supplier = new()
    {
        Id = "downs-careline-systems", Kind = OrganisationKind.Supplier, Name = "Downs Careline Systems Ltd", Memberships = [Tsa.Id, Regional.Id],
    };

    public static readonly Standard A2dReady = new()
    {
        Code = "A2D-READY", Name = "Digital switchover readiness", EvidenceKind = "declaration + test report", EvidenceRequired = true,
        ValidityMonths = 12, Scope = ["product", "service"], Route = VerificationRoute.Declaration,
    };

    public static readonly Standard Dspt = new()
    {
        Code = "DSPT", Name = "Data Security and Protection Toolkit", EvidenceRequired = false, ValidityMonths = 12,
        Scope = ["organisation"], Route = VerificationRoute.Register,
    };

    public static readonly Standard Cqc = new()
    {
        Code = "CQC", Name = "Care Quality Commission registration", Scope = ["organisation"], Route = VerificationRoute.Register,
    };

    public static Actor SupplierUser(string organisation = "downs-careline-systems") => new("usr-s", organisation, new HashSet<MarketplaceRole> { MarketplaceRole.Supplier });

    public static Actor Validator(string association) => new("usr-v", association, new HashSet<MarketplaceRole> { MarketplaceRole.Association });

    public static Actor CertifierUser(string certifier = "tec-quality") => new("usr-c", certifier, new HashSet<MarketplaceRole> { MarketplaceRole.Certifier });

    /// <summary>A TSA-QSF attestation naming TEC Quality, submitted two days ago.</summary>
    public static Attestation SubmittedQsf => Draft(Qsf, null) with { Status = AttestationStatus.Submitted, SubmittedAt = Now.AddDays(-2), CertifierId = TecQuality.Id };

    public static Actor With(MarketplaceRole role, string? organisation) => new("usr-x", organisation, new HashSet<MarketplaceRole> { role });

    public static Attestation Draft(Standard standard, string? offeringId = "off-000009", int evidence = 1) => new()
    {
        Id = "att-1",
        SupplierId = Supplier.Id,
        StandardCode = standard.Code,
        OfferingId = offeringId,
        CertificateNumber = "A2D-1",
        IssuedOn = Today.AddMonths(-1),
        ExpiresOn = Today.AddMonths(11),
        Status = AttestationStatus.Draft,
        Evidence = [.. Enumerable.Range(0, evidence).Select(i => new EvidenceFile($"f{i}.pdf", "application/pdf", 10, new string('a', 64)))],
    };
}
