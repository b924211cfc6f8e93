using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>Each rule type: its score and its plain-English explanation.</summary>
public sealed class RuleTests
{
    [Fact]
    public void A_verified_organisation_level_standard_scores_full_marks_and_names_its_validator_and_expiry()
    {
        var line = Line(new StandardHeldRule("TSA-QSF"), Offering("off-1"),
            [Attestation("pennine", "TSA-QSF", expires: new DateOnly(2027, 3, 1), decidedBy: "tec-services-association")]);

        Assert.Equal(1.0, line.Score);
        Assert.Equal("Holds TSA-QSF, verified by TEC Services Association, expires 2027-03-01", line.Explanation);
    }

    [Fact]
    public void A_standard_held_for_the_offering_itself_says_so_and_an_open_ended_one_says_it_has_no_expiry()
    {
        var line = Line(new StandardHeldRule("BS8521-2"), Offering("off-1"),
            [Attestation("pennine", "BS8521-2", offering: "off-1", decidedBy: "tec-services-association")]);

        Assert.Equal(1.0, line.Score);
        Assert.Equal("Holds BS8521-2 for this offering, verified by TEC Services Association, no expiry date", line.Explanation);
    }

    [Fact]
    public void A_standard_attested_for_another_offering_of_the_same_supplier_does_not_count()
    {
        var line = Line(new StandardHeldRule("BS8521-2"), Offering("off-1"), [Attestation("pennine", "BS8521-2", offering: "off-2")]);

        Assert.Equal(0.0, line.Score);
        Assert.Equal("Does not hold BS8521-2: no BS8521-2 attestation", line.Explanation);
    }

    [Fact]
    public void Another_suppliers_standard_does_not_count()
    {
        var line = Line(new StandardHeldRule("DSPT"), Offering("off-1"), [Attestation("wear", "DSPT")]);

        Assert.Equal(0.0, line.Score);
    }

    [Fact]
    public void A_standard_counts_on_its_expiry_date_and_not_the_day_after()
    {
        Assert.Equal(1.0, Line(new StandardHeldRule("DSPT"), Offering("off-1"), [Attestation("pennine", "DSPT", expires: Today)]).Score);

        var lapsed = Line(new StandardHeldRule("DSPT"), Offering("off-1"), [Attestation("pennine", "DSPT", expires: Today.AddDays(-1))]);
        Assert.Equal(0.0, lapsed.Score);
        Assert.Equal("Does not hold DSPT: DSPT expired on 2026-11-22", lapsed.Explanation);
    }

    [Theory]
    [InlineData(AttestationStatus.Submitted, "Does not hold DSPT: DSPT is submitted but not yet verified")]
    [InlineData(AttestationStatus.Draft, "Does not hold DSPT: DSPT is a draft, not yet submitted")]
    [InlineData(AttestationStatus.Rejected, "Does not hold DSPT: DSPT was rejected by techUK: Certificate is for another company")]
    [InlineData(AttestationStatus.Revoked, "Does not hold DSPT: DSPT was revoked by techUK: Certificate is for another company")]
    [InlineData(AttestationStatus.Withdrawn, "Does not hold DSPT: DSPT was withdrawn before a decision")]
    public void A_standard_that_is_not_verified_scores_nothing_and_says_why(string status, string explanation)
    {
        var reason = status is AttestationStatus.Rejected or AttestationStatus.Revoked ? "Certificate is for another company." : null;

        var line = Line(new StandardHeldRule("DSPT"), Offering("off-1"), [Attestation("pennine", "DSPT", status: status, reason: reason)]);

        Assert.Equal(0.0, line.Score);
        Assert.Equal(explanation, line.Explanation);
    }

    [Fact]
    public void When_several_attestations_count_the_longest_lasting_is_cited()
    {
        var line = Line(new StandardHeldRule("DSPT"), Offering("off-1"),
        [
            Attestation("pennine", "DSPT", expires: new DateOnly(2027, 1, 1), id: "a"),
            Attestation("pennine", "DSPT", expires: new DateOnly(2027, 6, 30), id: "b"),
            Attestation("pennine", "DSPT", status: AttestationStatus.Rejected, id: "c"),
        ]);

        Assert.EndsWith("expires 2027-06-30", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Category_passes_for_an_accepted_category_and_names_the_wanted_ones_otherwise()
    {
        var rule = new CategoryRule(["remote-monitoring-platform", "vital-signs-hub"]);

        var yes = Line(rule, Offering("off-1"));
        var no = Line(rule, Offering("off-1") with { Category = "pulse-oximeter" });

        Assert.Equal((1.0, "Is a remote-monitoring platform"), (yes.Score, yes.Explanation));
        Assert.Equal((0.0, "Is a pulse oximeter, not a remote-monitoring platform or vital-signs hub"), (no.Score, no.Explanation));
    }

    [Fact]
    public void Conditions_score_the_fraction_covered()
    {
        var line = Line(new ConditionCoveredRule(["copd", "heart-failure", "diabetes"]), Offering("off-1") with { Conditions = ["diabetes", "copd", "stroke"] });

        Assert.Equal(2.0 / 3.0, line.Score, 12);
        Assert.Equal("Covers COPD and diabetes; not heart failure (2 of 3)", line.Explanation);
    }

    [Fact]
    public void Conditions_all_or_none_covered_say_so()
    {
        var rule = new ConditionCoveredRule(["copd", "heart-failure"]);

        var all = Line(rule, Offering("off-1") with { Conditions = ["heart-failure", "copd"] });
        var none = Line(rule, Offering("off-1") with { Conditions = ["dementia"] });

        Assert.Equal((1.0, "Covers COPD and heart failure (2 of 2)"), (all.Score, all.Explanation));
        Assert.Equal((0.0, "Covers none of COPD or heart failure (0 of 2)"), (none.Score, none.Explanation));
    }

    [Fact]
    public void The_commissioners_condition_list_replaces_the_templates()
    {
        var template = Template(Criterion("conditions", new ConditionCoveredRule(["copd", "heart-failure"]), 1));
        var specification = Specification(template) with { Values = new Dictionary<string, System.Text.Json.JsonElement> { ["conditions"] = Json("""["copd"]""") } };

        var line = Assert.Single(Assert.Single(Scorer.Score(template, specification, Input([Offering("off-1")])).Entries).Criteria);

        Assert.Equal(1.0, line.Score);
    }

    [Fact]
    public void Interoperability_passes_on_any_one_of_the_alternatives()
    {
        var rule = new InteroperabilityRule(["bs8521-2", "scaip"]);

        var yes = Line(rule, Offering("off-1") with { Interoperability = ["scaip", "hscn"] });
        var no = Line(rule, Offering("off-1") with { Interoperability = ["hscn"] });

        Assert.Equal((1.0, "Supports SCAIP"), (yes.Score, yes.Explanation));
        Assert.Equal((0.0, "Supports none of BS 8521-2 (NOW-IP) or SCAIP"), (no.Score, no.Explanation));
    }

    [Fact]
    public void Connectivity_passes_for_an_accepted_value_and_fails_for_analogue_or_none()
    {
        var rule = new ConnectivityRule(["digital", "both"]);

        var both = Line(rule, Offering("off-1") with { Connectivity = "both" });
        var analogue = Line(rule, Offering("off-1") with { Connectivity = "analogue" });
        var none = Line(rule, Offering("off-1") with { Connectivity = null });

        Assert.Equal((1.0, "Connectivity is dual-path (analogue and digital)"), (both.Score, both.Explanation));
        Assert.Equal((0.0, "Connectivity is analogue (PSTN) only, not digital (IP or 4G) or dual-path (analogue and digital)"), (analogue.Score, analogue.Explanation));
        Assert.Equal((0.0, "States no connectivity; needs digital (IP or 4G) or dual-path (analogue and digital)"), (none.Score, none.Explanation));
    }

    [Fact]
    public void Region_uses_the_specifications_region_unless_the_rule_or_a_value_names_one()
    {
        var offering = Offering("off-1") with { Regions = ["north-west", "wales"] };

        var fromSpecification = Line(new RegionServedRule(), offering);
        var fixedInTemplate = Line(new RegionServedRule("london"), offering);
        var template = Template(Criterion("crit", new RegionServedRule("london"), 1));
        var fromValue = Line(new RegionServedRule("london"), offering, specification: Specification(template) with
        {
            Values = new Dictionary<string, System.Text.Json.JsonElement> { ["crit"] = Json("\"wales\"") },
        });

        Assert.Equal((1.0, "Serves the North West"), (fromSpecification.Score, fromSpecification.Explanation));
        Assert.Equal((0.0, "Does not serve London (serves the North West and Wales)"), (fixedInTemplate.Score, fixedInTemplate.Explanation));
        Assert.Equal((1.0, "Serves Wales"), (fromValue.Score, fromValue.Explanation));
    }

    [Fact]
    public void Capabilities_score_the_fraction_declared_and_name_each_in_words_with_its_statement_date_and_evidence()
    {
        var offering = Offering("off-1") with
        {
            Capabilities =
            [
                Declare("clinician-dashboard", "Web dashboard with trend charts, used by 40 community teams", on: new DateOnly(2026, 10, 2), evidence: true),
                Declare("uk-data-hosting", "Hosted in two UK data centres", on: new DateOnly(2026, 9, 1)),
            ],
        };

        var line = Line(new CapabilityDeclaredRule(["clinician-dashboard", "configurable-alert-limits", "uk-data-hosting"]), offering);

        Assert.Equal(2.0 / 3.0, line.Score, 12);
        Assert.Equal("Declares a clinician dashboard: \"Web dashboard with trend charts, used by 40 community teams\" (declared 2026-10-02), evidence file attached; " +
            "Does not declare configurable alert limits; Declares UK data hosting: \"Hosted in two UK data centres\" (declared 2026-09-01)", line.Explanation);
    }

    [Fact]
    public void Capabilities_are_read_from_declarations_never_from_the_description_or_features()
    {
        var offering = Offering("off-1") with
        {
            Description = "Clinician dashboard with configurable alert limits.",
            Features = ["Clinician dashboard", "Configurable alert limits"],
        };

        var line = Line(new CapabilityDeclaredRule(["clinician-dashboard", "configurable-alert-limits"]), offering);

        Assert.Equal((0.0, "Does not declare a clinician dashboard; Does not declare configurable alert limits"), (line.Score, line.Explanation));
    }

    [Fact]
    public void A_capability_gate_needs_every_capability_declared()
    {
        var rule = new CapabilityDeclaredRule(["clinician-dashboard", "configurable-alert-limits"]);
        var one = Offering("off-1") with { Capabilities = [Declare("clinician-dashboard", "Web dashboard for the whole caseload")] };
        var both = one with { Capabilities = [.. one.Capabilities, Declare("configurable-alert-limits", "Per-patient limits for every reading")] };

        Assert.Equal("fails \"Gate gate\": Declares a clinician dashboard: \"Web dashboard for the whole caseload\"; Does not declare configurable alert limits",
            Assert.Single(GateResult(rule, one)!.Reasons).Explanation);
        Assert.Null(GateResult(rule, both));
    }

    [Fact]
    public void A_declared_figure_passes_up_to_and_including_the_figure_asked_for_in_the_capabilitys_measure()
    {
        var rule = new CapabilityWithinRule("responder-on-site", 60);
        Offering Responding(int minutes) => Offering("off-1") with
        {
            Capabilities = [Declare("responder-on-site", "Mobile responders based in each district", minutes, new DateOnly(2026, 10, 2))],
        };

        var within = Line(rule, Responding(45));
        var at = Line(rule, Responding(60));
        var over = Line(rule, Responding(61));
        var none = Line(rule, Offering("off-1"));

        Assert.Equal((1.0, "Declares a responder on site within 45 minutes: \"Mobile responders based in each district\" (declared 2026-10-02), within the 60 minutes asked for"),
            (within.Score, within.Explanation));
        Assert.Equal(1.0, at.Score);
        Assert.Equal((0.0, "Declares a responder on site within 61 minutes: \"Mobile responders based in each district\" (declared 2026-10-02), more than the 60 minutes asked for"),
            (over.Score, over.Explanation));
        Assert.Equal((0.0, "Does not declare a responder on site time"), (none.Score, none.Explanation));
    }

    [Fact]
    public void A_declared_figure_is_read_in_working_hours_where_that_is_the_measure_and_the_commissioner_may_ask_for_less()
    {
        var template = Template(Criterion("crit", new CapabilityWithinRule("urgent-installation", 24), 1));
        var specification = Specification(template) with { Values = new Dictionary<string, System.Text.Json.JsonElement> { ["crit"] = Json("20") } };
        var offering = Offering("off-1") with { Capabilities = [Declare("urgent-installation", "Urgent installs by our own engineers", 22)] };

        var line = Line(template.Sections[0].Requirements[0].Rule, offering, specification: specification);

        Assert.Equal((0.0, "Declares urgent installation within 22 working hours: \"Urgent installs by our own engineers\", more than the 20 working hours asked for"),
            (line.Score, line.Explanation));
    }

    [Fact]
    public void Social_value_scores_the_commitments_declared()
    {
        var offering = Offering("off-1") with
        {
            Capabilities = [Declare("carbon-reduction-plan", "Carbon Reduction Plan published 2026, net zero by 2045", on: new DateOnly(2026, 4, 1))],
        };

        var line = Line(new SocialValueRule(["carbon-reduction-plan", "local-employment"]), offering);

        Assert.Equal((0.5, "Commits to a Carbon Reduction Plan: \"Carbon Reduction Plan published 2026, net zero by 2045\" (declared 2026-04-01); No commitment to local employment"),
            (line.Score, line.Explanation));
    }

    [Theory]
    [InlineData("north-west", 1.0, "Holds CQC, verified by Care Quality Commission register, no expiry date")]
    [InlineData("london", 0.0, "Does not hold CQC: no CQC attestation")]
    [InlineData("scotland", 1.0, "Registration with the Care Inspectorate or Healthcare Improvement Scotland is not checked by this marketplace: check it before award")]
    [InlineData("wales", 1.0, "Registration with Care Inspectorate Wales or Healthcare Inspectorate Wales is not checked by this marketplace: check it before award")]
    [InlineData("northern-ireland", 1.0, "Registration with the Regulation and Quality Improvement Authority (RQIA) is not checked by this marketplace: check it before award")]
    public void The_care_regulator_is_CQC_in_England_counted_by_the_register_and_elsewhere_named_and_left_to_the_buyer(string region, double score, string explanation)
    {
        var template = Template(Criterion("regulator", new CareRegulatorRule(), 1));
        // CQC held only by the offering's supplier in the North West; London's offering is another supplier's.
        var supplier = region == "london" ? "wear" : "pennine";
        var offering = Offering("off-1", supplier) with { Regions = [region] };

        var line = Line(new CareRegulatorRule(), offering, [Attestation("pennine", "CQC", decidedBy: "cqc")], Specification(template, region: region));

        Assert.Equal((score, explanation), (line.Score, line.Explanation));
    }

    [Fact]
    public void A_standard_is_named_in_words_when_its_name_is_known()
    {
        var template = Template(Criterion("dspt", new StandardHeldRule("DSPT"), 1), Criterion("ce", new StandardHeldRule("CYBER-ESSENTIALS"), 1),
            Criterion("scaip", new StandardHeldRule("SCAIP"), 1));
        var input = Input([Offering("off-1")], [Attestation("pennine", "DSPT", expires: new DateOnly(2027, 6, 30), decidedBy: "dspt")]) with
        {
            StandardNames = new Dictionary<string, string>
            {
                ["DSPT"] = "Data Security and Protection Toolkit",
                ["CYBER-ESSENTIALS"] = "Cyber Essentials",
                ["SCAIP"] = "TS 50134-9 Social Care Alarm Internet Protocol (SCAIP)",
            },
        };

        var lines = Assert.Single(Scorer.Score(template, Specification(template), input).Entries).Criteria;

        Assert.Equal(
            [
                "Holds the Data Security and Protection Toolkit (DSPT), verified by Data Security and Protection Toolkit, expires 2027-06-30",
                "Does not hold Cyber Essentials (CYBER-ESSENTIALS): no CYBER-ESSENTIALS attestation",
                "Does not hold TS 50134-9 Social Care Alarm Internet Protocol (SCAIP): no SCAIP attestation",
            ],
            lines.Select(l => l.Explanation));
    }

    [Fact]
    public void Lead_time_passes_up_to_and_including_the_limit()
    {
        var at = Line(new LeadTimeAtMostRule(20), Offering("off-1") with { LeadTimeDays = 20 });
        var over = Line(new LeadTimeAtMostRule(20), Offering("off-1") with { LeadTimeDays = 21 });

        Assert.Equal((1.0, "Lead time 20 days, within 20 days"), (at.Score, at.Explanation));
        Assert.Equal((0.0, "Lead time 21 days, more than 20 days"), (over.Score, over.Explanation));
    }

    [Fact]
    public void Price_scores_the_lowest_eligible_whole_life_cost_over_this_one()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var shortlist = Scorer.Score(template, Specification(template, volume: 100, months: 36),
            Input([Offering("cheap", amount: 150m), Offering("dear", amount: 200m)]));

        var cheap = shortlist.Entries.Single(e => e.OfferingId == "cheap").Criteria[0];
        var dear = shortlist.Entries.Single(e => e.OfferingId == "dear").Criteria[0];

        Assert.Equal(15_000m, shortlist.LowestWholeLifeCostGbp);
        Assert.Equal(1.0, cheap.Score);
        Assert.Equal(0.75, dear.Score, 12);
        Assert.Equal("Whole-life cost £15,000.00 (£150.00 per unit × 100 units, one-off); lowest eligible £15,000.00, the lowest; score 1.00", cheap.Explanation);
        Assert.Equal("Whole-life cost £20,000.00 (£200.00 per unit × 100 units, one-off); lowest eligible £15,000.00; score £15,000.00 ÷ £20,000.00 = 0.75", dear.Explanation);
    }

    [Fact]
    public void Price_ignores_offerings_that_are_not_eligible()
    {
        var template = Template(Gate("region", new RegionServedRule()), Criterion("price", new PriceRule(), 1));
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("cheap-elsewhere", amount: 1m) with { Regions = ["london"] }, Offering("dear", amount: 200m)]));

        Assert.Equal(1.0, Assert.Single(shortlist.Entries).Criteria[0].Score);
        Assert.Equal(20_000m, shortlist.LowestWholeLifeCostGbp);
    }

    [Fact]
    public void A_free_offering_scores_full_price_marks_and_the_others_none()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var shortlist = Scorer.Score(template, Specification(template), Input([Offering("free", amount: 0m), Offering("paid", amount: 10m)]));

        Assert.Equal([1.0, 0.0], shortlist.Entries.Select(e => e.Criteria[0].Score));
        Assert.Equal("Whole-life cost £1,000.00 (£10.00 per unit × 100 units, one-off); lowest eligible £0.00; score £0.00 ÷ £1,000.00 = 0.00",
            shortlist.Entries[1].Criteria[0].Explanation);
    }

    [Fact]
    public void A_price_criterion_that_names_its_price_models_excludes_offerings_priced_otherwise_and_compares_the_rest()
    {
        var template = Template(Criterion("price", new PriceRule(["per-patient-per-month", "managed-service-monthly"]), 1));
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("hub", amount: 274m, model: "per-unit"), Offering("platform", amount: 30m, model: "per-patient-per-month")]));

        Assert.Equal(["platform"], shortlist.Entries.Select(e => e.OfferingId));
        Assert.Equal(new ExclusionReason(ExclusionCodes.PriceBasis, "price",
                "priced per unit (one-off); this specification compares per patient per month or managed-service monthly prices only"),
            Assert.Single(Assert.Single(shortlist.Exclusions).Reasons));
        Assert.Equal(108_000m, shortlist.LowestWholeLifeCostGbp);
    }

    [Fact]
    public void An_unknown_price_model_gets_no_price_marks_and_no_cost()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var shortlist = Scorer.Score(template, Specification(template), Input([Offering("odd", model: "per-smile"), Offering("plain")]));

        var odd = shortlist.Entries.Single(e => e.OfferingId == "odd");
        Assert.Null(odd.WholeLifeCostGbp);
        Assert.Equal(0.0, odd.Criteria[0].Score);
        Assert.Equal("No whole-life cost (unknown price model 'per-smile'), so no price marks", odd.Criteria[0].Explanation);
    }
}
