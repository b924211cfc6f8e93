using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Progress;

namespace Marketplace.Core.Tests.Progress;

public sealed class ContributionTests
{
    private static OfferingSearchDocument Offering(string id, string supplier, string connectivity = "digital", params string[] standards) => new()
    {
        Id = id,
        Name = id,
        SupplierId = supplier,
        Category = "pendant-alarm",
        Lots = ["ttc-2026-lot-1"],
        Regions = ["london", "wales"],
        Connectivity = connectivity,
        VerifiedStandards = standards,
    };

    private static readonly Organisation Small = new() { Id = "small-co", Kind = OrganisationKind.Supplier, Name = "Small Co", Sme = true };

    [Fact]
    public void A_supplier_counts_once_per_lot_and_region_however_many_offerings_it_has()
    {
        var counters = Measures.Count([.. Contributions.OfOffering(Offering("off-a", "small-co"), Small), .. Contributions.OfOffering(Offering("off-b", "small-co"), Small)])
            .ToDictionary(c => (c.Measure, c.Key), c => c.Value);

        Assert.Equal(2, counters[(Measures.OfferingsByLotRegion, "ttc-2026-lot-1|london")]);
        Assert.Equal(1, counters[(Measures.SuppliersByLotRegion, "ttc-2026-lot-1|london")]);
        Assert.Equal(1, counters[(Measures.SuppliersBySize, "sme")]);
        Assert.Equal(2, counters[(Measures.OfferingsByLot, "ttc-2026-lot-1")]);
    }

    [Theory]
    [InlineData("digital", new[] { "A2D-READY" }, Switchover.Ready)]
    [InlineData("both", new[] { "A2D-READY", "TSA-QSF" }, Switchover.Ready)]
    [InlineData("digital", new[] { "TSA-QSF" }, Switchover.DigitalUnevidenced)]
    [InlineData("analogue", new[] { "A2D-READY" }, Switchover.AnalogueOnly)]
    [InlineData("", new string[0], Switchover.NotStated)]
    public void A_telecare_offering_is_ready_for_the_switch_off_only_when_digital_with_A2D_READY_held(string connectivity, string[] standards, string expected)
    {
        var readiness = Contributions.OfOffering(Offering("off-a", "small-co", connectivity, standards), Small).Single(c => c.Measure == Measures.SwitchoverReadiness);

        Assert.Equal(expected, readiness.Key);
    }

    [Fact]
    public void A_telehealth_offering_is_not_counted_for_switchover_and_a_retired_one_counts_nowhere()
    {
        var telehealth = Offering("off-a", "small-co") with { Category = "pulse-oximeter" };

        Assert.DoesNotContain(Contributions.OfOffering(telehealth, Small), c => c.Measure == Measures.SwitchoverReadiness);
        Assert.Empty(Contributions.OfOffering(null, Small));
        Assert.Equal("not-stated", Contributions.OfOffering(telehealth, null).Single(c => c.Measure == Measures.SuppliersBySize).Key);
    }

    [Fact]
    public void A_source_recorded_in_another_order_or_with_a_repeat_is_not_rewritten_but_one_changed_value_is()
    {
        var recorded = Contributions.OfOffering(Offering("off-a", "small-co", "digital", "ISO27001"), Small);
        var fingerprint = ReconcileAggregates.Fingerprint(recorded);

        Assert.Equal(fingerprint, ReconcileAggregates.Fingerprint([.. recorded.Reverse(), recorded[0]]));
        Assert.NotEqual(fingerprint, ReconcileAggregates.Fingerprint([.. recorded.Skip(1), recorded[0] with { Value = 2 }]));
        Assert.NotEqual(fingerprint, ReconcileAggregates.Fingerprint([.. recorded.Skip(1)]));
        // Parts are length-prefixed: moving a character from one part to the next is another set.
        Assert.NotEqual(ReconcileAggregates.Fingerprint([new("m", "ab", "c", 1)]), ReconcileAggregates.Fingerprint([new("m", "a", "bc", 1)]));
    }
}
