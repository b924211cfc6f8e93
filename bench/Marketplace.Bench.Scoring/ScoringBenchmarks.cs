using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marketplace.CatalogueGenerator;
using Marketplace.Core.Shortlisting;
using Core = Marketplace.Core;

namespace Marketplace.Bench.Scoring;

/// <summary>
/// Scores one specification (40 criteria, 2 gates, lot 1: the largest) against a generated catalogue of 10,000 and
/// 100,000 offerings. Every candidate is passed in, as a caller that has not pre-filtered by lot would, so the time
/// covers every exclusion as well as the ranking. Each record holds only its <see cref="ScoredFields"/>, as the candidate
/// projection's reader hands them over. Sentences are written when read: <see cref="Score"/> reads none,
/// <see cref="ScoreAndExplainWhatIsKept"/> reads those a draft stores. Both score the candidates prepared once, as a
/// shortlist scores a decoded lot (<see cref="PreparedCandidates"/>, kept beside it); <see cref="Prepare"/> and
/// <see cref="ScoreUnprepared"/> price the preparation, paid once per change of the lot.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private KeyRequirementsTemplate template = null!;
    private Specification specification = null!;
    private ScoringInput input = null!;
    private ScoringInput unprepared = null!;

    [Params(10_000, 100_000)]
    public int Offerings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The generator's documents have the same JSON shape as the Core records (both follow schemas/), so map
        // through JSON rather than by hand.
        var catalogue = new CatalogueGenerator.CatalogueGenerator(Offerings).Generate();
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        T Map<T>(object value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, web), web)!;

        // Read as every reader of candidates reads them (the candidate projection holds only these): the fields scoring
        // reads (ScoredFields), decoded from their JSON, so records lie in memory as a reader's do.
        List<T> Scored<T>(IEnumerable<object> records, Func<T, T> fields) => Map<List<T>>(Map<List<T>>(records).Select(fields).ToList());
        var organisations = Scored<Core.Organisations.Organisation>(catalogue.Organisations, ScoredFields.Of).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var offerings = Scored<Core.Catalogue.Offering>(catalogue.Offerings, ScoredFields.Of);
        unprepared = new ScoringInput
        {
            Offerings = [.. offerings.Select(o => new CandidateOffering(o, organisations[o.SupplierId]))],
            Attestations = Scored<Core.Attestations.Attestation>(catalogue.Attestations, ScoredFields.Of),
            Framework = Map<Core.Frameworks.Framework>(catalogue.Frameworks[0]),
            EvaluationDate = CatalogueGenerator.CatalogueGenerator.Today,
            Associations = [.. organisations.Values.Where(o => o.Kind == Core.Organisations.OrganisationKind.Association)],
            StandardNames = catalogue.Standards.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
        };
        input = unprepared with { Prepared = PreparedCandidates.Of(unprepared.Offerings, unprepared.Attestations) };
        template = FortyCriteria();
        specification = new Specification
        {
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            LotId = input.Framework.Lots.Single(l => l.Number == 1).Id,
            Region = "midlands",
            Volume = 2_000,
            ContractMonths = 36,
            BudgetGbp = 1_000_000m,
        };

        var shortlist = Scorer.Score(template, specification, input);
        Console.WriteLine($"// {Offerings:N0} offerings: {shortlist.Entries.Count:N0} shortlisted, {shortlist.Exclusions.Count:N0} excluded, " +
            $"{template.Requirements.Count(r => r.Kind == RequirementKind.Criterion)} criteria");
    }

    [Benchmark]
    public Shortlist Score() => Scorer.Score(template, specification, input);

    /// <summary>The preparation alone, as a decoded lot pays it once per change of its buckets.</summary>
    [Benchmark]
    public PreparedCandidates Prepare() => PreparedCandidates.Of(unprepared.Offerings, unprepared.Attestations);

    /// <summary>
    /// The first shortlist after a change of the lot (or a snapshot's re-scoring): the preparation, and what it keeps on
    /// first use (the lot's listing, capability figures, each reached supplier's standards on the day), then the scoring.
    /// </summary>
    [Benchmark]
    public Shortlist ScoreUnprepared() => Scorer.Score(template, specification, unprepared);

    /// <summary>
    /// What a draft shortlist costs to score and explain: the scoring, then the sentences of what is stored (8 entries'
    /// criteria and the first 1,000 exclusions in the lot, as <see cref="ShortlistLocking.Draft"/> keeps).
    /// </summary>
    [Benchmark]
    public int ScoreAndExplainWhatIsKept()
    {
        var shortlist = Scorer.Score(template, specification, input);
        var characters = 0;
        foreach (var entry in shortlist.Entries.Take(ShortlistLocking.DefaultMaxResults))
        {
            characters += entry.Criteria.Sum(c => c.Explanation.Length);
        }
        foreach (var exclusion in shortlist.Exclusions.Where(e => !e.Reasons.Any(r => r.Code == ExclusionCodes.NotInLot)).Take(ShortlistLocking.MaxExclusionsKept))
        {
            characters += exclusion.Reasons.Sum(r => r.Explanation.Length);
        }
        return characters;
    }

    private static KeyRequirementsTemplate FortyCriteria()
    {
        string[] standards =
        [
            "TSA-QSF", "DTAC", "DSPT", "DCB0129", "CYBER-ESSENTIALS", "CYBER-ESSENTIALS-PLUS", "ISO27001", "ISO13485", "MHRA-REG",
            "BS8521-1", "BS8521-2", "EN50134", "SCAIP", "EN50518", "CQC", "NICE-ESF", "ICO-REG", "WCAG21-AA", "A2D-READY",
        ];
        // Nine criteria on declared capabilities (where the retired free-text phrases were), so there are still 40.
        RequirementRule[] capabilities =
        [
            new CapabilityWithinRule("urgent-installation", 20),
            new CapabilityDeclaredRule(["battery-back-up"]),
            new CapabilityDeclaredRule(["uk-data-hosting"]),
            new CapabilityDeclaredRule(["automatic-fall-detection"]),
            new CapabilityDeclaredRule(["two-way-speech"]),
            new CapabilityDeclaredRule(["remote-device-management", "maintenance-and-repair"]),
            new CapabilityDeclaredRule(["clinician-dashboard", "configurable-alert-limits"]),
            new CapabilityWithinRule("responder-on-site", 45),
            new SocialValueRule(["carbon-reduction-plan", "local-employment"]),
        ];
        var criteria = new List<Requirement>();
        criteria.AddRange(standards.Select(code => Criterion("std-" + code.ToLowerInvariant(), new StandardHeldRule(code), 2)));
        criteria.AddRange(capabilities.Select((rule, i) => Criterion($"capability-{i}", rule, 2)));
        criteria.Add(Criterion("digital-signalling", new InteroperabilityRule(["bs8521-2", "scaip"]), 4));
        criteria.Add(Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 2));
        criteria.Add(Criterion("hscn", new InteroperabilityRule(["hscn"]), 1));
        criteria.Add(Criterion("switchover", new ConnectivityRule(["digital", "both"]), 4));
        criteria.Add(Criterion("dementia-falls", new ConditionCoveredRule(["dementia", "falls-risk", "frailty"]), 4));
        criteria.Add(Criterion("long-term-conditions", new ConditionCoveredRule(["copd", "heart-failure", "diabetes"]), 2));
        criteria.Add(Criterion("lead-time-20", new LeadTimeAtMostRule(20), 2));
        criteria.Add(Criterion("lead-time-10", new LeadTimeAtMostRule(10), 1));
        criteria.Add(Criterion("wearables", new CategoryRule(["pendant-alarm", "fall-detector", "gps-mobile-alarm"]), 2));
        criteria.Add(Criterion("hubs", new CategoryRule(["home-alarm-hub"]), 1));
        criteria.Add(Criterion("also-north-west", new RegionServedRule("north-west"), 1));
        criteria.Add(Criterion("price", new PriceRule(), 20));

        return new KeyRequirementsTemplate
        {
            Id = "bench-forty-criteria",
            Version = 1,
            Name = "Benchmark: 40 criteria",
            Lot = 1,
            Sections =
            [
                new TemplateSection
                {
                    Id = "gates",
                    Title = "Gates",
                    Requirements =
                    [
                        new Requirement { Id = "region", Text = "Served in the region.", Kind = RequirementKind.Gate, Rule = new RegionServedRule() },
                        new Requirement { Id = "lead-time", Text = "Delivered within 60 days.", Kind = RequirementKind.Gate, Rule = new LeadTimeAtMostRule(60) },
                    ],
                },
                new TemplateSection { Id = "criteria", Title = "Criteria", Requirements = criteria },
            ],
        };
    }

    private static Requirement Criterion(string id, RequirementRule rule, int weight) =>
        new() { Id = id, Text = id, Kind = RequirementKind.Criterion, Rule = rule, DefaultWeight = weight };
}
