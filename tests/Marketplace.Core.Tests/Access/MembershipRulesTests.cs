using Marketplace.Core.Access;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Tests.Access;

public sealed class MembershipRulesTests
{
    private static readonly Organisation Supplier = new() { Id = "downs-careline-systems", Kind = OrganisationKind.Supplier, Name = "Downs" };

    [Fact]
    public void A_role_matching_the_organisations_kind_is_accepted() =>
        Assert.Empty(MembershipRules.Check(new MembershipRequest(Supplier.Id, "Supplier"), Supplier));

    [Theory]
    [InlineData("Association", "role")]
    [InlineData("Admin", "role")]
    [InlineData("supplier", "role")]
    [InlineData("1", "role")]
    [InlineData(null, "role")]
    public void Other_roles_are_refused(string? role, string field) =>
        Assert.Contains(field, MembershipRules.Check(new MembershipRequest(Supplier.Id, role), Supplier).Keys);

    [Fact]
    public void An_unknown_organisation_is_refused() =>
        Assert.Equal(["organisationId"], MembershipRules.Check(new MembershipRequest("nobody", "Supplier"), null).Keys);

    [Fact]
    public void A_membership_counts_only_for_a_token_carrying_its_role()
    {
        var membership = new Membership("tenant", "user", Supplier.Id, "Supplier");

        Assert.True(MembershipRules.Grants(membership, ["Supplier"]));
        Assert.False(MembershipRules.Grants(membership, ["Commissioner"]));
        Assert.True(MembershipRules.Grants(membership with { Role = null }, ["Commissioner"]));
    }
}
