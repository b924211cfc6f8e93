using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

public sealed class AttestationRulesTests
{
    private static readonly Offering Hub = new()
    {
        Id = "off-000009", SupplierId = Supplier.Id, Kind = "product", Name = "Downs hub", Category = "home-alarm-hub",
        Price = new OfferingPrice("per-unit", 150m),
    };

    private static AttestationRequest Request(string? code = "A2D-READY", string? offering = "off-000009", DateOnly? issued = null, DateOnly? expires = null) =>
        new(code, offering, "A2D-2026-118", issued ?? new DateOnly(2026, 10, 1), expires);

    private static AttestationDecision Create(AttestationRequest request, Marketplace.Core.Standards.Standard? standard, Offering? offering = null,
        Marketplace.Core.Organisations.Organisation? certifier = null) =>
        AttestationRules.Create(request, Supplier.Id, standard, offering, certifier, "att-new", Today);

    private static AttestationRequest Qsf(string? certifier = "tec-quality") => new("TSA-QSF", null, "QSF-2026-0001", new DateOnly(2026, 10, 1), null, certifier);

    private static IEnumerable<string?> Fields(AttestationDecision decision) => decision.Errors.Select(e => e.Field);

    [Fact]
    public void A_certifier_route_claim_names_a_certification_body_accredited_for_the_standard()
    {
        var draft = Create(Qsf(), Fixtures.Qsf, certifier: TecQuality).Next!;

        Assert.Equal(TecQuality.Id, draft.CertifierId);
        Assert.Equal(["certifierId"], Fields(Create(Qsf(null), Fixtures.Qsf)));
        Assert.Equal(["certifierId"], Fields(Create(Qsf("nobody"), Fixtures.Qsf)));
        Assert.Equal(["certifierId"], Fields(Create(Qsf(Tsa.Id), Fixtures.Qsf, certifier: Tsa)));
        Assert.Equal(["certifierId"], Fields(Create(Qsf(Brackenford.Id), Fixtures.Qsf, certifier: Brackenford)));
    }

    [Fact]
    public void Other_routes_name_no_certifier_and_the_buyer_assesses_its_own_standards()
    {
        Assert.Equal(["certifierId"], Fields(Create(Request() with { CertifierId = TecQuality.Id }, A2dReady, Hub, TecQuality)));
        Assert.Equal(["certifierId"], Fields(Create(Request("CQC", null) with { CertifierId = TecQuality.Id, RegisterReference = "1-101234567" }, Cqc, certifier: TecQuality)));
        var dtac = Create(Request("DTAC"), Dtac, Hub);
        Assert.Equal(["standardCode"], Fields(dtac));
        Assert.Contains("buyer", dtac.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clinical_safety_declaration_names_its_officer_and_release_and_a_test_house_only_backs_a_declaration()
    {
        var bare = Request("DCB0129");

        Assert.Equal(["clinicalSafetyOfficer", "productRelease"], Fields(Create(bare, Dcb0129, Hub)).Order(StringComparer.Ordinal));
        var draft = Create(bare with { ClinicalSafetyOfficer = " Dr Aisha Rahman ", ProductRelease = "4.2.1", TestedBy = "Northgate Test Laboratories" }, Dcb0129, Hub).Next!;
        Assert.Equal(("Dr Aisha Rahman", "4.2.1", "Northgate Test Laboratories"), (draft.ClinicalSafetyOfficer, draft.ProductRelease, draft.TestedBy));
        Assert.Null(draft.ExpiresOn);
        Assert.Equal(["clinicalSafetyOfficer"], Fields(Create(Request() with { ClinicalSafetyOfficer = "Dr X" }, A2dReady, Hub)));
        Assert.Equal(["testedBy"], Fields(Create(Qsf() with { TestedBy = "Lab" }, Fixtures.Qsf, certifier: TecQuality)));
        Assert.Equal(["registerReference"], Fields(Create(Request() with { RegisterReference = "8AB12" }, A2dReady, Hub)));
        Assert.Null(Create(Request("CQC", null) with { RegisterReference = "1-101234567" }, Cqc).Refusal);
    }

    [Fact]
    public void A_draft_on_an_offering_takes_its_expiry_from_the_standards_validity()
    {
        var draft = Create(Request(), A2dReady, Hub).Next!;

        Assert.Equal(AttestationStatus.Draft, draft.Status);
        Assert.Equal(new DateOnly(2027, 10, 1), draft.ExpiresOn);
        Assert.Equal("off-000009", draft.OfferingId);
        Assert.Equal(Supplier.Id, draft.SupplierId);
        Assert.Empty(draft.Evidence);
    }

    [Fact]
    public void An_open_ended_standard_has_no_expiry_unless_one_is_given()
    {
        Assert.Null(Create(Request("CQC", null) with { RegisterReference = "1-101234567" }, Cqc).Next!.ExpiresOn);
        Assert.Equal(new DateOnly(2027, 1, 1), Create(Request("CQC", null, expires: new DateOnly(2027, 1, 1)) with { RegisterReference = "1-101234567" }, Cqc).Next!.ExpiresOn);
    }

    [Fact]
    public void The_expiry_must_follow_the_issue_date_and_not_have_passed()
    {
        Assert.Equal("expiresOn", Create(Request(expires: new DateOnly(2026, 10, 1)), A2dReady, Hub).Refusal!.Field);
        Assert.Equal("expiresOn", Create(Request(issued: new DateOnly(2025, 1, 1)), A2dReady, Hub).Refusal!.Field);
        Assert.Equal("issuedOn", Create(Request(issued: Today.AddDays(1)), A2dReady, Hub).Refusal!.Field);
    }

    [Fact]
    public void The_scope_must_fit_an_organisation_or_the_offerings_kind()
    {
        Assert.Equal("offeringId", Create(Request(offering: null), A2dReady).Refusal!.Field);
        Assert.Equal("standardCode", Create(Request("DSPT"), Dspt, Hub).Refusal!.Field);
        Assert.Null(Create(Request("A2D-READY"), A2dReady, Hub with { Kind = "service" }).Refusal);
        Assert.Null(Create(Request("DSPT", null) with { RegisterReference = "8JK12" }, Dspt).Refusal);
    }

    [Fact]
    public void Another_suppliers_offering_is_forbidden_and_a_retired_or_unknown_one_invalid()
    {
        Assert.Equal(RefusalKind.Forbidden, Create(Request(), A2dReady, Hub with { SupplierId = "pennine-careline-services" }).Refusal!.Kind);
        Assert.Equal("offeringId", Create(Request(), A2dReady, Hub with { Status = OfferingStatus.Retired }).Refusal!.Field);
        Assert.Equal("offeringId", Create(Request(), A2dReady, null).Refusal!.Field);
    }

    [Fact]
    public void Every_missing_or_unknown_field_is_named_at_once()
    {
        var decision = Create(new AttestationRequest("NOPE", null, " ", null, null), null);

        Assert.Equal(["certificateNumber", "issuedOn", "standardCode"], decision.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(["certificateNumber", "issuedOn", "standardCode"],
            AttestationRules.Missing(new AttestationRequest(null, null, null, null, null)).Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void New_ids_are_slugs_that_reveal_nothing() =>
        Assert.Matches("^att-[0-9a-f]{12}$", AttestationRules.NewAttestationId(Guid.NewGuid()));
}
