using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>Properties of the scorer over generated catalogues, templates and specifications (STYLE.md: scoring by FsCheck).</summary>
public sealed class ScoringProperties
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Every_breakdown_sums_to_its_total_within_a_hundredth(Scenario scenario) =>
        scenario.Score().Entries.All(e => Math.Abs(e.Criteria.Sum(c => c.Points) - e.Total) <= 0.01);

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Every_line_is_100_w_s_over_the_total_weight_with_s_in_0_to_1(Scenario scenario)
    {
        var shortlist = scenario.Score();
        return shortlist.Entries.All(e =>
        {
            var totalWeight = e.Criteria.Sum(c => c.Weight);
            return e.Criteria.All(c => c.Score is >= 0 and <= 1 && Math.Abs(c.Points - (100.0 * c.Weight * c.Score / totalWeight)) < 1e-9);
        });
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Totals_are_between_0_and_100(Scenario scenario) =>
        scenario.Score().Entries.All(e => e.Total is >= 0 and <= 100);

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Shuffling_the_input_never_changes_the_shortlist(Scenario scenario)
    {
        var random = new Random(scenario.Seed);
        var shuffled = scenario.Input with
        {
            Offerings = [.. scenario.Input.Offerings.OrderBy(_ => random.Next())],
            Attestations = [.. scenario.Input.Attestations.OrderBy(_ => random.Next())],
            Associations = [.. scenario.Input.Associations.Reverse()],
        };

        return Json(scenario.Score()) == Json(Scorer.Score(scenario.Template, scenario.Specification, shuffled));
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Ranks_run_from_1_in_the_order_of_the_totals_shown_and_every_candidate_is_placed_once(Scenario scenario)
    {
        var shortlist = scenario.Score();
        var placed = shortlist.Entries.Select(e => e.OfferingId).Concat(shortlist.Exclusions.Select(e => e.OfferingId)).Order(StringComparer.Ordinal);
        return shortlist.Entries.Select(e => e.Rank).SequenceEqual(Enumerable.Range(1, shortlist.Entries.Count))
            && shortlist.Entries.Zip(shortlist.Entries.Skip(1)).All(p => p.First.Total >= p.Second.Total)
            && placed.SequenceEqual(scenario.Input.Offerings.Select(c => c.Offering.Id).Order(StringComparer.Ordinal))
            && shortlist.Exclusions.All(e => e.Reasons.Count > 0);
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Adding_a_verified_standard_a_criterion_asks_for_to_an_offering_never_lowers_its_score(Scenario scenario)
    {
        var before = scenario.Score();
        if (before.Entries.Count == 0)
        {
            return true;
        }
        var entry = before.Entries[scenario.Seed % before.Entries.Count];
        var code = scenario.Template.Requirements.Where(r => r.Kind == RequirementKind.Criterion).Select(r => r.Rule).OfType<StandardHeldRule>().First().Code;
        var added = Attest(entry.SupplierId, code, entry.OfferingId);

        var after = Scorer.Score(scenario.Template, scenario.Specification, scenario.Input with { Attestations = [.. scenario.Input.Attestations, added] });

        return after.Entries.Single(e => e.OfferingId == entry.OfferingId).Total >= entry.Total;
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Adding_an_organisation_level_standard_that_no_gate_asks_for_never_lowers_any_score(Scenario scenario)
    {
        var before = scenario.Score();
        var supplier = Scenarios.Suppliers[scenario.Seed % Scenarios.Suppliers.Length];
        var added = Attest(supplier, Scenarios.CriterionStandards[scenario.Seed % Scenarios.CriterionStandards.Length], offering: null);

        var after = Scorer.Score(scenario.Template, scenario.Specification, scenario.Input with { Attestations = [.. scenario.Input.Attestations, added] });

        var totals = after.Entries.ToDictionary(e => e.OfferingId, e => e.Total);
        return before.Entries.Count == after.Entries.Count && before.Entries.All(e => totals[e.OfferingId] >= e.Total);
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Raising_one_offerings_price_never_raises_its_score(Scenario scenario, PositiveInt pennies)
    {
        var before = scenario.Score();
        if (before.Entries.Count == 0)
        {
            return true;
        }
        var entry = before.Entries[scenario.Seed % before.Entries.Count];
        var dearer = scenario.Input with
        {
            Offerings = [.. scenario.Input.Offerings.Select(c => c.Offering.Id != entry.OfferingId ? c
                : c with { Offering = c.Offering with { Price = c.Offering.Price with { AmountGbp = c.Offering.Price.AmountGbp + pennies.Get / 100m } } })],
        };

        var after = Scorer.Score(scenario.Template, scenario.Specification, dearer);

        return after.Entries.Single(e => e.OfferingId == entry.OfferingId).Total <= entry.Total;
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool An_offering_lacking_a_gated_verified_standard_is_only_among_the_exclusions_with_that_gate_named(Scenario scenario)
    {
        // Gate on DSPT, and take away every DSPT attestation that would count for one chosen offering.
        var gate = new Requirement { Id = "dspt-gate", Text = "Holds DSPT.", Kind = RequirementKind.Gate, Rule = new StandardHeldRule("DSPT") };
        var template = scenario.Template with
        {
            Sections = [.. scenario.Template.Sections, new TemplateSection { Id = "extra-gate", Title = "Extra gate", Requirements = [gate] }],
        };
        var target = scenario.Input.Offerings[scenario.Seed % scenario.Input.Offerings.Count].Offering;
        var input = scenario.Input with
        {
            Attestations = [.. scenario.Input.Attestations.Where(a => !(a.SupplierId == target.SupplierId && a.StandardCode == "DSPT" && (a.OfferingId is null || a.OfferingId == target.Id)))],
        };

        var shortlist = Scorer.Score(template, scenario.Specification, input);

        return shortlist.Entries.All(e => e.OfferingId != target.Id)
            && shortlist.Exclusions.Single(e => e.OfferingId == target.Id).Reasons.Any(r => r.Code == ExclusionCodes.GateFailed && r.RequirementId == "dspt-gate");
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool A_gate_fails_exactly_when_the_same_rule_as_a_criterion_scores_below_1(Scenario scenario)
    {
        // The same template with every gate turned into a weight-1 criterion: no offering is excluded by a gate then.
        var gates = scenario.Template.Requirements.Where(r => r.Kind == RequirementKind.Gate).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var asCriteria = scenario.Template with
        {
            Sections = [.. scenario.Template.Sections.Select(s => s with
            {
                Requirements = [.. s.Requirements.Select(r => r.Kind == RequirementKind.Gate ? r with { Kind = RequirementKind.Criterion, DefaultWeight = 1 } : r)],
            })],
        };

        var withGates = scenario.Score();
        var scored = Scorer.Score(asCriteria, scenario.Specification, scenario.Input);

        var failedByGate = withGates.Exclusions.ToDictionary(e => e.OfferingId, e => e.Reasons.Where(r => r.Code == ExclusionCodes.GateFailed).Select(r => r.RequirementId!).ToList());
        var otherReasons = withGates.Exclusions.Where(e => e.Reasons.Any(r => r.Code != ExclusionCodes.GateFailed)).Select(e => e.OfferingId).ToHashSet();
        return scored.Entries.All(e =>
        {
            var below = e.Criteria.Where(c => gates.Contains(c.RequirementId) && c.Score < 1).Select(c => c.RequirementId).ToList();
            return below.Count == 0
                ? withGates.Entries.Any(w => w.OfferingId == e.OfferingId)
                : failedByGate[e.OfferingId].SequenceEqual(below);
        }) && scored.Exclusions.All(e => otherReasons.Contains(e.OfferingId));
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Adding_words_to_any_offerings_description_or_features_never_changes_any_score(Scenario scenario, NonEmptyString words)
    {
        // Including the very names and hints of the capabilities a template asks for: only declarations score.
        var phrase = Scenarios.Boilerplate[scenario.Seed % Scenarios.Boilerplate.Length] + " " + words.Get;
        var wordier = scenario.Input with
        {
            Offerings = [.. scenario.Input.Offerings.Select(c => c with
            {
                Offering = c.Offering with { Description = c.Offering.Description + " " + phrase, Features = [.. c.Offering.Features, phrase] },
            })],
        };

        return Json(scenario.Score()) == Json(Scorer.Score(scenario.Template, scenario.Specification, wordier));
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Scaling_every_price_and_outcome_reward_by_the_same_factor_never_changes_the_ranking(Scenario scenario, PositiveInt quarters)
    {
        // Whole quarters keep every amount exact in decimal: 0.25, 0.5, 0.75, 1, 1.25, …
        var factor = quarters.Get % 40 / 4m + 0.25m;
        var scaled = scenario.Input with
        {
            Offerings = [.. scenario.Input.Offerings.Select(c => c with
            {
                Offering = c.Offering with
                {
                    Price = c.Offering.Price with { AmountGbp = c.Offering.Price.AmountGbp * factor, OutcomeRewardGbp = c.Offering.Price.OutcomeRewardGbp * factor },
                },
            })],
        };

        var before = scenario.Score();
        var after = Scorer.Score(scenario.Template, scenario.Specification, scaled);

        return after.Entries.Select(e => e.OfferingId).SequenceEqual(before.Entries.Select(e => e.OfferingId))
            && after.Exclusions.Select(e => e.OfferingId).SequenceEqual(before.Exclusions.Select(e => e.OfferingId))
            && after.Entries.Zip(before.Entries).All(p => Math.Abs(p.First.Total - p.Second.Total) < 1e-9);
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Adding_a_declaration_of_a_capability_a_criterion_asks_for_never_lowers_that_offerings_total(Scenario scenario, PositiveInt figure)
    {
        // Every template gets a criterion that asks for capabilities, so there is always one to declare.
        var asked = Scenarios.CapabilityCriteria[scenario.Seed % Scenarios.CapabilityCriteria.Length];
        var template = scenario.Template with
        {
            Sections = [.. scenario.Template.Sections, new TemplateSection { Id = "declared", Title = "Declared", Requirements = [Criterion("declared", asked, 5)] }],
        };
        var before = Scorer.Score(template, scenario.Specification, scenario.Input);
        if (before.Entries.Count == 0)
        {
            return true;
        }
        var entry = before.Entries[scenario.Seed % before.Entries.Count];
        var offering = scenario.Input.Offerings.Single(c => c.Offering.Id == entry.OfferingId).Offering;
        var capabilities = asked switch
        {
            CapabilityDeclaredRule r => r.Capabilities,
            SocialValueRule r => r.Commitments,
            CapabilityWithinRule r => [r.Capability],
            _ => [],
        };
        var missing = capabilities.Where(c => !offering.Capabilities.Any(d => d.Capability == c)).ToList();
        if (missing.Count == 0)
        {
            return true;
        }
        var declared = Scenarios.Declaration(missing[figure.Get % missing.Count], figure.Get % 200);
        var input = scenario.Input with
        {
            Offerings = [.. scenario.Input.Offerings.Select(c => c.Offering.Id != offering.Id ? c
                : c with { Offering = c.Offering with { Capabilities = [.. c.Offering.Capabilities, declared] } })],
        };

        var after = Scorer.Score(template, scenario.Specification, input);

        return after.Entries.Single(e => e.OfferingId == entry.OfferingId).Total >= entry.Total - 1e-9;
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool An_NHS_commissioners_social_value_weight_under_10_percent_is_refused_at_weights_social_value(Scenario scenario, NonNegativeInt socialValue)
    {
        // Only the one social-value criterion added here: the share is of all of them together.
        var template = scenario.Template with
        {
            Sections =
            [
                .. scenario.Template.Sections.Select(s => s with { Requirements = [.. s.Requirements.Where(r => r.Rule is not SocialValueRule)] }),
                new TemplateSection
                {
                    Id = "social-value", Title = "Social value",
                    Requirements = [Criterion("social-value", new SocialValueRule(["carbon-reduction-plan", "local-employment"]), 10)],
                },
            ],
        };
        var weight = socialValue.Get % 30;
        var specification = scenario.Specification with { Weights = new Dictionary<string, int> { ["social-value"] = weight } };
        var total = template.Requirements.Where(r => r.Kind == RequirementKind.Criterion && r.Id != "social-value").Sum(r => r.DefaultWeight!.Value) + weight;
        var type = SpecificationRules.NhsCommissionerTypes.ElementAt(scenario.Seed % SpecificationRules.NhsCommissionerTypes.Count);

        var nhs = SpecificationRules.Validate(specification, template, scenario.Input.Framework, type);
        var council = SpecificationRules.Validate(specification, template, scenario.Input.Framework, "local-authority");

        var under = weight * 100 < 10 * total;
        return nhs.Any(e => e.Path == "weights.social-value") == under
            && council.All(e => e.Path != "weights.social-value")
            && nhs.Count - council.Count == (under ? 1 : 0);
    }

    private static Requirement Criterion(string id, RequirementRule rule, int weight) =>
        new() { Id = id, Text = id, Kind = RequirementKind.Criterion, Rule = rule, DefaultWeight = weight };

    private static Attestation Attest(string supplier, string code, string? offering) => new()
    {
        Id = $"added-{supplier}-{code}-{offering}",
        SupplierId = supplier,
        StandardCode = code,
        OfferingId = offering,
        Status = AttestationStatus.Verified,
        DecidedBy = "tec-services-association",
        ExpiresOn = Scenarios.Today.AddYears(1),
    };

    private static string Json(Shortlist shortlist) => JsonSerializer.Serialize(shortlist, Web);
}

/// <summary>A generated template, specification and catalogue, plus a number the properties use to pick and shuffle.</summary>
public sealed record Scenario(KeyRequirementsTemplate Template, Specification Specification, ScoringInput Input, int Seed)
{
    public Shortlist Score() => Scorer.Score(Template, Specification, Input);

    public override string ToString() => JsonSerializer.Serialize(new
    {
        Template,
        Specification,
        Offerings = Input.Offerings.Select(c => c.Offering),
        Input.Attestations,
        Lots = Input.Framework.Lots,
        Seed,
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}

/// <summary>FsCheck generators: small catalogues drawn from a few slugs each, so that offerings often pass and often fail.</summary>
public static class Scenarios
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly string[] Suppliers = ["pennine", "wear", "derwent", "solent"];
    public static readonly string[] CriterionStandards = ["TSA-QSF", "CQC", "ISO27001"];

    private static readonly string[] GateStandards = ["DSPT", "DCB0129"];
    private static readonly string[] Categories = ["remote-monitoring-platform", "vital-signs-hub", "fall-detector"];
    private static readonly string[] Conditions = ["copd", "heart-failure", "diabetes", "dementia"];
    private static readonly string[] Interoperability = ["bs8521-2", "scaip", "fhir-r4-uk-core", "hscn"];
    private static readonly string?[] Connectivity = ["analogue", "digital", "both", null];
    private static readonly string[] Regions = ["north-west", "london", "wales"];
    private static readonly string[] Features = ["Urgent installs within 20 working hours", "Hosted in UK data centres", "Manual help button", "Clinician dashboard"];
    private static readonly string[] DeclarableCapabilities =
    [
        "clinician-dashboard", "configurable-alert-limits", "uk-data-hosting", "responder-on-site", "urgent-installation", "carbon-reduction-plan", "local-employment",
    ];

    /// <summary>Text that names or hints at the capabilities the templates ask for: never worth a point in a description.</summary>
    public static readonly string[] Boilerplate =
    [
        "Clinician dashboard with configurable alert limits.", "Hosted in the UK; UK data hosting.", "Responder on site within 10 minutes.",
        "Carbon Reduction Plan and local employment.", "Urgent installs within 2 working hours.", "risk stratification, installation, admissions, switchover",
    ];

    /// <summary>Criteria that ask for declared capabilities.</summary>
    public static readonly RequirementRule[] CapabilityCriteria =
    [
        new CapabilityDeclaredRule(["clinician-dashboard", "configurable-alert-limits"]),
        new CapabilityDeclaredRule(["uk-data-hosting"]),
        new CapabilityWithinRule("responder-on-site", 45),
        new CapabilityWithinRule("urgent-installation", 20),
        new SocialValueRule(["carbon-reduction-plan", "local-employment"]),
    ];

    /// <summary>A declaration of <paramref name="capability"/>, with <paramref name="figure"/> when it is declared with one.</summary>
    public static CapabilityDeclaration Declaration(string capability, int figure) => new()
    {
        Capability = capability,
        Statement = "Declared for the generated catalogue",
        Value = Capabilities.Find(capability)?.Measure is null ? null : figure,
        DeclaredOn = Today.AddDays(-figure),
    };
    private static readonly string[] Lots = ["lot-a", "lot-b"];
    private static readonly string[] Statuses =
    [
        AttestationStatus.Verified, AttestationStatus.Verified, AttestationStatus.Verified, AttestationStatus.Submitted,
        AttestationStatus.Rejected, AttestationStatus.Revoked, AttestationStatus.Expired, AttestationStatus.Draft,
    ];

    public static Arbitrary<Scenario> Scenario() => ScenarioGen.ToArbitrary();

    private static Gen<Scenario> ScenarioGen =>
        from template in TemplateGen
        from offeringCount in Gen.Choose(1, 14)
        from offerings in Gen.CollectToArray(Enumerable.Range(1, offeringCount), OfferingGen)
        from attestations in Gen.ListOf(AttestationGen(offerings))
        from admittedA in Gen.SubListOf(Suppliers)
        from admittedB in Gen.SubListOf(Suppliers)
        from lot in Gen.Frequency((4, Gen.Constant("lot-a")), (1, Gen.Constant("lot-b")))
        from region in Gen.Elements(Regions)
        from volume in Gen.Choose(1, 2_000)
        from months in Gen.Choose(1, 60)
        from budget in Gen.Choose(0, 2_000_000)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Scenario(
            template,
            new Specification
            {
                TemplateId = template.Id,
                TemplateVersion = template.Version,
                LotId = lot,
                Region = region,
                Volume = volume,
                ContractMonths = months,
                BudgetGbp = budget == 0 ? null : budget,
            },
            new ScoringInput
            {
                Offerings = [.. offerings.Select(o => new CandidateOffering(o, new Organisation { Id = o.SupplierId, Kind = OrganisationKind.Supplier, Name = "Supplier " + o.SupplierId }))],
                Attestations = [.. attestations.Select((a, i) => a with { Id = $"att-{i:000}" })],
                Framework = new Framework
                {
                    Id = "fw",
                    Reference = "FW-1",
                    Name = "Framework",
                    Status = "live",
                    Dates = new FrameworkDates(new(2025, 1, 1), new(2025, 2, 1), new(2025, 4, 1), new(2029, 3, 31)),
                    // Most suppliers admitted to lot a, so that most scenarios shortlist something.
                    Lots =
                    [
                        new FrameworkLot("lot-a", 1, "Lot A", "", Categories, [.. Suppliers.Where(s => s != admittedA.FirstOrDefault())]),
                        new FrameworkLot("lot-b", 2, "Lot B", "", Categories, [.. admittedB]),
                    ],
                },
                EvaluationDate = Today,
                Associations = [new Organisation { Id = "tec-services-association", Kind = OrganisationKind.Association, Name = "TEC Services Association" }],
                StandardNames = new Dictionary<string, string> { ["DSPT"] = "Data Security and Protection Toolkit", ["TSA-QSF"] = "Quality Standards Framework" },
            },
            seed);

    private static Gen<Offering> OfferingGen(int index) =>
        from supplier in Gen.Elements(Suppliers)
        from category in Gen.Elements(Categories)
        from conditions in Gen.SubListOf(Conditions)
        from interoperability in Gen.SubListOf(Interoperability)
        from connectivity in Gen.Elements(Connectivity)
        from regions in Gen.SubListOf(Regions)
        from features in Gen.SubListOf(Features)
        from declared in Gen.SubListOf(DeclarableCapabilities)
        from figure in Gen.Choose(0, 90)
        from model in Gen.Elements(WholeLifeCost.Models.ToArray())
        from pennies in Gen.Choose(0, 2_000_000)
        from reward in Gen.Choose(0, 20_000)
        from leadTime in Gen.Choose(0, 60)
        from lots in Gen.Frequency((5, Gen.Constant<IList<string>>(["lot-a"])), (2, Gen.SubListOf(Lots).Select(l => (IList<string>)[.. l])))
        from retired in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Offering
        {
            Id = $"off-{index:00}",
            SupplierId = supplier,
            Kind = "product",
            Name = $"Offering {index}",
            Description = string.Join(". ", features.Skip(1)),
            Category = category,
            Conditions = [.. conditions],
            Features = [.. features.Take(1)],
            Interoperability = [.. interoperability],
            Connectivity = connectivity,
            Regions = [.. regions],
            Price = new OfferingPrice(model, pennies / 100m, model == "managed-service-monthly" && reward > 0 ? reward / 100m : null),
            Capabilities = [.. declared.Select(c => Declaration(c, figure))],
            LeadTimeDays = leadTime,
            Lots = [.. lots],
            Status = retired ? OfferingStatus.Retired : OfferingStatus.Active,
        };

    private static Gen<Attestation> AttestationGen(Offering[] offerings) =>
        from offering in Gen.Elements(offerings)
        from code in Gen.Elements([.. GateStandards, .. CriterionStandards])
        from offeringLevel in Gen.Elements(true, false)
        from status in Gen.Elements(Statuses)
        from expiresInDays in Gen.Choose(-400, 800)
        from openEnded in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Attestation
        {
            Id = "",
            SupplierId = offering.SupplierId,
            StandardCode = code,
            OfferingId = offeringLevel ? offering.Id : null,
            Status = status,
            IssuedOn = Today.AddYears(-2),
            ExpiresOn = openEnded ? null : Today.AddDays(expiresInDays),
            DecidedBy = status == AttestationStatus.Verified ? "tec-services-association" : null,
        };

    // Gates come from a pool that never asks for a criterion's standard, so adding an organisation-level criterion
    // standard cannot change who is eligible. Every template has at least one standard-held criterion.
    private static readonly Requirement[] GatePool =
    [
        Gate("dspt", new StandardHeldRule("DSPT")),
        Gate("dcb0129", new StandardHeldRule("DCB0129")),
        Gate("region", new RegionServedRule()),
        Gate("category", new CategoryRule(["remote-monitoring-platform", "vital-signs-hub"])),
        Gate("connectivity", new ConnectivityRule(["digital", "both"])),
        Gate("lead-time", new LeadTimeAtMostRule(45)),
        Gate("copd", new ConditionCoveredRule(["copd"])),
        Gate("cohort", new ConditionCoveredRule(["copd", "heart-failure"])),
        Gate("dashboard-gate", new CapabilityDeclaredRule(["clinician-dashboard"])),
        Gate("responder-gate", new CapabilityWithinRule("responder-on-site", 60)),
    ];

    private static readonly RequirementRule[] CriterionPool =
    [
        new StandardHeldRule("CQC"),
        new StandardHeldRule("ISO27001"),
        new ConditionCoveredRule(["copd", "heart-failure", "diabetes"]),
        new InteroperabilityRule(["bs8521-2", "scaip"]),
        new InteroperabilityRule(["fhir-r4-uk-core"]),
        new ConnectivityRule(["digital", "both"]),
        new RegionServedRule("london"),
        .. CapabilityCriteria,
        new CareRegulatorRule(),
        new LeadTimeAtMostRule(20),
        new CategoryRule(["vital-signs-hub"]),
        new PriceRule(),
        new PriceRule(["per-patient-per-month", "managed-service-monthly", "per-connection-per-week"]),
    ];

    private static Gen<KeyRequirementsTemplate> TemplateGen =>
        from gates in Gen.Frequency((1, Gen.Constant(Array.Empty<Requirement>())), (2, Gen.SubListOf(GatePool).Select(g => g.Take(2).ToArray())))
        from rules in Gen.SubListOf(CriterionPool)
        from weights in Gen.ArrayOf(Gen.Choose(0, 10), rules.Count + 1)
        select new KeyRequirementsTemplate
        {
            Id = "generated",
            Version = 1,
            Name = "Generated",
            Sections =
            [
                new TemplateSection
                {
                    Id = "requirements",
                    Title = "Requirements",
                    Requirements =
                    [
                        .. gates,
                        Criterion("tsa-qsf", new StandardHeldRule("TSA-QSF"), weights[0] == 0 ? 1 : weights[0]),
                        .. rules.Where(r => r is not PriceRule).Select((r, i) => Criterion($"c{i}", r, weights[i + 1])),
                        .. rules.OfType<PriceRule>().Take(1).Select(r => Criterion("price", r, weights[^1])),
                    ],
                },
            ],
        };

    private static Requirement Gate(string id, RequirementRule rule) => new() { Id = id, Text = id, Kind = RequirementKind.Gate, Rule = rule };

    private static Requirement Criterion(string id, RequirementRule rule, int weight) =>
        new() { Id = id, Text = id, Kind = RequirementKind.Criterion, Rule = rule, DefaultWeight = weight };
}
