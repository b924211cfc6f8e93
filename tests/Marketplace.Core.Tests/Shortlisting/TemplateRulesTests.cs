using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

public sealed class TemplateRulesTests
{
    [Fact]
    public void A_well_formed_template_has_no_errors() =>
        Assert.Empty(TemplateRules.Validate(Template(Gate("dspt", new StandardHeldRule("DSPT")), Criterion("price", new PriceRule(), 1))));

    [Fact]
    public void Each_problem_is_reported_at_its_path()
    {
        var template = Template(
            Gate("dspt", new StandardHeldRule("DSPT")) with { DefaultWeight = 5 },
            Gate("cheap", new PriceRule()),
            Criterion("dspt", new StandardHeldRule("NOT-A-STANDARD"), 1),
            Criterion("no-weight", new LeadTimeAtMostRule(400), 1) with { DefaultWeight = null },
            Criterion("conditions", new ConditionCoveredRule(["copd", "gout"]), 1),
            Criterion("region", new RegionServedRule("atlantis"), 1),
            Criterion("phrase", new FeaturePresentRule(" "), 1),
            Criterion("price", new PriceRule(), 1),
            Criterion("price-again", new PriceRule(), 1));

        Assert.Equal(
            [
                "sections[0].requirements[0].defaultWeight",
                "sections[0].requirements[1].rule",
                "sections[0].requirements[2].id",
                "sections[0].requirements[2].rule.code",
                "sections[0].requirements[3].rule.days",
                "sections[0].requirements[3].defaultWeight",
                "sections[0].requirements[4].rule.conditions[1]",
                "sections[0].requirements[5].rule.region",
                "sections[0].requirements[6].rule.type",
                "sections[0].requirements[8].rule",
            ],
            TemplateRules.Validate(template).Select(e => e.Path));
    }

    [Fact]
    public void Feature_present_is_retired_because_free_text_never_scores()
    {
        var template = Template(Criterion("hosting", new FeaturePresentRule("UK data centres"), 1));

        Assert.Equal([new SpecificationError("sections[0].requirements[0].rule.type", "retired: free text never scores; use capability-declared")],
            TemplateRules.Validate(template));
        Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template), Input([Offering("x")])));
    }

    [Fact]
    public void A_shortlist_scored_on_a_template_version_since_retired_is_neither_locked_nor_re_scored_and_says_why()
    {
        var template = Template(Criterion("price", new PriceRule(), 1));
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = "commissioner", Title = "Old", TemplateId = template.Id, TemplateVersion = 1, LotId = Lot3, Region = "north-west", Volume = 10, ContractMonths = 12,
        };
        var input = Input([Offering("x")]);
        var draft = ShortlistLocking.Draft("sl-1", specification, template, input, Scorer.Score(template, specification, input), 8,
            new ShortlistContext("Test template", "ttc-2026", "TTC-2026", "Framework", "Lot 3", "Commissioner"), DateTimeOffset.UnixEpoch, "user");
        // As stored before feature-present was retired.
        var old = draft with
        {
            Snapshot = draft.Snapshot with { Template = Template(Criterion("hosting", new FeaturePresentRule("UK data centres"), 1)) },
        };

        var (locked, conflict) = ShortlistLocking.Lock(old, DateTimeOffset.UnixEpoch, "user");
        var (decided, refusal) = ShortlistEquivalents.Decide(old, "att-1", accept: true, "Equivalent", DateTimeOffset.UnixEpoch, "user");

        Assert.Null(locked);
        Assert.Equal(ShortlistLocking.TemplateRetired, conflict!.Value.Code);
        Assert.Contains("version 1 of template 'test-template', which can no longer be scored (retired: free text never scores", conflict.Value.Detail, StringComparison.Ordinal);
        Assert.Null(decided);
        Assert.Equal(EquivalentRefusalKind.TemplateRetired, refusal!.Kind);
        Assert.Null(ShortlistLocking.Retired(draft.Snapshot));
        Assert.NotNull(ShortlistLocking.Lock(draft, DateTimeOffset.UnixEpoch, "user").Locked);
    }

    [Fact]
    public void Requirement_ids_must_be_unique_across_sections()
    {
        var template = Template(Criterion("price", new PriceRule(), 1)) with
        {
            Sections =
            [
                new TemplateSection { Id = "part-a", Title = "A", Requirements = [Criterion("price", new PriceRule(), 1)] },
                new TemplateSection { Id = "part-b", Title = "B", Requirements = [Criterion("price", new LeadTimeAtMostRule(3), 1)] },
            ],
        };

        var errors = TemplateRules.Validate(template);
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        Assert.Equal(new SpecificationError("sections[1].requirements[0].id", "requirement id 'price' is used twice"), errors[0]);
    }

    [Fact]
    public void A_template_needs_a_criterion_with_weight() =>
        Assert.Equal("sections", Assert.Single(TemplateRules.Validate(Template(Gate("dspt", new StandardHeldRule("DSPT")), Criterion("price", new PriceRule(), 0)))).Path);

    [Fact]
    public void An_invalid_template_is_refused_by_the_scorer()
    {
        var template = Template(Gate("price", new PriceRule()), Criterion("lead", new LeadTimeAtMostRule(1), 1));

        Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template), Input([Offering("x")])));
    }
}
