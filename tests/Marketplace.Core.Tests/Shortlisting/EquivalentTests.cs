using System.Text.Json;
using FsCheck.Xunit;
using Marketplace.Core.Attestations;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>Claimed equivalents on a shortlist: pending until the owning commissioner decides, counted only when accepted, reproduced by the snapshot.</summary>
public sealed class EquivalentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ShortlistContext Context = new("Template", "ttc-2026", "TTC-2026", "Framework", "Lot 3", "Commissioner");

    private static readonly KeyRequirementsTemplate Template = Build.Template(
        Gate("cqc", new StandardHeldRule("CQC")),
        Criterion("iso", new StandardHeldRule("ISO27001"), 2),
        Criterion("price", new PriceRule(), 1));

    // Wear holds CQC; Derwent is regulated by the Care Inspectorate instead and claims it as equivalent.
    private static readonly Attestation Claim = Attestation("derwent", "CQC", status: AttestationStatus.Submitted, id: "att-claim") with
    {
        Equivalent = new EquivalentClaim("Care Inspectorate registration CS2019000123", "Care Inspectorate", "CQC does not regulate services in Scotland"),
        Evidence = [new EvidenceFile("care-inspectorate.pdf", "application/pdf", 1000, new string('a', 64))],
    };

    private static ShortlistDocument Draft(IEnumerable<Attestation> attestations, params Marketplace.Core.Catalogue.Offering[] offerings)
    {
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = "commissioner", Title = "Scottish telecare", TemplateId = Template.Id, TemplateVersion = 1,
            LotId = Lot3, Region = "north-west", Volume = 100, ContractMonths = 36,
        };
        var input = Input(offerings, attestations);
        return ShortlistLocking.Draft("sl-1", specification, Template, input, Scorer.Score(Template, specification.ToSpecification(), input), 8, Context, Now, "user");
    }

    private static ShortlistDocument DraftWithClaim() =>
        Draft([Attestation("wear", "CQC"), Claim], Offering("off-wear", "wear", 200m), Offering("off-derwent", "derwent", 100m));

    private static ShortlistDocument Decide(ShortlistDocument shortlist, bool accept, string reason = "Same regulated activities, inspected by the Scottish regulator")
    {
        var (decided, refusal) = ShortlistEquivalents.Decide(shortlist, "att-claim", accept, reason, Now.AddHours(1), "commissioner-user");
        Assert.Null(refusal);
        return decided!;
    }

    [Fact]
    public void A_gate_failed_only_for_want_of_a_claimed_standard_shows_the_claim_pending_and_does_not_count()
    {
        var draft = DraftWithClaim();

        var pending = Assert.Single(draft.Equivalents);
        Assert.Equal(("att-claim", "CQC", EquivalentStatus.Pending), (pending.AttestationId, pending.StandardCode, pending.Status));
        Assert.Equal([new EquivalentUse("off-derwent", "Offering off-derwent", "cqc", true)], pending.Uses);
        Assert.Equal("Care Inspectorate", pending.Claim.IssuedBy);
        Assert.Equal(["off-wear"], draft.Result.Entries.Select(e => e.OfferingId));
        var reason = Assert.Single(Assert.Single(draft.Result.Exclusions).Reasons);
        Assert.Equal("fails \"Gate cqc\": Does not hold CQC: claimed equivalent — your decision: Care Inspectorate registration CS2019000123, issued by Care Inspectorate",
            reason.Explanation);
    }

    [Fact]
    public void Accepting_the_claim_makes_the_gate_pass_and_rescores_the_shortlist_with_the_new_lowest_price()
    {
        var accepted = Decide(DraftWithClaim(), accept: true);

        Assert.Equal(["off-derwent", "off-wear"], accepted.Result.Entries.Select(e => e.OfferingId));
        Assert.Empty(accepted.Result.Exclusions);
        Assert.Equal((0, 2, 2), (accepted.Counts.Excluded, accepted.Counts.Eligible, accepted.Counts.Listed));
        Assert.Equal(EquivalentStatus.Accepted, Assert.Single(accepted.Equivalents).Status);
        // The cheaper offering now sets the lowest whole-life cost, so the other's price score halves.
        Assert.Equal(0.5, accepted.Result.Entries[1].Criteria.Single(c => c.RequirementId == "price").Score, 10);
        var decision = Assert.Single(accepted.Snapshot.EquivalentDecisions!);
        Assert.Equal(("att-claim", EquivalentStatus.Accepted, "commissioner-user"), (decision.AttestationId, decision.Status, decision.DecidedBy));
    }

    [Fact]
    public void Rejecting_the_claim_keeps_the_gate_failing_with_the_commissioners_reason()
    {
        var rejected = Decide(DraftWithClaim(), accept: false, reason: "The registration does not cover the care at home service.");

        Assert.Equal(["off-wear"], rejected.Result.Entries.Select(e => e.OfferingId));
        Assert.Equal("fails \"Gate cqc\": Does not hold CQC: claimed equivalent rejected by you: The registration does not cover the care at home service",
            Assert.Single(Assert.Single(rejected.Result.Exclusions).Reasons).Explanation);
        Assert.Equal(EquivalentStatus.Rejected, Assert.Single(rejected.Equivalents).Status);
    }

    [Fact]
    public void The_decision_counts_on_this_shortlist_only()
    {
        var decided = Decide(DraftWithClaim(), accept: true);

        var another = DraftWithClaim();

        Assert.Equal(["off-wear"], another.Result.Entries.Select(e => e.OfferingId));
        Assert.Contains("off-derwent", decided.Result.Entries.Select(e => e.OfferingId));
    }

    [Fact]
    public void A_claimant_that_lowers_the_cheapest_price_brings_in_an_offering_that_was_not_listed()
    {
        var template = Build.Template(Gate("cqc", new StandardHeldRule("CQC")), Criterion("iso", new StandardHeldRule("ISO27001"), 2), Criterion("price", new PriceRule(), 3));
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = "commissioner", Title = "Price-led", TemplateId = template.Id, TemplateVersion = 1,
            LotId = Lot3, Region = "north-west", Volume = 1, ContractMonths = 1,
        };
        // Before: cheap A 60 points, X 50, quality-led B 46 (not listed). Derwent's claimant C costs a tenth of A, so once
        // accepted every price score falls: C 60, B 40.6, A 6, X 5.
        var input = Input(
            [Offering("off-a", "wear", 100m), Offering("off-x", "wear", 120m), Offering("off-b", "pennine", 1000m), Offering("off-c", "derwent", 10m)],
            [Attestation("wear", "CQC"), Attestation("pennine", "CQC"), Attestation("pennine", "ISO27001"), Claim]);
        var draft = ShortlistLocking.Draft("sl-1", specification, template, input, Scorer.Score(template, specification.ToSpecification(), input), 2, Context, Now, "user");
        Assert.Equal(["off-a", "off-x"], draft.Result.Entries.Select(e => e.OfferingId));

        var accepted = Decide(draft, accept: true);

        Assert.Equal(["off-c", "off-b"], accepted.Result.Entries.Select(e => e.OfferingId));
        Assert.Equal(4, accepted.Counts.Eligible);
    }

    [Fact]
    public void A_criterion_scored_zero_for_want_of_a_claimed_standard_counts_once_accepted_with_the_decision_explained()
    {
        var isoClaim = Attestation("wear", "ISO27001", status: AttestationStatus.Submitted, id: "att-claim") with
        {
            Equivalent = new EquivalentClaim("SOC 2 Type II report", "Hartley Assurance LLP", "Audits the same information security controls"),
        };
        var draft = Draft([Attestation("wear", "CQC"), isoClaim], Offering("off-wear", "wear"));
        Assert.Equal(new EquivalentUse("off-wear", "Offering off-wear", "iso", false), Assert.Single(Assert.Single(draft.Equivalents).Uses));

        var accepted = Decide(draft, accept: true, reason: "Equivalent controls, independently audited.");

        var line = Assert.Single(accepted.Result.Entries).Criteria.Single(c => c.RequirementId == "iso");
        Assert.Equal(1.0, line.Score);
        Assert.Equal("Accepted equivalent: SOC 2 Type II report (your decision on 2026-11-23: Equivalent controls, independently audited)", line.Explanation);
    }

    [Fact]
    public void A_locked_shortlist_takes_no_decision_and_an_unknown_or_decided_claim_is_not_pending_and_a_reason_is_required()
    {
        var draft = DraftWithClaim();
        var (locked, _) = ShortlistLocking.Lock(draft, Now, "user");

        Assert.Equal(EquivalentRefusalKind.Locked, ShortlistEquivalents.Decide(locked!, "att-claim", true, "fine", Now, "u").Refusal!.Kind);
        Assert.Equal(EquivalentRefusalKind.NotPending, ShortlistEquivalents.Decide(draft, "att-other", true, "fine", Now, "u").Refusal!.Kind);
        Assert.Equal(EquivalentRefusalKind.NotPending, ShortlistEquivalents.Decide(Decide(draft, false), "att-claim", true, "fine", Now, "u").Refusal!.Kind);
        Assert.Equal(EquivalentRefusalKind.InvalidReason, ShortlistEquivalents.Decide(draft, "att-claim", true, "  ", Now, "u").Refusal!.Kind);
    }

    [Fact]
    public void A_verified_standard_needs_no_claim_and_a_draft_or_withdrawn_claim_is_not_shown()
    {
        var verified = Draft([Attestation("derwent", "CQC"), Claim], Offering("off-derwent", "derwent"));
        var draftClaim = Draft([Claim with { Status = AttestationStatus.Draft }], Offering("off-derwent", "derwent"));
        var withdrawn = Draft([Claim with { Status = AttestationStatus.Withdrawn }], Offering("off-derwent", "derwent"));

        Assert.Empty(verified.Equivalents);
        Assert.Empty(draftClaim.Equivalents);
        Assert.Empty(withdrawn.Equivalents);
    }

    [Fact]
    public void The_snapshot_with_the_decision_reproduces_the_locked_shortlist_after_a_storage_round_trip()
    {
        var (locked, conflict) = ShortlistLocking.Lock(Decide(DraftWithClaim(), accept: true), Now.AddHours(2), "user");
        Assert.Null(conflict);

        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = JsonSerializer.Deserialize<ShortlistDocument>(JsonSerializer.Serialize(locked, web), web)!;

        Assert.Equal(locked!.Lock!.Sha256, ShortlistLocking.RescoredHashOf(stored.Snapshot));
        Assert.Equal(["off-derwent", "off-wear"], ShortlistLocking.Rescore(stored.Snapshot).Select(e => e.OfferingId));
        // Without the decision the snapshot scores otherwise: the decision is part of what is proven.
        Assert.NotEqual(locked.Lock.Sha256, ShortlistLocking.RescoredHashOf(stored.Snapshot with { EquivalentDecisions = null }));
    }

    /// <summary>
    /// Over generated catalogues with claims, deciding every pending claim (accept or reject by the seed) on a draft
    /// that keeps only a few entries gives exactly what scoring the whole catalogue with those decisions gives, and the
    /// decided snapshot reproduces it.
    /// </summary>
    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 300)]
    public bool Deciding_claims_on_a_draft_equals_scoring_the_whole_catalogue_with_the_decisions(Scenario scenario)
    {
        var codes = new[] { "DSPT", "DCB0129", "TSA-QSF", "CQC", "ISO27001" };
        var claims = Scenarios.Suppliers.SelectMany((supplier, s) => codes.Select((code, c) => (supplier, code, bit: s * codes.Length + c)))
            .Where(x => (scenario.Seed >> (x.bit % 30) & 1) == 1)
            .Select(x => new Attestation
            {
                Id = $"claim-{x.supplier}-{x.code}",
                SupplierId = x.supplier,
                StandardCode = x.code,
                Status = AttestationStatus.Submitted,
                Equivalent = new EquivalentClaim("Equivalent of " + x.code, "Issuer", "Same need"),
            }).ToList();
        var input = scenario.Input with { Attestations = [.. scenario.Input.Attestations, .. claims] };
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = "commissioner", Title = "Generated", TemplateId = scenario.Specification.TemplateId,
            TemplateVersion = 1, LotId = scenario.Specification.LotId, Region = scenario.Specification.Region,
            Volume = scenario.Specification.Volume, ContractMonths = scenario.Specification.ContractMonths, BudgetGbp = scenario.Specification.BudgetGbp,
            Weights = scenario.Specification.Weights, Values = scenario.Specification.Values,
        };
        var maxResults = 1 + scenario.Seed % 3;
        var draft = ShortlistLocking.Draft("sl-1", specification, scenario.Template, input, Scorer.Score(scenario.Template, scenario.Specification, input),
            maxResults, Context, Now, "user");

        var decided = draft;
        foreach (var (claim, i) in draft.Equivalents.Select((e, i) => (e, i)))
        {
            decided = ShortlistEquivalents.Decide(decided, claim.AttestationId, (scenario.Seed >> (i % 7) & 2) == 2, "Because " + i, Now.AddMinutes(i), "user").Decided!;
        }

        var full = Scorer.Score(scenario.Template, scenario.Specification, input with { EquivalentDecisions = decided.Snapshot.EquivalentDecisions ?? [] });
        var inLot = full.Exclusions.Where(e => !e.Reasons.Any(r => r.Code == ExclusionCodes.NotInLot)).ToList();
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return JsonSerializer.Serialize(decided.Result.Entries, web) == JsonSerializer.Serialize(full.Entries.Take(maxResults), web)
            && JsonSerializer.Serialize(decided.Result.Exclusions, web) == JsonSerializer.Serialize(inLot, web)
            && decided.Result.LowestWholeLifeCostGbp == full.LowestWholeLifeCostGbp
            && decided.Counts == draft.Counts with { Eligible = full.Entries.Count, Excluded = inLot.Count, Listed = Math.Min(maxResults, full.Entries.Count) }
            && ShortlistLocking.RescoredHashOf(decided.Snapshot) == ShortlistLocking.HashOf(decided.Snapshot, decided.Result.Entries);
    }
}
