using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

public sealed class AttestationAccessTests
{
    [Theory]
    [InlineData(MarketplaceRole.Supplier, "downs-careline-systems", true)]
    [InlineData(MarketplaceRole.Supplier, "pennine-careline-services", false)]
    [InlineData(MarketplaceRole.Association, "tec-services-association", true)]
    [InlineData(MarketplaceRole.Association, "northern-health-technology-network", true)]
    [InlineData(MarketplaceRole.Association, "techuk", false)]
    [InlineData(MarketplaceRole.Commissioner, "nhs-kent-icb", true)]
    [InlineData(MarketplaceRole.Admin, null, true)]
    public void The_supplier_its_associations_commissioners_and_admins_read_its_attestations(MarketplaceRole role, string? organisation, bool allowed) =>
        Assert.Equal(allowed, AttestationAccess.MayRead(With(role, organisation), Supplier));

    [Fact]
    public void Acting_in_the_supplier_role_for_an_association_does_not_make_a_validator() =>
        Assert.False(AttestationAccess.MayRead(With(MarketplaceRole.Supplier, Tsa.Id), Supplier));

    [Fact]
    public void A_queue_holds_submitted_attestations_of_members_for_standards_in_remit()
    {
        var submitted = Draft(A2dReady) with { Status = AttestationStatus.Submitted };

        Assert.True(AttestationAccess.AwaitsDecisionBy(submitted, Supplier, A2dReady, Tsa));
        Assert.False(AttestationAccess.AwaitsDecisionBy(submitted, Supplier, A2dReady, Regional));
        Assert.False(AttestationAccess.AwaitsDecisionBy(submitted with { Status = AttestationStatus.Draft }, Supplier, A2dReady, Tsa));
        Assert.False(AttestationAccess.AwaitsDecisionBy(submitted with { StandardCode = "CQC" }, Supplier with { Memberships = [] }, Cqc, Tsa));
    }

    [Fact]
    public void Only_the_associations_own_validators_and_admins_read_its_queue()
    {
        Assert.True(AttestationAccess.MayReadQueue(Validator(Tsa.Id), Tsa.Id));
        Assert.True(AttestationAccess.MayReadQueue(With(MarketplaceRole.Admin, null), Tsa.Id));
        Assert.False(AttestationAccess.MayReadQueue(Validator(TechUk.Id), Tsa.Id));
        Assert.False(AttestationAccess.MayReadQueue(With(MarketplaceRole.Commissioner, Tsa.Id), Tsa.Id));
    }
}
