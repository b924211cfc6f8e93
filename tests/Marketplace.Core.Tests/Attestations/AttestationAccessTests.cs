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
    [InlineData(MarketplaceRole.Certifier, "tec-quality", true)]
    [InlineData(MarketplaceRole.Certifier, "brackenford-cyber-assurance", false)]
    public void The_supplier_its_associations_the_named_certifier_commissioners_and_admins_read_its_attestations(MarketplaceRole role, string? organisation, bool allowed) =>
        Assert.Equal(allowed, AttestationAccess.MayRead(With(role, organisation), Supplier, SubmittedQsf));

    [Fact]
    public void Acting_in_the_supplier_role_for_an_association_or_a_certifier_grants_nothing()
    {
        Assert.False(AttestationAccess.MayRead(With(MarketplaceRole.Supplier, Tsa.Id), Supplier, SubmittedQsf));
        Assert.False(AttestationAccess.MayRead(With(MarketplaceRole.Supplier, TecQuality.Id), Supplier, SubmittedQsf));
    }

    [Fact]
    public void A_certifier_reads_only_attestations_that_name_it_and_not_the_suppliers_whole_list()
    {
        Assert.False(AttestationAccess.MayRead(CertifierUser(), Supplier, SubmittedQsf with { CertifierId = Brackenford.Id }));
        Assert.False(AttestationAccess.MayReadAll(CertifierUser(), Supplier));
    }

    [Fact]
    public void Only_the_named_certifier_accredited_for_the_standard_decides_whatever_the_suppliers_memberships()
    {
        var noMemberships = SubmittedQsf;

        Assert.True(AttestationAccess.MayDecide(CertifierUser(), TecQuality, noMemberships, Qsf));
        Assert.False(AttestationAccess.MayDecide(CertifierUser(Brackenford.Id), Brackenford, noMemberships, Qsf));
        Assert.False(AttestationAccess.MayDecide(CertifierUser(Brackenford.Id), Brackenford, noMemberships with { CertifierId = Brackenford.Id }, Qsf));
        Assert.False(AttestationAccess.MayDecide(CertifierUser(), TecQuality with { AccreditedFor = [] }, noMemberships, Qsf));
        Assert.False(AttestationAccess.MayDecide(Validator(Tsa.Id), Tsa, noMemberships, Qsf));
        Assert.False(AttestationAccess.MayDecide(With(MarketplaceRole.Supplier, TecQuality.Id), TecQuality, noMemberships, Qsf));
    }

    [Fact]
    public void Only_an_association_the_supplier_belongs_to_endorses()
    {
        Assert.True(AttestationAccess.MayEndorse(Validator(Tsa.Id), Supplier));
        Assert.False(AttestationAccess.MayEndorse(Validator(TechUk.Id), Supplier));
        Assert.False(AttestationAccess.MayEndorse(CertifierUser(), Supplier));
    }

    [Fact]
    public void A_queue_holds_submitted_attestations_naming_the_certifier_for_schemes_it_is_accredited_for()
    {
        Assert.True(AttestationAccess.AwaitsDecisionBy(SubmittedQsf, Qsf, TecQuality));
        Assert.False(AttestationAccess.AwaitsDecisionBy(SubmittedQsf, Qsf, Brackenford));
        Assert.False(AttestationAccess.AwaitsDecisionBy(SubmittedQsf with { Status = AttestationStatus.Draft }, Qsf, TecQuality));
        Assert.False(AttestationAccess.AwaitsDecisionBy(SubmittedQsf, Qsf, TecQuality with { AccreditedFor = ["EN50518"] }));
    }

    [Fact]
    public void Only_the_certifiers_own_people_and_admins_read_its_queue()
    {
        Assert.True(AttestationAccess.MayReadQueue(CertifierUser(), TecQuality.Id));
        Assert.True(AttestationAccess.MayReadQueue(With(MarketplaceRole.Admin, null), TecQuality.Id));
        Assert.False(AttestationAccess.MayReadQueue(CertifierUser(Brackenford.Id), TecQuality.Id));
        Assert.False(AttestationAccess.MayReadQueue(Validator(Tsa.Id), TecQuality.Id));
    }
}
