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

    private static AttestationDecision Create(AttestationRequest request, Marketplace.Core.Standards.Standard? standard, Offering? offering = null) =>
        AttestationRules.Create(request, Supplier.Id, standard, offering, "att-new", Today);

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
        Assert.Null(Create(Request("CQC", null), Cqc).Next!.ExpiresOn);
        Assert.Equal(new DateOnly(2027, 1, 1), Create(Request("CQC", null, expires: new DateOnly(2027, 1, 1)), Cqc).Next!.ExpiresOn);
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
        Assert.Null(Create(Request("DSPT", null), Dspt).Refusal);
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
