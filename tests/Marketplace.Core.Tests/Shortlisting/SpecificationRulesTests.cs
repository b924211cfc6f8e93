using System.Text.Json;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>A specification is checked against its template, with each error keyed by the JSON path at fault.</summary>
public sealed class SpecificationRulesTests
{
    private static readonly KeyRequirementsTemplate Template = Build.Template(
        Gate("dspt", new StandardHeldRule("DSPT")),
        Gate("region", new RegionServedRule()),
        Criterion("conditions", new ConditionCoveredRule(["copd"]), 20),
        Criterion("digital", new ConnectivityRule(["digital", "both"]), 10),
        Criterion("category", new CategoryRule(["vital-signs-hub", "pulse-oximeter"]), 10),
        Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 10),
        Criterion("uk-hosting", new CapabilityDeclaredRule(["uk-data-hosting"]), 10),
        Criterion("lead-time", new LeadTimeAtMostRule(20), 10),
        Criterion("price", new PriceRule(), 30));

    private static IReadOnlyList<SpecificationError> Validate(Specification specification) =>
        SpecificationRules.Validate(specification, Template, Framework("pennine"));

    private static Specification With(string weightsJson = "{}", string valuesJson = "{}") => Specification(Template) with
    {
        Weights = JsonSerializer.Deserialize<Dictionary<string, int>>(weightsJson)!,
        Values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(valuesJson)!,
    };

    [Fact]
    public void A_complete_specification_has_no_errors()
    {
        var specification = With(
            """{ "price": 40, "lead-time": 0 }""",
            """
            {
              "region": "wales", "conditions": ["copd", "heart-failure"], "digital": ["both"], "category": ["pulse-oximeter"],
              "fhir": ["fhir-r4-uk-core", "hl7-v2"], "uk-hosting": ["uk-data-hosting", "data-export-on-exit"], "lead-time": 30
            }
            """) with { BudgetGbp = 250_000m };

        Assert.Empty(Validate(specification));
    }

    [Theory]
    [InlineData("""{ "nope": 5 }""", "weights.nope", "template 'test-template' has no requirement 'nope'")]
    [InlineData("""{ "dspt": 5 }""", "weights.dspt", "'dspt' is a gate: gates are pass/fail and take no weight")]
    [InlineData("""{ "price": -1 }""", "weights.price", "a weight is an integer ≥ 0")]
    public void Bad_weights_are_refused_at_their_path(string weights, string path, string message) =>
        Assert.Equal([new SpecificationError(path, message)], Validate(With(weights)));

    [Fact]
    public void All_weights_zero_is_refused_once_the_defaults_are_applied()
    {
        var allZero = """{ "conditions": 0, "digital": 0, "category": 0, "fhir": 0, "uk-hosting": 0, "lead-time": 0, "price": 0 }""";

        Assert.Equal([new SpecificationError("weights", "at least one criterion needs a weight above 0")], Validate(With(allZero)));
        Assert.Empty(Validate(With(allZero.Replace("\"price\": 0", "\"price\": 1", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("""{ "nope": "x" }""", "values.nope", "template 'test-template' has no requirement 'nope'")]
    [InlineData("""{ "dspt": "DSPT" }""", "values.dspt", "requirement 'dspt' (standard-held) takes no value")]
    [InlineData("""{ "price": 10 }""", "values.price", "requirement 'price' (price) takes no value")]
    [InlineData("""{ "region": "atlantis" }""", "values.region", "must be a region slug, e.g. \"north-west\"")]
    [InlineData("""{ "region": ["wales"] }""", "values.region", "must be a region slug, e.g. \"north-west\"")]
    [InlineData("""{ "conditions": "copd" }""", "values.conditions", "must be an array of condition slugs")]
    [InlineData("""{ "conditions": [] }""", "values.conditions", "needs at least one condition")]
    [InlineData("""{ "conditions": ["copd", "gout"] }""", "values.conditions[1]", "'gout' is not a condition")]
    [InlineData("""{ "conditions": ["copd", 7] }""", "values.conditions[1]", "must be a condition slug (a string)")]
    [InlineData("""{ "conditions": ["copd", "copd"] }""", "values.conditions[1]", "'copd' is listed twice")]
    [InlineData("""{ "digital": ["satellite"] }""", "values.digital[0]", "'satellite' is not a connectivity value")]
    [InlineData("""{ "category": ["jetpack"] }""", "values.category[0]", "'jetpack' is not a category")]
    [InlineData("""{ "fhir": ["fhir-r5"] }""", "values.fhir[0]", "'fhir-r5' is not a interoperability standard")]
    [InlineData("""{ "uk-hosting": ["uk-data-hosting", "dashboard"] }""", "values.uk-hosting[1]", "'dashboard' is not a capability")]
    [InlineData("""{ "uk-hosting": "uk-data-hosting" }""", "values.uk-hosting", "must be an array of capability slugs")]
    [InlineData("""{ "category": ["responder-service"] }""", "values.category", "\"responder service\" is not one of this template's categories (vital-signs hub and pulse oximeter)")]
    [InlineData("""{ "category": ["pulse-oximeter", "glucose-meter", "weighing-scales"] }""", "values.category", "\"glucose meter\", \"weighing scales\" are not of this template's categories (vital-signs hub and pulse oximeter)")]
    [InlineData("""{ "lead-time": 2.5 }""", "values.lead-time", "must be a whole number of days from 0 to 365")]
    [InlineData("""{ "lead-time": -1 }""", "values.lead-time", "must be a whole number of days from 0 to 365")]
    [InlineData("""{ "lead-time": "20" }""", "values.lead-time", "must be a whole number of days from 0 to 365")]
    public void Bad_values_are_refused_at_their_path(string values, string path, string message) =>
        Assert.Equal([new SpecificationError(path, message)], Validate(With(valuesJson: values)));

    private static readonly KeyRequirementsTemplate Shared = Build.Template(
        Criterion("quality", new ConditionCoveredRule(["copd"]), 50),
        Criterion("social-value", new SocialValueRule(["carbon-reduction-plan", "local-employment"]), 10) with { MinSharePercent = 5 },
        Criterion("price", new PriceRule(["per-patient-per-month"]), 40) with { MinSharePercent = 20, MaxSharePercent = 40 });

    private static Specification Weighted(KeyRequirementsTemplate template, string weightsJson) =>
        Specification(template) with { Weights = JsonSerializer.Deserialize<Dictionary<string, int>>(weightsJson)! };

    [Theory]
    [InlineData("""{ "price": 40 }""")]
    [InlineData("""{ "price": 20, "quality": 70 }""")]
    [InlineData("""{ "quality": 0, "social-value": 3, "price": 2 }""")]
    public void Shares_within_the_templates_limits_are_accepted(string weights) =>
        Assert.Empty(SpecificationRules.Validate(Weighted(Shared, weights), Shared));

    [Theory]
    [InlineData("""{ "price": 110 }""", "weights.price", "price may be at most 40 % of the total weight; it is 64.71 %")]
    [InlineData("""{ "quality": 150, "social-value": 20 }""", "weights.price", "price must be at least 20 % of the total weight; it is 19.05 %")]
    [InlineData("""{ "social-value": 0, "price": 30 }""", "weights.social-value", "social-value must be at least 5 % of the total weight; it is 0 %")]
    public void A_share_outside_the_templates_limits_is_refused_at_that_criterions_weight(string weights, string path, string message) =>
        Assert.Equal([new SpecificationError(path, message)], SpecificationRules.Validate(Weighted(Shared, weights), Shared));

    [Theory]
    [InlineData("integrated-care-board")]
    [InlineData("health-board")]
    [InlineData("health-and-social-care-trust")]
    public void An_NHS_commissioner_must_weight_social_value_at_10_percent_or_more(string type)
    {
        var under = Weighted(Shared, """{ "social-value": 9, "quality": 51 }""");

        Assert.Equal([new SpecificationError("weights.social-value", "NHS commissioners weight social value and net zero at 10 % or more of the total weight; it is 9 %")],
            SpecificationRules.Validate(under, Shared, commissionerType: type));
        Assert.Empty(SpecificationRules.Validate(Weighted(Shared, """{ "social-value": 10, "quality": 50 }"""), Shared, commissionerType: type));
    }

    [Fact]
    public void A_local_authority_and_the_scorer_never_apply_the_NHS_share()
    {
        var under = Weighted(Shared, """{ "social-value": 6, "quality": 54 }""");

        Assert.Empty(SpecificationRules.Validate(under, Shared, commissionerType: "local-authority"));
        Assert.Single(Scorer.Score(Shared, under, Input([Offering("x", model: "per-patient-per-month")])).Entries);
    }

    [Fact]
    public void An_NHS_commissioner_cannot_fill_in_a_template_version_without_a_social_value_criterion() =>
        Assert.Equal("templateVersion",
            Assert.Single(SpecificationRules.Validate(Specification(Template), Template, commissionerType: "integrated-care-board")).Path);

    [Fact]
    public void Every_top_level_field_is_checked_at_its_own_path()
    {
        var specification = Specification(Template) with
        {
            TemplateId = "other",
            TemplateVersion = 2,
            LotId = "ttc-2026-lot-9",
            Region = "atlantis",
            Volume = 0,
            ContractMonths = 121,
            BudgetGbp = 0m,
        };

        Assert.Equal(
            ["templateId", "templateVersion", "lotId", "region", "volume", "contractMonths", "budgetGbp"],
            Validate(specification).Select(e => e.Path));
    }

    [Fact]
    public void Without_a_framework_any_lot_id_is_accepted_but_an_empty_one_is_not()
    {
        Assert.Empty(SpecificationRules.Validate(Specification(Template, lot: "any-lot"), Template));
        Assert.Equal("lotId", Assert.Single(SpecificationRules.Validate(Specification(Template, lot: " "), Template)).Path);
    }

    [Fact]
    public void Errors_are_reported_together_in_a_stable_order()
    {
        var errors = Validate(With("""{ "zzz": 1, "dspt": 1 }""", """{ "lead-time": "x", "conditions": "y" }"""));

        Assert.Equal(["weights.dspt", "weights.zzz", "values.conditions", "values.lead-time"], errors.Select(e => e.Path));
    }
}
