using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Tests.Attestations;

/// <summary>A small world after the seed: one supplier in two associations, standards in and out of their remits.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static readonly Organisation Tsa = new()
    {
        Id = "tec-services-association", Kind = OrganisationKind.Association, Name = "TEC Services Association",
        Validates = ["TSA-QSF", "A2D-READY", "CQC"],
    };

    public static readonly Organisation Regional = new()
    {
        Id = "northern-health-technology-network", Kind = OrganisationKind.Association, Name = "Northern Health Technology Network", Validates = ["CQC"],
    };

    public static readonly Organisation TechUk = new() { Id = "techuk", Kind = OrganisationKind.Association, Name = "techUK", Validates = ["DSPT", "CQC"] };

    public static readonly Organisation Supplier = new()
    {
        Id = "downs-careline-systems", Kind = OrganisationKind.Supplier, Name = "Downs Careline Systems Ltd", Memberships = [Tsa.Id, Regional.Id],
    };

    public static readonly Standard A2dReady = new()
    {
        Code = "A2D-READY", Name = "Digital switchover readiness", EvidenceKind = "declaration + test report", EvidenceRequired = true,
        ValidityMonths = 12, Scope = ["product", "service"], ValidatingAssociations = [Tsa.Id],
    };

    public static readonly Standard Dspt = new()
    {
        Code = "DSPT", Name = "Data Security and Protection Toolkit", EvidenceRequired = false, ValidityMonths = 12,
        Scope = ["organisation"], ValidatingAssociations = [TechUk.Id],
    };

    public static readonly Standard Cqc = new()
    {
        Code = "CQC", Name = "Care Quality Commission registration", Scope = ["organisation"],
        ValidatingAssociations = [Tsa.Id, Regional.Id, TechUk.Id],
    };

    public static Actor SupplierUser(string organisation = "downs-careline-systems") => new("usr-s", organisation, new HashSet<MarketplaceRole> { MarketplaceRole.Supplier });

    public static Actor Validator(string association) => new("usr-v", association, new HashSet<MarketplaceRole> { MarketplaceRole.Association });

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
