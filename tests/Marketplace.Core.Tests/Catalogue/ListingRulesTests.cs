using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class ListingRulesTests
{
    private static readonly Offering Hub = new()
    {
        Id = "off-1",
        SupplierId = "pennine-careline",
        Kind = "product",
        Name = "Hub",
        Category = "home-alarm-hub",
        Price = new OfferingPrice("per-unit", 150m),
    };

    [Fact]
    public void The_owning_supplier_may_change_its_active_listing() =>
        Assert.Equal(ListingDecision.Allowed, ListingRules.Decide(Hub, "pennine-careline"));

    [Fact]
    public void Another_supplier_may_not() =>
        Assert.Equal(ListingDecision.NotOwner, ListingRules.Decide(Hub, "downs-careline-systems"));

    [Fact]
    public void A_caller_without_an_organisation_may_not() =>
        Assert.Equal(ListingDecision.NotOwner, ListingRules.Decide(Hub, null));

    [Fact]
    public void A_retired_listing_never_changes_even_for_its_owner() =>
        Assert.Equal(ListingDecision.Retired, ListingRules.Decide(Hub with { Status = OfferingStatus.Retired }, "pennine-careline"));

    [Fact]
    public void An_unknown_offering_is_not_found() =>
        Assert.Equal(ListingDecision.NotFound, ListingRules.Decide(null, "pennine-careline"));

    [Fact]
    public void New_offering_ids_fit_the_id_pattern_and_differ()
    {
        var a = ListingRules.NewOfferingId(Guid.NewGuid());
        var b = ListingRules.NewOfferingId(Guid.NewGuid());

        Assert.Matches("^[a-z0-9][a-z0-9-]{1,63}$", a);
        Assert.NotEqual(a, b);
    }
}
