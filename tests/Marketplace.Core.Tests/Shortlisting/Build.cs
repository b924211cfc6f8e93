using System.Text.Json;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>Small, readable catalogues for the shortlisting tests.</summary>
internal static class Build
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public const string Lot3 = "ttc-2026-lot-3";
    public const string Lot1 = "ttc-2026-lot-1";

    public static readonly Organisation Tsa = new() { Id = "tec-services-association", Kind = OrganisationKind.Association, Name = "TEC Services Association" };
    public static readonly Organisation TechUk = new() { Id = "techuk", Kind = OrganisationKind.Association, Name = "techUK" };

    public static Organisation Supplier(string id, string? name = null) => new() { Id = id, Kind = OrganisationKind.Supplier, Name = name ?? id };

    public static Offering Offering(string id, string supplier = "pennine", decimal amount = 100m, string model = "per-unit") => new()
    {
        Id = id,
        SupplierId = supplier,
        Kind = "product",
        Name = "Offering " + id,
        Description = "A remote-monitoring platform.",
        Category = "remote-monitoring-platform",
        Conditions = ["copd"],
        Features = ["Clinician dashboard with red, amber and green triage"],
        Interoperability = ["fhir-r4-uk-core"],
        Connectivity = "digital",
        Regions = ["north-west"],
        Price = new OfferingPrice(model, amount),
        LeadTimeDays = 10,
        Lots = [Lot3],
    };

    public static Framework Framework(params string[] admittedToLot3) => new()
    {
        Id = "ttc-2026",
        Reference = "TTC-2026",
        Name = "Telecare, Telehealth and Telecoaching 2026",
        Status = "live",
        Dates = new FrameworkDates(new(2025, 11, 3), new(2025, 12, 15), new(2026, 4, 1), new(2030, 3, 31)),
        Lots =
        [
            new FrameworkLot(Lot1, 1, "Telecare products", "", ["fall-detector"], admittedToLot3),
            new FrameworkLot(Lot3, 3, "Telehealth products", "", ["remote-monitoring-platform"], admittedToLot3),
        ],
    };

    public static Attestation Attestation(string supplier, string code, string? offering = null, string status = AttestationStatus.Verified,
        DateOnly? expires = null, string? decidedBy = "techuk", string? reason = null, string? id = null) => new()
    {
        Id = id ?? $"att-{supplier}-{code}-{offering ?? "org"}-{status}".ToLowerInvariant(),
        SupplierId = supplier,
        StandardCode = code,
        OfferingId = offering,
        Status = status,
        IssuedOn = Today.AddYears(-1),
        ExpiresOn = expires,
        DecidedBy = status is AttestationStatus.Draft or AttestationStatus.Submitted or AttestationStatus.Withdrawn ? null : decidedBy,
        Reason = reason,
    };

    /// <summary>A supplier's declaration of a capability for an offering.</summary>
    public static CapabilityDeclaration Declare(string capability, string statement, int? value = null, DateOnly? on = null, bool evidence = false) => new()
    {
        Capability = capability,
        Statement = statement,
        Value = value,
        DeclaredOn = on,
        Evidence = evidence ? new EvidenceFile("evidence.pdf", "application/pdf", 1024, new string('0', 64)) : null,
    };

    public static Requirement Gate(string id, RequirementRule rule) =>
        new() { Id = id, Text = "Gate " + id, Kind = RequirementKind.Gate, Rule = rule };

    public static Requirement Criterion(string id, RequirementRule rule, int weight) =>
        new() { Id = id, Text = "Criterion " + id, Kind = RequirementKind.Criterion, Rule = rule, DefaultWeight = weight };

    public static KeyRequirementsTemplate Template(params Requirement[] requirements) => new()
    {
        Id = "test-template",
        Version = 1,
        Name = "Test template",
        Sections = [new TemplateSection { Id = "all", Title = "All", Requirements = requirements }],
    };

    public static Specification Specification(KeyRequirementsTemplate template, int volume = 100, int months = 36, string lot = Lot3, string region = "north-west") => new()
    {
        TemplateId = template.Id,
        TemplateVersion = template.Version,
        LotId = lot,
        Region = region,
        Volume = volume,
        ContractMonths = months,
    };

    public static ScoringInput Input(IEnumerable<Offering> offerings, IEnumerable<Attestation>? attestations = null, Framework? framework = null) => new()
    {
        Offerings = [.. offerings.Select(o => new CandidateOffering(o, Supplier(o.SupplierId, "Supplier " + o.SupplierId)))],
        Attestations = [.. attestations ?? []],
        Framework = framework ?? Framework("pennine", "wear", "derwent"),
        EvaluationDate = Today,
        Associations = [Tsa, TechUk],
    };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Scores one offering against one criterion (weight 1) and returns its line.</summary>
    public static CriterionLine Line(RequirementRule rule, Offering offering, IEnumerable<Attestation>? attestations = null, Specification? specification = null)
    {
        var template = Template(Criterion("crit", rule, 1));
        var shortlist = Scorer.Score(template, specification ?? Specification(template), Input([offering], attestations));
        return Assert.Single(Assert.Single(shortlist.Entries).Criteria);
    }

    /// <summary>Scores one offering against one gate (plus a token criterion) and returns the exclusion, or null when it passed.</summary>
    public static Exclusion? GateResult(RequirementRule rule, Offering offering, IEnumerable<Attestation>? attestations = null)
    {
        var template = Template(Gate("gate", rule), Criterion("lead", new LeadTimeAtMostRule(365), 1));
        var shortlist = Scorer.Score(template, Specification(template), Input([offering], attestations));
        return shortlist.Exclusions.SingleOrDefault();
    }
}
