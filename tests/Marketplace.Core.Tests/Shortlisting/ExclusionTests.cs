using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>Every reason an offering is left out, each with its explanation.</summary>
public sealed class ExclusionTests
{
    private static readonly KeyRequirementsTemplate Template = Build.Template(
        Gate("dspt", new StandardHeldRule("DSPT")),
        Gate("region", new RegionServedRule()),
        Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 1));

    private static readonly Attestation PennineDspt = Attestation("pennine", "DSPT", expires: Today.AddMonths(6));

    private static Shortlist Score(params Offering[] offerings) =>
        Scorer.Score(Template, Specification(Template), Input(offerings, [PennineDspt, Attestation("wear", "DSPT"), Attestation("outsider", "DSPT")]));

    [Fact]
    public void An_offering_not_listed_in_the_lot_is_excluded_as_not_in_lot_3()
    {
        var shortlist = Score(Offering("off-1") with { Lots = [Lot1] });

        var reason = Assert.Single(Assert.Single(shortlist.Exclusions).Reasons);
        Assert.Equal(new ExclusionReason(ExclusionCodes.NotInLot, null, "not in lot 3"), reason);
        Assert.Empty(shortlist.Entries);
    }

    [Fact]
    public void An_offering_whose_supplier_is_not_admitted_to_the_lot_is_excluded_even_if_it_lists_the_lot()
    {
        var shortlist = Score(Offering("off-1", supplier: "outsider"));

        var exclusion = Assert.Single(shortlist.Exclusions);
        Assert.Equal(new ExclusionReason(ExclusionCodes.SupplierNotAdmitted, null, "supplier not admitted to lot 3"), Assert.Single(exclusion.Reasons));
        Assert.Equal(("outsider", "Supplier outsider"), (exclusion.SupplierId, exclusion.SupplierName));
    }

    [Fact]
    public void A_failed_gate_is_named_with_why_it_failed()
    {
        var shortlist = Score(Offering("off-1", supplier: "derwent"));

        var reason = Assert.Single(Assert.Single(shortlist.Exclusions).Reasons);
        Assert.Equal(new ExclusionReason(ExclusionCodes.GateFailed, "dspt", "fails \"Gate dspt\": Does not hold DSPT: no DSPT attestation"), reason);
    }

    [Fact]
    public void Every_failed_gate_and_lot_reason_is_listed_lot_reasons_first_then_gates_in_template_order()
    {
        var shortlist = Score(Offering("off-1", supplier: "outsider-2") with { Lots = [], Regions = ["wales"] });

        Assert.Equal(
            [
                (ExclusionCodes.NotInLot, (string?)null),
                (ExclusionCodes.SupplierNotAdmitted, null),
                (ExclusionCodes.GateFailed, "dspt"),
                (ExclusionCodes.GateFailed, "region"),
            ],
            Assert.Single(shortlist.Exclusions).Reasons.Select(r => (r.Code, r.RequirementId)));
        Assert.Equal("fails \"Gate region\": Does not serve the North West (serves Wales)", shortlist.Exclusions[0].Reasons[3].Explanation);
    }

    [Fact]
    public void A_failed_gate_is_named_by_its_requirement_text_not_its_id_and_a_price_basis_comes_before_the_gates()
    {
        var template = Build.Template(
            Gate("dspt", new StandardHeldRule("DSPT")) with { Text = "Holds a current Data Security and Protection Toolkit assessment" },
            Criterion("price", new PriceRule(["per-patient-per-month"]), 1));

        var shortlist = Scorer.Score(template, Specification(template), Input([Offering("hub", supplier: "derwent", model: "per-unit")]));

        Assert.Equal(
            [
                new ExclusionReason(ExclusionCodes.PriceBasis, "price", "priced per unit (one-off); this specification compares per patient per month prices only"),
                new ExclusionReason(ExclusionCodes.GateFailed, "dspt", "fails \"Holds a current Data Security and Protection Toolkit assessment\": Does not hold DSPT: no DSPT attestation"),
            ],
            Assert.Single(shortlist.Exclusions).Reasons);
    }

    [Fact]
    public void An_expired_gated_standard_excludes_and_says_when_it_expired()
    {
        var template = Build.Template(Gate("dspt", new StandardHeldRule("DSPT")), Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 1));

        var shortlist = Scorer.Score(template, Specification(template), Input([Offering("off-1")], [Attestation("pennine", "DSPT", expires: new DateOnly(2026, 6, 30))]));

        Assert.Equal("fails \"Gate dspt\": Does not hold DSPT: DSPT expired on 2026-06-30", Assert.Single(Assert.Single(shortlist.Exclusions).Reasons).Explanation);
    }

    [Fact]
    public void A_retired_offering_is_never_shortlisted()
    {
        var shortlist = Score(Offering("off-1") with { Status = OfferingStatus.Retired });

        Assert.Equal(new ExclusionReason(ExclusionCodes.Retired, null, "retired by its supplier"), Assert.Single(Assert.Single(shortlist.Exclusions).Reasons));
    }

    [Fact]
    public void A_gate_on_conditions_needs_every_condition()
    {
        var exclusion = GateResult(new ConditionCoveredRule(["copd", "heart-failure"]), Offering("off-1") with { Conditions = ["copd"] });

        Assert.Equal("fails \"Gate gate\": Covers COPD; not heart failure (1 of 2)", Assert.Single(exclusion!.Reasons).Explanation);
        Assert.Null(GateResult(new ConditionCoveredRule(["copd"]), Offering("off-1")));
    }

    [Fact]
    public void Gates_on_category_connectivity_capability_and_lead_time_exclude_with_their_explanations()
    {
        var offering = Offering("off-1") with { Category = "pulse-oximeter", Connectivity = "analogue", LeadTimeDays = 30 };

        Assert.Equal("fails \"Gate gate\": Is a pulse oximeter, not a remote-monitoring platform",
            GateResult(new CategoryRule(["remote-monitoring-platform"]), offering)!.Reasons[0].Explanation);
        Assert.Equal("fails \"Gate gate\": Connectivity is analogue (PSTN) only, not digital (IP or 4G)",
            GateResult(new ConnectivityRule(["digital"]), offering)!.Reasons[0].Explanation);
        Assert.Equal("fails \"Gate gate\": Does not declare UK data hosting",
            GateResult(new CapabilityDeclaredRule(["uk-data-hosting"]), offering)!.Reasons[0].Explanation);
        Assert.Equal("fails \"Gate gate\": Lead time 30 days, more than 20 days",
            GateResult(new LeadTimeAtMostRule(20), offering)!.Reasons[0].Explanation);
        Assert.Equal("fails \"Gate gate\": Supports none of SCAIP",
            GateResult(new InteroperabilityRule(["scaip"]), offering)!.Reasons[0].Explanation);
        Assert.Equal("fails \"Gate gate\": States no connectivity; needs digital (IP or 4G)",
            GateResult(new ConnectivityRule(["digital"]), offering with { Connectivity = null })!.Reasons[0].Explanation);
    }

    [Fact]
    public void Exclusions_are_in_offering_id_order_and_every_candidate_is_either_shortlisted_or_excluded()
    {
        var shortlist = Score(Offering("c", supplier: "derwent"), Offering("a") with { Lots = [] }, Offering("b"), Offering("d", supplier: "wear"));

        Assert.Equal(["a", "c"], shortlist.Exclusions.Select(e => e.OfferingId));
        Assert.Equal(["b", "d"], shortlist.Entries.Select(e => e.OfferingId).Order(StringComparer.Ordinal));
    }
}
