using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>The total, its breakdown, the ranking and its tie-breaks, whole-life cost and budget.</summary>
public sealed class ScoringTests
{
    [Fact]
    public void The_total_is_100_times_the_weighted_mean_score_and_the_points_add_up_to_it()
    {
        var template = Template(
            Criterion("conditions", new ConditionCoveredRule(["copd", "heart-failure", "diabetes"]), 30),
            Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 20),
            Criterion("scaip", new InteroperabilityRule(["scaip"]), 10),
            Criterion("unused", new InteroperabilityRule(["hscn"]), 0));

        var entry = Assert.Single(Scorer.Score(template, Specification(template), Input([Offering("off-1")])).Entries);

        // s = 1/3, 1, 0, 0 with w = 30, 20, 10, 0: 100 × (10 + 20) / 60 = 50.
        Assert.Equal(50.0, entry.Total, 10);
        Assert.Equal([100.0 * 30 * (1.0 / 3) / 60, 100.0 * 20 / 60, 0.0, 0.0], entry.Criteria.Select(c => c.Points));
        Assert.Equal(entry.Total, entry.Criteria.Sum(c => c.Points), 10);
        Assert.Equal([30, 20, 10, 0], entry.Criteria.Select(c => c.Weight));
    }

    [Fact]
    public void The_specifications_weights_replace_the_template_defaults()
    {
        var template = Template(Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 50), Criterion("scaip", new InteroperabilityRule(["scaip"]), 50));
        var specification = Specification(template) with { Weights = new Dictionary<string, int> { ["scaip"] = 0 } };

        var entry = Assert.Single(Scorer.Score(template, specification, Input([Offering("off-1")])).Entries);

        Assert.Equal(100.0, entry.Total);
        Assert.Equal([50, 0], entry.Criteria.Select(c => c.Weight));
    }

    [Fact]
    public void Higher_total_ranks_first()
    {
        var template = Template(Criterion("scaip", new InteroperabilityRule(["scaip"]), 1));
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("a"), Offering("b") with { Interoperability = ["scaip"] }]));

        Assert.Equal([("b", 1, 100.0), ("a", 2, 0.0)], shortlist.Entries.Select(e => (e.OfferingId, e.Rank, e.Total)));
    }

    [Fact]
    public void Equal_totals_rank_more_verified_standards_first()
    {
        var template = Template(Criterion("scaip", new InteroperabilityRule(["scaip"]), 1));
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("a"), Offering("b", supplier: "wear")], [Attestation("wear", "ISO27001"), Attestation("wear", "CQC"), Attestation("pennine", "CQC")]));

        Assert.Equal([("b", 2), ("a", 1)], shortlist.Entries.Select(e => (e.OfferingId, e.VerifiedStandards)));
    }

    [Fact]
    public void Standards_held_both_ways_count_once()
    {
        var template = Template(Criterion("scaip", new InteroperabilityRule(["scaip"]), 1));
        var entry = Assert.Single(Scorer.Score(template, Specification(template), Input([Offering("a")],
            [Attestation("pennine", "TSA-QSF"), Attestation("pennine", "TSA-QSF", offering: "a"), Attestation("pennine", "SCAIP", offering: "a")])).Entries);

        Assert.Equal(2, entry.VerifiedStandards);
    }

    [Fact]
    public void Equal_totals_and_standards_rank_the_lower_whole_life_cost_first_then_the_lower_offering_id()
    {
        var template = Template(Criterion("scaip", new InteroperabilityRule(["scaip"]), 1));
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("c", amount: 90m), Offering("b", amount: 100m), Offering("a", amount: 100m), Offering("z", model: "per-smile")]));

        Assert.Equal(["c", "a", "b", "z"], shortlist.Entries.Select(e => e.OfferingId));
        Assert.Equal([1, 2, 3, 4], shortlist.Entries.Select(e => e.Rank));
    }

    [Fact]
    public void The_order_shown_is_the_order_ranked_the_totals_never_rise_down_the_list()
    {
        var template = Template(
            Criterion("price", new PriceRule(), 40),
            Criterion("conditions", new ConditionCoveredRule(["copd", "heart-failure", "diabetes"]), 30),
            Criterion("tsa", new StandardHeldRule("TSA-QSF"), 30));
        var offerings = Enumerable.Range(1, 30).Select(i => Offering($"off-{i:00}", supplier: i % 2 == 0 ? "pennine" : "wear", amount: 50 + (i * 37 % 23)) with
        {
            Conditions = i % 3 == 0 ? ["copd", "diabetes"] : ["heart-failure"],
        });

        var shortlist = Scorer.Score(template, Specification(template), Input(offerings, [Attestation("wear", "TSA-QSF")]));

        Assert.Equal(30, shortlist.Entries.Count);
        Assert.True(shortlist.Entries.Zip(shortlist.Entries.Skip(1)).All(p => p.First.Total >= p.Second.Total));
        Assert.Equal(Enumerable.Range(1, 30), shortlist.Entries.Select(e => e.Rank));
    }

    [Theory]
    [InlineData("per-unit", 150.00, 15_000.00)]
    [InlineData("per-installation", 60.00, 6_000.00)]
    [InlineData("per-connection-per-week", 4.10, 63_960.00)]
    [InlineData("per-patient-per-month", 30.00, 108_000.00)]
    [InlineData("managed-service-monthly", 86.00, 309_600.00)]
    public void Whole_life_cost_follows_the_price_model_for_100_over_36_months(string model, double amount, double expected)
    {
        // per connection per week: 36 months = 156 weeks; 4.10 × 100 × 156 = 63,960.
        Assert.Equal((decimal)expected, WholeLifeCost.Of(new OfferingPrice(model, (decimal)amount), 100, 36));
    }

    [Fact]
    public void A_managed_services_maximum_outcome_reward_is_part_of_its_whole_life_cost_and_of_the_sum_shown()
    {
        var price = new OfferingPrice("managed-service-monthly", 86m, 130m);

        // 86 × 100 × 36 = 309,600 plus 130 × 100 × 36 ÷ 12 = 39,000.
        Assert.Equal(348_600m, WholeLifeCost.Of(price, 100, 36));
        Assert.Equal("£86.00 per enrolled patient per month × 100 patients × 36 months + maximum outcome reward £130.00 per patient per year × 100 patients × 36 months ÷ 12 (£39,000.00)",
            WholeLifeCost.Describe(price, 100, 36));
        Assert.Equal(1m * 1 * 7 + 12m * 1 * 7 / 12, WholeLifeCost.Of(new OfferingPrice("managed-service-monthly", 1m, 12m), 1, 7));
    }

    [Fact]
    public void A_low_fee_with_a_large_outcome_reward_is_not_the_cheaper_offer()
    {
        var template = Template(Criterion("price", new PriceRule(["managed-service-monthly"]), 1));
        var rewarded = Offering("rewarded", amount: 80m, model: "managed-service-monthly") with { Price = new OfferingPrice("managed-service-monthly", 80m, 120m) };
        var flat = Offering("flat", amount: 88m, model: "managed-service-monthly");

        var shortlist = Scorer.Score(template, Specification(template, volume: 100, months: 36), Input([rewarded, flat]));

        // 80 × 3,600 + 120 × 300 = 324,000 against 88 × 3,600 = 316,800.
        Assert.Equal(["flat", "rewarded"], shortlist.Entries.Select(e => e.OfferingId));
        Assert.Equal(324_000m, shortlist.Entries[1].WholeLifeCostGbp);
        Assert.Equal("Whole-life cost £324,000.00 (£80.00 per enrolled patient per month × 100 patients × 36 months + maximum outcome reward £120.00 per patient per year " +
            "× 100 patients × 36 months ÷ 12 (£36,000.00)); lowest eligible £316,800.00; score £316,800.00 ÷ £324,000.00 = 0.98", shortlist.Entries[1].Criteria[0].Explanation);
    }

    [Fact]
    public void Per_connection_per_week_over_odd_months_uses_fractional_weeks()
    {
        Assert.Equal(1m * 1 * 7 * 52 / 12, WholeLifeCost.Of(new OfferingPrice("per-connection-per-week", 1m), 1, 7));
        Assert.Equal("£1.00 per connection per week × 1 connection × 30.33 weeks (7 months)", WholeLifeCost.Describe(new OfferingPrice("per-connection-per-week", 1m), 1, 7));
    }

    [Fact]
    public void Budget_informs_but_never_excludes()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var specification = Specification(template) with { BudgetGbp = 15_000m };

        var shortlist = Scorer.Score(template, specification, Input([Offering("within", amount: 150m), Offering("over", amount: 150.01m)]));

        Assert.Equal([("within", (bool?)true), ("over", false)], shortlist.Entries.Select(e => (e.OfferingId, e.WithinBudget)));
        Assert.Empty(shortlist.Exclusions);
        Assert.All(Scorer.Score(template, Specification(template), Input([Offering("x")])).Entries, e => Assert.Null(e.WithinBudget));
    }

    [Fact]
    public void The_shortlist_records_what_was_scored()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));

        var shortlist = Scorer.Score(template, Specification(template), Input([Offering("x")]));

        Assert.Equal(("test-template", 1, Lot3, 3, Today), (shortlist.TemplateId, shortlist.TemplateVersion, shortlist.LotId, shortlist.LotNumber, shortlist.EvaluationDate));
        var entry = Assert.Single(shortlist.Entries);
        Assert.Equal(("x", "Offering x", "pennine", "Supplier pennine", 10_000m), (entry.OfferingId, entry.OfferingName, entry.SupplierId, entry.SupplierName, entry.WholeLifeCostGbp));
    }

    [Fact]
    public void An_invalid_specification_is_refused_with_its_errors()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));

        var error = Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template, volume: 0), Input([Offering("x")])));

        Assert.Contains("volume:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lot_that_is_not_in_the_framework_is_refused()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));

        var error = Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template, lot: "ttc-2026-lot-9"), Input([Offering("x")])));

        Assert.Contains("lotId: 'ttc-2026-lot-9' is not a lot of framework TTC-2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_offering_twice_or_with_the_wrong_supplier_is_refused()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var twice = Input([Offering("x"), Offering("x")]);
        var wrongSupplier = Input([Offering("x")]) with { Offerings = [new CandidateOffering(Offering("x"), Supplier("wear"))] };

        Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template), twice));
        Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template), wrongSupplier));
    }

    [Fact]
    public void The_shortlist_serialises_to_json_for_storage_and_audit()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var shortlist = Scorer.Score(template, Specification(template), Input([Offering("x")]));

        var json = JsonSerializer.Serialize(shortlist, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Contains("\"entries\":[{\"rank\":1,\"offeringId\":\"x\"", json, StringComparison.Ordinal);
    }
    [Fact]
    public void An_offerings_own_attestation_counts_for_it_and_not_for_its_suppliers_other_offerings()
    {
        var template = Template(Criterion("iso", new StandardHeldRule("ISO27001"), 1), Criterion("dspt", new StandardHeldRule("DSPT"), 1));
        // Scored in this order, "a" and "c" hold only the supplier's DSPT; "b" holds ISO 27001 of its own as well.
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("a"), Offering("b"), Offering("c")], [Attestation("pennine", "DSPT"), Attestation("pennine", "ISO27001", offering: "b")]));

        Assert.Equal([("b", 100.0), ("a", 50.0), ("c", 50.0)], shortlist.Entries.Select(e => (e.OfferingId, e.Total)));
        Assert.StartsWith("Does not hold ISO27001", shortlist.Entries[2].Criteria[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclusions_are_listed_by_offering_id_whatever_order_the_candidates_come_in()
    {
        var template = Template(Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 1));
        var shortlist = Scorer.Score(template, Specification(template),
            Input([Offering("c") with { Lots = [] }, Offering("a") with { Lots = [] }, Offering("b") with { Lots = [] }]));

        Assert.Equal(["a", "b", "c"], shortlist.Exclusions.Select(e => e.OfferingId));
        Assert.All(shortlist.Exclusions, e => Assert.Equal("not in lot 3", Assert.Single(e.Reasons).Explanation));
    }
}
