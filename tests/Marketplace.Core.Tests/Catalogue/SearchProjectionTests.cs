using FsCheck.Xunit;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class SearchProjectionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Offering Hub = new()
    {
        Id = "off-1",
        SupplierId = "pennine-careline",
        Kind = "product",
        Name = "Pennine hub",
        Category = "home-alarm-hub",
        Connectivity = "digital",
        Regions = ["north-west"],
        Price = new OfferingPrice("per-unit", 150m),
    };

    private static Attestation Attest(string code, string status = AttestationStatus.Verified, DateOnly? expires = null, string? offeringId = null, string supplier = "pennine-careline") => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        SupplierId = supplier,
        StandardCode = code,
        OfferingId = offeringId,
        Status = status,
        ExpiresOn = expires,
    };

    [Fact]
    public void Standards_are_the_offerings_own_and_its_suppliers_that_are_verified_and_unexpired()
    {
        var document = SearchProjection.Project(Hub, new Organisation { Id = "pennine-careline", Kind = "supplier", Name = "Pennine Careline Ltd" },
        [
            Attest("TSA-QSF", expires: Today),
            Attest("DSPT", expires: Today.AddDays(-1)),
            Attest("ISO27001", AttestationStatus.Submitted),
            Attest("CQC", AttestationStatus.Revoked),
            Attest("BS8521-2", offeringId: "off-1"),
            Attest("SCAIP", offeringId: "off-2"),
            Attest("MHRA-REG"),
            Attest("DTAC", supplier: "someone-else"),
        ], Today);

        Assert.Equal(["BS8521-2", "MHRA-REG", "TSA-QSF"], document!.VerifiedStandards);
        Assert.Equal("Pennine Careline Ltd", document.SupplierName);
        Assert.Equal("digital", document.Connectivity);
    }

    [Fact]
    public void A_retired_offering_has_no_search_document() =>
        Assert.Null(SearchProjection.Project(Hub with { Status = OfferingStatus.Retired }, null, [], Today));

    [Property]
    public bool An_attestation_counts_exactly_until_the_end_of_its_expiry_date(int daysFromToday)
    {
        var expires = Today.AddDays(daysFromToday % 3650);
        return Attest("DSPT", expires: expires).CountsOn(Today) == (expires >= Today);
    }

    [Fact]
    public void An_open_ended_verified_attestation_always_counts_and_other_statuses_never_do()
    {
        Assert.True(Attest("CQC").CountsOn(Today.AddYears(20)));
        foreach (var status in new[] { AttestationStatus.Draft, AttestationStatus.Submitted, AttestationStatus.Rejected, AttestationStatus.Revoked, AttestationStatus.Expired, AttestationStatus.Withdrawn })
        {
            Assert.False(Attest("CQC", status).CountsOn(Today));
        }
    }
}
