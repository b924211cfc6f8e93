using System.Text.Json;
using Marketplace.Core.Attestations;
using Marketplace.Core.Shortlisting;
using Marketplace.Core.Shortlisting.Oracle;
using Core = Marketplace.Core;
using Generator = Marketplace.CatalogueGenerator.CatalogueGenerator;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>
/// Issue 15 made scoring numeric first and builds records only when read: what a shortlist stores (entries, scores,
/// explanations, exclusions and their order, snapshot, claimed equivalents, counts) and every entry and exclusion it
/// places must read exactly as the scorer before it wrote them (<see cref="ScorerBeforeIssue15"/>), byte for byte.
/// </summary>
public sealed class SameShortlistAsBefore
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<Generated> Catalogue = new(() => new Generated(3_000));

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(TemplateFileTests.FindRoot(), "catalogue-seed", "templates"), "*.json").Order(StringComparer.Ordinal))
        {
            for (var variant = 0; variant < 3; variant++)
            {
                cases.Add(Path.GetFileNameWithoutExtension(file), variant);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_template_stores_and_places_the_same_shortlist_as_before_on_a_generated_catalogue(string templateId, int variant)
    {
        var catalogue = Catalogue.Value;
        var template = catalogue.Template(templateId);
        var (specification, input) = catalogue.Variant(template, variant);

        var before = ScorerBeforeIssue15.Score(template, specification.ToSpecification(), input);
        var after = Scorer.Score(template, specification.ToSpecification(), input);

        // The draft first, as a commissioner's request reads it (only what is kept), then every record placed.
        Assert.True(after.Entries.Count > 0, $"{templateId} variant {variant} lists nothing, so it proves little");
        Assert.Equal(Json(catalogue.Draft(specification, template, input, before)), Json(catalogue.Draft(specification, template, input, after)));
        Assert.Equal(Json(before), Json(after));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_draft_keeps_and_counts_the_exclusions_in_the_lot_as_reading_every_exclusion_did(string templateId, int variant)
    {
        var catalogue = Catalogue.Value;
        var template = catalogue.Template(templateId);
        var (specification, input) = catalogue.Variant(template, variant);
        var scored = Scorer.Score(template, specification.ToSpecification(), input);

        var draft = catalogue.Draft(specification, template, input, scored);

        // The draft counts the exclusions in the lot without building them; reading every one is the reference.
        var inLot = scored.Exclusions.Where(e => !e.Reasons.Any(r => r.Code == ExclusionCodes.NotInLot)).ToList();
        Assert.True(inLot.Count > 0 && inLot.Count < scored.Exclusions.Count, "the catalogue has exclusions both in and out of the lot");
        Assert.Equal(Json(inLot.Take(ShortlistLocking.MaxExclusionsKept).ToList()), Json(draft.Result.Exclusions));
        Assert.Equal((inLot.Count, scored.Exclusions.Count - inLot.Count), (draft.Counts.Excluded, draft.Counts.NotInLot));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Candidates_prepared_once_and_shared_by_every_specification_and_day_place_the_same_shortlist_as_before(string templateId, int variant)
    {
        var catalogue = Catalogue.Value;
        var template = catalogue.Template(templateId);
        var (specification, input) = catalogue.Variant(template, variant);
        var prepared = input with { Prepared = catalogue.Prepared(input) };

        // Two years on many attestations have lapsed: the standards kept for one day must not answer for another.
        foreach (var day in new[] { input.EvaluationDate.AddYears(2), input.EvaluationDate })
        {
            var (onDay, preparedOnDay) = (input with { EvaluationDate = day }, prepared with { EvaluationDate = day });
            var before = ScorerBeforeIssue15.Score(template, specification.ToSpecification(), onDay);
            var after = Scorer.Score(template, specification.ToSpecification(), preparedOnDay);

            Assert.Equal(Json(catalogue.Draft(specification, template, onDay, before)), Json(catalogue.Draft(specification, template, preparedOnDay, after)));
            Assert.Equal(Json(before.Entries), Json(after.Entries));
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Web);

    private sealed class Generated
    {
        private readonly Core.Catalogue.Offering[] offerings;
        private readonly Dictionary<string, Core.Organisations.Organisation> organisations;
        private readonly ScoringInput input;
        private readonly string commissionerId;
        private readonly List<PreparedCandidates> prepared = [];

        public Generated(int size)
        {
            // The generator's documents have the Core records' JSON shape (both follow schemas/), as the scoring benchmark maps them.
            var catalogue = new Generator(size).Generate();
            organisations = Map<List<Core.Organisations.Organisation>>(catalogue.Organisations).ToDictionary(o => o.Id, StringComparer.Ordinal);
            offerings = [.. Map<List<Core.Catalogue.Offering>>(catalogue.Offerings)];
            var standards = Map<List<Core.Standards.Standard>>(catalogue.Standards);
            var assessments = Map<List<Core.Assessments.BuyerAssessment>>(catalogue.Assessments);
            commissionerId = assessments.GroupBy(a => a.CommissionerId).OrderByDescending(g => g.Count()).First().Key;
            input = new ScoringInput
            {
                Offerings = [.. offerings.Select(o => new CandidateOffering(o, organisations[o.SupplierId]))],
                Attestations = Map<List<Attestation>>(catalogue.Attestations),
                Framework = Map<Core.Frameworks.Framework>(catalogue.Frameworks[0]),
                EvaluationDate = Generator.Today,
                Associations = [.. organisations.Values.Where(o => o.Kind == Core.Organisations.OrganisationKind.Association)],
                Routes = standards.ToDictionary(s => s.Code, s => s.Route, StringComparer.Ordinal),
                StandardNames = standards.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
                Assessments = assessments,
            };
        }

        /// <summary>The candidates of <paramref name="scored"/> prepared once, shared by every test that scores the same list (as a decoded lot's are).</summary>
        public PreparedCandidates Prepared(ScoringInput scored)
        {
            lock (prepared)
            {
                var found = prepared.Find(p => ReferenceEquals(p.Offerings, scored.Offerings) && ReferenceEquals(p.Attestations, scored.Attestations));
                if (found is null)
                {
                    prepared.Add(found = PreparedCandidates.Of(scored.Offerings, scored.Attestations));
                }
                return found;
            }
        }

        public KeyRequirementsTemplate Template(string id) =>
            JsonSerializer.Deserialize<KeyRequirementsTemplate>(File.ReadAllText(Path.Combine(TemplateFileTests.FindRoot(), "catalogue-seed", "templates", id + ".json")), Web)!;

        /// <summary>
        /// Each with the commissioner's own assessments (telehealth gates on DTAC). 0: an English region; 1: a budget, a
        /// large volume and candidates in reverse order; 2: Scotland (no CQC), a small volume and every claimed equivalent accepted.
        /// </summary>
        public (SpecificationDocument Specification, ScoringInput Input) Variant(KeyRequirementsTemplate template, int variant)
        {
            var specification = new SpecificationDocument
            {
                Id = $"spec-{template.Id}-{variant}",
                CommissionerId = commissionerId,
                Title = $"{template.Name} ({variant})",
                TemplateId = template.Id,
                TemplateVersion = template.Version,
                LotId = input.Framework.Lots.Single(l => l.Number == template.Lot).Id,
                Region = variant switch { 0 => "north-west", 1 => "london", _ => "scotland" },
                Volume = variant switch { 0 => 400, 1 => 5_000, _ => 25 },
                ContractMonths = variant switch { 0 => 36, 1 => 60, _ => 12 },
                BudgetGbp = variant == 1 ? 750_000m : null,
            };
            var scored = variant switch
            {
                0 => input with { CommissionerId = commissionerId },
                1 => input with { CommissionerId = commissionerId, Offerings = [.. input.Offerings.Reverse()] },
                _ => input with
                {
                    CommissionerId = commissionerId,
                    EquivalentDecisions = [.. input.Attestations.Where(a => a is { Equivalent: not null, Status: AttestationStatus.Submitted })
                        .Select(a => new EquivalentDecision(a.Id, EquivalentStatus.Accepted, "Meets the same need.", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "user-1"))],
                },
            };
            return (specification, scored);
        }

        public ShortlistDocument Draft(SpecificationDocument specification, KeyRequirementsTemplate template, ScoringInput scored, Shortlist result) =>
            ShortlistLocking.Draft("sl-same", specification, template, scored, result, ShortlistLocking.DefaultMaxResults,
                new ShortlistContext(template.Name, "fw", "REF", "Framework", "Lot", "Commissioner"), new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), "user-1");

        private static T Map<T>(object value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Web), Web)!;
    }
}
