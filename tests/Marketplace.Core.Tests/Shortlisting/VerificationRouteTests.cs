using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Core.Standards;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>What counts for a standard-held rule, by the standard's verification route (DOMAIN.md standards register).</summary>
public sealed class VerificationRouteTests
{
    private const string Mine = "nhs-mersey-vale-icb";
    private const string Theirs = "nhs-trent-valley-icb";

    private static readonly Dictionary<string, string> Routes = new(StringComparer.Ordinal)
    {
        ["DSPT"] = VerificationRoute.Register,
        ["TSA-QSF"] = VerificationRoute.Certifier,
        ["DCB0129"] = VerificationRoute.Declaration,
        ["WCAG21-AA"] = VerificationRoute.Declaration,
        ["DTAC"] = VerificationRoute.BuyerAssessed,
        ["NICE-ESF"] = VerificationRoute.BuyerAssessed,
    };

    private static readonly Offering Platform = Offering("off-1") with { ProductVersion = "3.1" };

    private static CriterionLine Line(StandardHeldRule rule, Offering offering, IEnumerable<Attestation>? attestations = null, IEnumerable<BuyerAssessment>? assessments = null)
    {
        var template = Template(Criterion("crit", rule, 1));
        var input = Input([offering], attestations) with { Routes = Routes, CommissionerId = Mine, Assessments = [.. assessments ?? []] };
        return Assert.Single(Assert.Single(Scorer.Score(template, Specification(template), input).Entries).Criteria);
    }

    private static Attestation Declared(string code, string? release = "3.1", string? officer = "Dr Priya Shah", string? testedBy = null) =>
        Attestation("pennine", code, offering: "off-1", status: AttestationStatus.Declared) with
        {
            ProductRelease = release, ClinicalSafetyOfficer = officer, TestedBy = testedBy,
        };

    private static BuyerAssessment Dtac(string commissioner, string? version = "3.1", bool securityPasses = true) => new()
    {
        Id = BuyerAssessment.IdOf(commissioner, "off-1", "DTAC"),
        OfferingId = "off-1",
        SupplierId = "pennine",
        CommissionerId = commissioner,
        StandardCode = "DTAC",
        ProductVersion = version,
        Dtac = new DtacResult(new AreaResult(true), new AreaResult(true),
            new AreaResult(securityPasses, securityPasses ? "" : "Penetration test is 19 months old."), new AreaResult(true)),
        Outcome = securityPasses ? AssessmentOutcome.Passed : AssessmentOutcome.Failed,
        AssessedAt = new DateTimeOffset(2026, 10, 2, 14, 30, 0, TimeSpan.Zero),
        AssessedBy = "usr-1",
    };

    [Fact]
    public void A_manufacturers_DCB0129_declaration_with_a_named_CSO_counts_where_the_template_accepts_declarations()
    {
        var line = Line(new StandardHeldRule("DCB0129", AcceptDeclaration: true), Platform, [Declared("DCB0129")]);

        Assert.Equal(1.0, line.Score);
        Assert.Equal("DCB0129 declared by the supplier for this offering (CSO: Dr Priya Shah), release 3.1", line.Explanation);
    }

    [Fact]
    public void A_self_declaration_does_not_count_where_the_template_wants_an_independent_test_but_a_tested_one_does()
    {
        var self = Line(new StandardHeldRule("WCAG21-AA"), Platform, [Declared("WCAG21-AA", officer: null)]);
        var tested = Line(new StandardHeldRule("WCAG21-AA"), Platform, [Declared("WCAG21-AA", officer: null, testedBy: "Shaw Trust Accessibility Services")]);

        Assert.Equal((0.0, "Does not hold WCAG21-AA: WCAG21-AA is declared by the supplier without an independent test report, and this requirement needs one"),
            (self.Score, self.Explanation));
        Assert.Equal((1.0, "WCAG21-AA declared by the supplier for this offering, release 3.1, tested by Shaw Trust Accessibility Services"), (tested.Score, tested.Explanation));
    }

    [Fact]
    public void A_declaration_for_an_earlier_release_or_without_a_CSO_does_not_count()
    {
        var earlier = Line(new StandardHeldRule("DCB0129", AcceptDeclaration: true), Platform, [Declared("DCB0129", release: "3.0")]);
        var unsigned = Line(new StandardHeldRule("DCB0129", AcceptDeclaration: true), Platform, [Declared("DCB0129", officer: null)]);

        Assert.Equal("Does not hold DCB0129: DCB0129 is declared for release 3.0; the product is now 3.1", earlier.Explanation);
        Assert.Equal("Does not hold DCB0129: the supplier's DCB0129 declaration names no Clinical Safety Officer", unsigned.Explanation);
        Assert.Equal((0.0, 0.0), (earlier.Score, unsigned.Score));
    }

    [Fact]
    public void A_declaration_never_counts_for_a_certifier_or_register_standard()
    {
        var line = Line(new StandardHeldRule("DSPT", AcceptDeclaration: true), Platform,
            [Attestation("pennine", "DSPT", status: AttestationStatus.Declared)]);

        Assert.Equal(0.0, line.Score);
    }

    [Fact]
    public void A_suppliers_verified_DTAC_attestation_never_counts_only_the_commissioners_own_passing_assessment_does()
    {
        var attested = Line(new StandardHeldRule("DTAC"), Platform, [Attestation("pennine", "DTAC", offering: "off-1")]);
        var assessed = Line(new StandardHeldRule("DTAC"), Platform, assessments: [Dtac(Mine)]);

        Assert.Equal((0.0, "Does not hold DTAC: no DTAC assessment by you of this version"), (attested.Score, attested.Explanation));
        Assert.Equal((1.0, "Your assessment of version 3.1 against DTAC: passed 2026-10-02"), (assessed.Score, assessed.Explanation));
    }

    [Fact]
    public void Another_commissioners_assessment_never_counts()
    {
        var line = Line(new StandardHeldRule("DTAC"), Platform, assessments: [Dtac(Theirs)]);

        Assert.Equal((0.0, "Does not hold DTAC: no DTAC assessment by you of this version"), (line.Score, line.Explanation));
    }

    [Fact]
    public void An_assessment_lapses_when_the_product_version_changes()
    {
        var line = Line(new StandardHeldRule("DTAC"), Platform with { ProductVersion = "3.2" }, assessments: [Dtac(Mine)]);

        Assert.Equal(0.0, line.Score);
        Assert.Equal("Does not hold DTAC: no DTAC assessment by you of this version (yours is of version 3.1; the offering now lists version 3.2)", line.Explanation);
    }

    [Fact]
    public void A_failed_assessment_says_which_area_failed_and_why()
    {
        var line = Line(new StandardHeldRule("DTAC"), Platform, assessments: [Dtac(Mine, securityPasses: false)]);

        Assert.Equal((0.0, "Does not hold DTAC: your DTAC assessment of version 3.1 failed: technical security (Penetration test is 19 months old)"),
            (line.Score, line.Explanation));
    }

    [Fact]
    public void A_locked_shortlist_keeps_the_assessment_that_counted_and_reproduces_after_it_changes()
    {
        var template = Template(Gate("dtac", new StandardHeldRule("DTAC")), Criterion("lead", new LeadTimeAtMostRule(365), 1));
        var input = Input([Platform], []) with { Routes = Routes, CommissionerId = Mine, Assessments = [Dtac(Mine), Dtac(Theirs)] };
        var scored = Scorer.Score(template, Specification(template), input);
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = Mine, Title = "Remote monitoring", TemplateId = template.Id, TemplateVersion = template.Version,
            LotId = Lot3, Region = "north-west", Volume = 100, ContractMonths = 36,
            CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "usr-1", UpdatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "usr-1",
        };
        var draft = ShortlistLocking.Draft("sl-1", specification, template, input, scored, 8, new ShortlistContext("t", "f", "F", "F", "l", "c"), DateTimeOffset.UnixEpoch, "usr-1");

        Assert.Single(scored.Entries);
        var kept = Assert.Single(draft.Snapshot.Assessments!);
        Assert.Equal((Dtac(Mine).Id, "3.1"), (kept.Id, kept.ProductVersion));
        Assert.Equal(ShortlistLocking.HashOf(draft.Snapshot, draft.Result.Entries), ShortlistLocking.RescoredHashOf(draft.Snapshot));
        // Without the assessment the snapshot no longer gives the listed entry.
        Assert.Empty(ShortlistLocking.Rescore(draft.Snapshot with { Assessments = [] }));
    }
}
