using System.Text.Json;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Core.Standards;

namespace Marketplace.Seed.Tests;

/// <summary>The committed seed (catalogue-seed/) read into Core's types, to be scored as a commissioner's shortlist would be.</summary>
internal sealed record ScoredSeed(
    IReadOnlyList<Organisation> Organisations, IReadOnlyList<Offering> Offerings, IReadOnlyList<Attestation> Attestations,
    IReadOnlyList<Standard> Standards, Framework Framework, IReadOnlyList<BuyerAssessment> Assessments)
{
    /// <summary>The seed's "today" (<see cref="CatalogueGenerator.CatalogueGenerator.Today"/>), the evaluation date.</summary>
    public static DateOnly Today => CatalogueGenerator.CatalogueGenerator.Today;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<ScoredSeed> Loaded = new(() => new(
        Read<Organisation>("organisations.json"), Read<Offering>("offerings.json"), Read<Attestation>("attestations.json"),
        Read<Standard>("standards.json"), Read<Framework>("frameworks.json").Single(), Read<BuyerAssessment>("assessments.json")));

    public static ScoredSeed Committed => Loaded.Value;

    public static IEnumerable<string> TemplateIds() =>
        Directory.GetFiles(Path.Combine(Repository.Seed, "templates"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

    public static KeyRequirementsTemplate Template(string id) =>
        JsonSerializer.Deserialize<KeyRequirementsTemplate>(File.ReadAllText(Path.Combine(Repository.Seed, "templates", id + ".json")), Web)!;

    /// <summary>The first example of <c>schemas/specification.schema.json</c>, as a commissioner would post it.</summary>
    public static SpecificationDraft ExampleSpecification() =>
        Repository.SchemaJson("specification.schema.json").GetProperty("examples")[0].Deserialize<SpecificationDraft>(Web)!;

    public Offering Offering(string id) => Offerings.Single(o => o.Id == id);

    /// <summary>The template's defaults, for the commissioner's region, in the template's lot.</summary>
    public Specification Specification(KeyRequirementsTemplate template, Organisation commissioner) => new()
    {
        TemplateId = template.Id,
        TemplateVersion = template.Version,
        LotId = Framework.Lots.Single(l => l.Number == template.Lot).Id,
        Region = commissioner.Region!,
        Volume = 500,
        ContractMonths = 36,
    };

    /// <summary>What the app scores a shortlist from for <paramref name="commissionerId"/>: the active catalogue on the seed's today.</summary>
    public ScoringInput Input(string commissionerId)
    {
        var suppliers = Organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        return new ScoringInput
        {
            Offerings = [.. Offerings.Where(o => o.Status == OfferingStatus.Active).Select(o => new CandidateOffering(o, suppliers[o.SupplierId]))],
            Attestations = Attestations,
            Framework = Framework,
            EvaluationDate = Today,
            Associations = [.. Organisations.Where(o => o.Kind == OrganisationKind.Association)],
            Routes = Standards.ToDictionary(s => s.Code, s => s.Route, StringComparer.Ordinal),
            StandardNames = Standards.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            CommissionerId = commissionerId,
            Assessments = Assessments,
        };
    }

    public Shortlist Score(KeyRequirementsTemplate template, Specification specification, string commissionerId) =>
        Scorer.Score(template, specification, Input(commissionerId));

    private static T[] Read<T>(string file) => JsonSerializer.Deserialize<T[]>(File.ReadAllText(Path.Combine(Repository.Seed, file)), Web)!;
}
