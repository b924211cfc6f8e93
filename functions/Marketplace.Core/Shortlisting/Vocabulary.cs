namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The slugs a template rule or a specification value may use, with the words used in explanations. They mirror
/// <c>schemas/vocabulary.schema.json</c> (a test holds the two together).
/// </summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["home-alarm-hub"] = "home alarm hub",
        ["pendant-alarm"] = "pendant or wrist alarm",
        ["fall-detector"] = "fall detector",
        ["bed-chair-occupancy-sensor"] = "bed/chair occupancy sensor",
        ["movement-sensor"] = "movement (PIR) sensor",
        ["door-exit-sensor"] = "door/property exit sensor",
        ["epilepsy-seizure-sensor"] = "epilepsy/seizure sensor",
        ["smoke-heat-co-flood-detector"] = "smoke, heat, CO and flood detector",
        ["temperature-extremes-sensor"] = "temperature extremes sensor",
        ["medication-dispenser"] = "medication reminder/dispenser",
        ["gps-mobile-alarm"] = "GPS/mobile alarm",
        ["activity-monitoring"] = "activity monitoring",
        ["big-button-phone"] = "big-button phone",
        ["vital-signs-hub"] = "vital-signs hub",
        ["blood-pressure-monitor"] = "blood-pressure monitor",
        ["pulse-oximeter"] = "pulse oximeter",
        ["weighing-scales"] = "weighing scales",
        ["glucose-meter"] = "glucose meter",
        ["remote-monitoring-platform"] = "remote-monitoring platform",
        ["video-consultation"] = "video consultation",
        ["self-management-coaching"] = "self-management coaching",
        ["smoking-cessation"] = "smoking cessation",
        ["rehabilitation-coaching"] = "rehabilitation coaching",
        ["alarm-receiving-centre"] = "alarm receiving / monitoring centre",
        ["responder-service"] = "responder service",
        ["installation-and-maintenance"] = "installation and maintenance",
        ["clinical-triage-service"] = "clinical triage service",
        ["managed-service"] = "managed service (end-to-end)",
        ["consultancy"] = "consultancy",
    };

    public static readonly IReadOnlyDictionary<string, string> Conditions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["copd"] = "COPD",
        ["heart-failure"] = "heart failure",
        ["diabetes"] = "diabetes",
        ["hypertension"] = "hypertension",
        ["coronary-heart-disease"] = "coronary heart disease",
        ["stroke"] = "stroke",
        ["dementia"] = "dementia",
        ["epilepsy"] = "epilepsy",
        ["falls-risk"] = "falls risk",
        ["learning-disability"] = "learning disability",
        ["physical-disability"] = "physical disability",
        ["frailty"] = "frailty",
    };

    public static readonly IReadOnlyDictionary<string, string> Regions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["north-east-and-yorkshire"] = "North East and Yorkshire",
        ["north-west"] = "the North West",
        ["midlands"] = "the Midlands",
        ["east-of-england"] = "the East of England",
        ["london"] = "London",
        ["south-east"] = "the South East",
        ["south-west"] = "the South West",
        ["scotland"] = "Scotland",
        ["wales"] = "Wales",
        ["northern-ireland"] = "Northern Ireland",
    };

    public static readonly IReadOnlyDictionary<string, string> Interoperability = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bs8521-2"] = "BS 8521-2 (NOW-IP)",
        ["scaip"] = "SCAIP",
        ["fhir-r4-uk-core"] = "HL7 FHIR R4 (UK Core)",
        ["hl7-v2"] = "HL7 v2",
        ["gp-im1"] = "GP system integration (IM1)",
        ["hscn"] = "HSCN connection",
        ["continua"] = "Continua (ITU-T H.810)",
    };

    public static readonly IReadOnlyDictionary<string, string> Connectivity = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["analogue"] = "analogue (PSTN) only",
        ["digital"] = "digital (IP or 4G)",
        ["both"] = "dual-path (analogue and digital)",
    };

    public static readonly IReadOnlyDictionary<string, string> Capabilities =
        Catalogue.Capabilities.All.ToDictionary(c => c.Slug, c => InSentence(c.Name), StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, string> SocialValueCommitments =
        Catalogue.Capabilities.All.Where(c => c.Group == "social-value").ToDictionary(c => c.Slug, c => InSentence(c.Name), StringComparer.Ordinal);

    // Capabilities named by a singular countable noun, which read with "a" in a sentence ("Declares a clinician
    // dashboard"); the others are plural or uncountable ("Declares configurable alert limits", "Declares UK data hosting").
    private static readonly IReadOnlySet<string> CountableCapabilities = new HashSet<string>(StringComparer.Ordinal)
    {
        "clinician-dashboard", "behaviour-change-method", "resilient-receiving-centre", "responder-on-site", "urgent-community-response",
        "digital-migration-plan", "carbon-reduction-plan", "sme-vcse-supply-chain",
    };

    /// <summary>A capability as a sentence names it, with its article where it takes one: "a clinician dashboard".</summary>
    public static string Capability(string slug)
    {
        var words = Words(Capabilities, slug);
        return CountableCapabilities.Contains(slug) ? Article(words) + " " + words : words;
    }

    /// <summary>"a" or "an", by the first letter of <paramref name="words"/>.</summary>
    public static string Article(string words) => words.Length > 0 && "aeiouAEIOU".Contains(words[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>The price model slugs in words, as an offering is "priced …".</summary>
    public static readonly IReadOnlyDictionary<string, string> PriceModels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["per-unit"] = "per unit (one-off)",
        ["per-connection-per-week"] = "per connection per week",
        ["per-patient-per-month"] = "per patient per month",
        ["per-installation"] = "per installation",
        ["managed-service-monthly"] = "managed-service monthly",
    };

    /// <summary>The seven NHS England regions: where CQC is the care regulator (DOMAIN.md).</summary>
    public static readonly IReadOnlySet<string> EnglandRegions = new HashSet<string>(StringComparer.Ordinal)
    {
        "north-east-and-yorkshire", "north-west", "midlands", "east-of-england", "london", "south-east", "south-west",
    };

    public static readonly IReadOnlySet<string> StandardCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "TSA-QSF", "DTAC", "DSPT", "DCB0129", "CYBER-ESSENTIALS", "CYBER-ESSENTIALS-PLUS", "ISO27001", "ISO13485", "MHRA-REG",
        "BS8521-1", "BS8521-2", "EN50134", "SCAIP", "EN50518", "CQC", "NICE-ESF", "ICO-REG", "WCAG21-AA", "A2D-READY",
    };

    // A name in the middle of a sentence: "Clinician dashboard" → "clinician dashboard", but a proper name ("Carbon
    // Reduction Plan") or one that opens with an abbreviation ("UK data hosting", "TUPE transfer") keeps its capitals.
    private static string InSentence(string name)
    {
        var words = name.Split(' ');
        var first = words[0];
        var proper = words.Length > 1 && words[1].Length > 0 && char.IsUpper(words[1][0]);
        var abbreviation = first.Length > 1 && first.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return first.Length == 0 || proper || abbreviation ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The words for a slug, or the slug itself when it is not in the vocabulary.</summary>
    public static string Words(IReadOnlyDictionary<string, string> vocabulary, string slug) =>
        vocabulary.TryGetValue(slug, out var words) ? words : slug;

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items as IReadOnlyList<string> ?? [.. items];
        return list.Count switch
        {
            0 => "none",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Alternatives(IEnumerable<string> items)
    {
        var list = items as IReadOnlyList<string> ?? [.. items];
        return list.Count switch
        {
            0 => "none",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1],
        };
    }
}
