using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Shortlisting;
using Xunit.Abstractions;

namespace Marketplace.Seed.Tests;

/// <summary>
/// Issue 13's "done when" over the committed seed: the shortlists a commissioner gets from the seed's templates are ones
/// it could defend. The commissioner is NHS Mersey Vale ICB, in the North West, where the schema's example
/// specification is written for.
/// </summary>
public sealed class DefensibleShortlistTests(ITestOutputHelper output)
{
    private const string Commissioner = "nhs-mersey-vale-icb";

    [Fact]
    public void The_example_telehealth_specification_puts_first_three_platforms_with_a_dashboard_alert_limits_MHRA_registration_and_DTAC()
    {
        var seed = ScoredSeed.Committed;
        var specification = ScoredSeed.ExampleSpecification();
        var template = ScoredSeed.Template(specification.TemplateId);
        Assert.Empty(SpecificationRules.Validate(specification, template, seed.Framework));

        var shortlist = seed.Score(template, specification, Commissioner);

        foreach (var entry in shortlist.Entries)
        {
            output.WriteLine($"{entry.Rank}. {entry.OfferingId} {entry.OfferingName} ({seed.Offering(entry.OfferingId).Category}) {entry.Total:0.00}");
        }
        Assert.True(shortlist.Entries.Count >= 3, $"only {shortlist.Entries.Count} eligible");
        // The example is written for a COPD and heart failure cohort: nothing that cannot monitor both is ranked at all.
        var cohort = specification.Values!["conditions"].EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(["copd", "heart-failure"], cohort);
        Assert.All(shortlist.Entries, entry => Assert.Superset(cohort.ToHashSet(), seed.Offering(entry.OfferingId).Conditions.ToHashSet()));
        Assert.Contains(shortlist.Exclusions, e => e.Reasons.Any(r => r.RequirementId == "conditions" && r.Explanation.Contains("not heart failure", StringComparison.Ordinal)));
        Assert.All(shortlist.Entries.Take(3), entry =>
        {
            var offering = seed.Offering(entry.OfferingId);
            var declared = offering.Capabilities.Select(d => d.Capability).ToList();
            Assert.Contains("clinician-dashboard", declared);
            Assert.Contains("configurable-alert-limits", declared);
            Assert.Contains(seed.Attestations, a => a.OfferingId == offering.Id && a.StandardCode == "MHRA-REG" && a.Status == AttestationStatus.Verified
                && (a.ExpiresOn is null || a.ExpiresOn >= ScoredSeed.Today));
            Assert.Contains(seed.Assessments, a => a.OfferingId == offering.Id && a.StandardCode == "DTAC" && a.CommissionerId == Commissioner
                && a.Outcome == AssessmentOutcome.Passed && a.ProductVersion == offering.ProductVersion);
        });
    }

    /// <summary>A North West commissioner's specification for each lot: volume and term as that lot is bought.</summary>
    public static TheoryData<string, int, int> Specifications() => new()
    {
        { "telecare-products", 500, 24 },             // units bought outright
        { "alarm-receiving-centre", 3000, 36 },       // connections
        { "responder-service", 3000, 36 },            // connections
        { "telehealth-remote-monitoring", 400, 36 },  // patients
        { "clinical-triage-service", 400, 24 },       // patients
        { "telecoaching", 250, 24 },                  // participants
        { "managed-telehealth-service", 2000, 60 },   // patients, a pathfinder-sized cohort
    };

    [Fact]
    public void Every_seeded_template_has_a_specification_here()
    {
        Assert.Equal(ScoredSeed.TemplateIds(), Specifications().Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Specifications))]
    public void Each_template_shortlists_offerings_of_a_category_it_is_for(string templateId, int volume, int months)
    {
        var seed = ScoredSeed.Committed;
        var template = ScoredSeed.Template(templateId);
        var specification = new Specification
        {
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            LotId = seed.Framework.Lots.Single(l => l.Number == template.Lot).Id,
            Region = "north-west",
            Volume = volume,
            ContractMonths = months,
        };
        Assert.Empty(SpecificationRules.Validate(specification, template, seed.Framework));
        var categories = template.Sections.SelectMany(s => s.Requirements).Select(r => r.Rule).OfType<CategoryRule>().Single().Categories;

        var shortlist = seed.Score(template, specification, Commissioner);

        output.WriteLine($"{shortlist.Entries.Count} ranked, {shortlist.Exclusions.Count} left out; top: "
            + string.Join(", ", shortlist.Entries.Take(3).Select(e => $"{e.OfferingId} {e.OfferingName} {e.Total:0.00}")));
        // Why the offerings of the template's categories on the lot were left out, gate by gate, for the failure message.
        var gatesFailed = shortlist.Exclusions.Where(e => categories.Contains(seed.Offering(e.OfferingId).Category) && seed.Offering(e.OfferingId).Lots.Contains(specification.LotId))
            .SelectMany(e => e.Reasons).GroupBy(r => r.RequirementId ?? r.Code).Select(g => $"{g.Key} ×{g.Count()}");
        Assert.True(shortlist.Entries.Count > 0, "nothing eligible; gates failed: " + string.Join(", ", gatesFailed));
        Assert.Contains(seed.Offering(shortlist.Entries[0].OfferingId).Category, categories);
    }
}
