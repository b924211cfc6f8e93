namespace Marketplace.CatalogueGenerator;

// Controlled vocabularies, mirrored in schemas/vocabulary.schema.json (the tests hold the two together).
// Facts come from shared/design/DOMAIN.md.

internal static class Regions
{
    public static readonly string[] England =
    [
        "north-east-and-yorkshire", "north-west", "midlands", "east-of-england", "london", "south-east", "south-west",
    ];

    public static readonly string[] All = [.. England, "scotland", "wales", "northern-ireland"];

    public static string Title(string region) => region switch
    {
        "north-east-and-yorkshire" => "North East and Yorkshire",
        "north-west" => "the North West",
        "midlands" => "the Midlands",
        "east-of-england" => "the East of England",
        "london" => "London",
        "south-east" => "the South East",
        "south-west" => "the South West",
        "scotland" => "Scotland",
        "wales" => "Wales",
        "northern-ireland" => "Northern Ireland",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    /// <summary>Neighbouring regions, used to give regional suppliers a plausible patch.</summary>
    public static string[] Neighbours(string region) => region switch
    {
        "north-east-and-yorkshire" => ["north-west", "midlands", "scotland"],
        "north-west" => ["north-east-and-yorkshire", "midlands", "wales"],
        "midlands" => ["north-west", "north-east-and-yorkshire", "east-of-england", "south-west", "south-east", "wales"],
        "east-of-england" => ["london", "midlands", "south-east"],
        "london" => ["south-east", "east-of-england"],
        "south-east" => ["london", "east-of-england", "south-west", "midlands"],
        "south-west" => ["south-east", "midlands", "wales"],
        "scotland" => ["north-east-and-yorkshire", "north-west", "northern-ireland"],
        "wales" => ["north-west", "midlands", "south-west"],
        "northern-ireland" => ["scotland"],
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };
}

internal static class Conditions
{
    public const string Copd = "copd";
    public const string HeartFailure = "heart-failure";
    public const string Diabetes = "diabetes";
    public const string Hypertension = "hypertension";
    public const string CoronaryHeartDisease = "coronary-heart-disease";
    public const string Stroke = "stroke";
    public const string Dementia = "dementia";
    public const string Epilepsy = "epilepsy";
    public const string FallsRisk = "falls-risk";
    public const string LearningDisability = "learning-disability";
    public const string PhysicalDisability = "physical-disability";
    public const string Frailty = "frailty";

    public static readonly string[] All =
    [
        Copd, HeartFailure, Diabetes, Hypertension, CoronaryHeartDisease, Stroke,
        Dementia, Epilepsy, FallsRisk, LearningDisability, PhysicalDisability, Frailty,
    ];

    public static string Title(string condition) => condition switch
    {
        Copd => "COPD",
        HeartFailure => "heart failure",
        Diabetes => "diabetes",
        Hypertension => "hypertension",
        CoronaryHeartDisease => "coronary heart disease",
        Stroke => "stroke",
        Dementia => "dementia",
        Epilepsy => "epilepsy",
        FallsRisk => "falls risk",
        LearningDisability => "learning disability",
        PhysicalDisability => "physical disability",
        Frailty => "frailty",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    public static readonly string[] Telecare = [FallsRisk, Dementia, Frailty, LearningDisability, PhysicalDisability, Stroke];
    public static readonly string[] LongTerm = [Copd, HeartFailure, Diabetes, Hypertension, CoronaryHeartDisease];
    /// <summary>The three conditions of the Whole System Demonstrator trial (2008–2011), the telehealth template's default cohort.</summary>
    public static readonly string[] WholeSystemDemonstrator = [Copd, HeartFailure, Diabetes];
}

internal static class Interop
{
    public const string Bs85212 = "bs8521-2";
    public const string Scaip = "scaip";
    public const string Fhir = "fhir-r4-uk-core";
    public const string Hl7V2 = "hl7-v2";
    public const string GpIm1 = "gp-im1";
    public const string Hscn = "hscn";
    public const string Continua = "continua";
}

internal static class Associations
{
    public const string Tsa = "tec-services-association";
    public const string Abhi = "abhi";
    public const string TechUk = "techuk";
    public const string Medilink = "medilink-uk";
    public const string Regional = "northern-health-technology-network";

    public static readonly string[] All = [Tsa, Abhi, TechUk, Medilink, Regional];

    /// <summary>
    /// Which standards an association's members tend to attest to, by trade (the seed once let associations validate
    /// these). It only picks what suppliers claim, so the seed's records stay where they were; no association decides anything.
    /// </summary>
    public static IReadOnlyList<string> Validates(string association) => association switch
    {
        Tsa => ["TSA-QSF", "BS8521-1", "BS8521-2", "EN50134", "SCAIP", "EN50518", "A2D-READY", "CQC"],
        Abhi or Medilink => ["MHRA-REG", "ISO13485", "DCB0129", "NICE-ESF", "CQC"],
        TechUk => ["DTAC", "DSPT", "CYBER-ESSENTIALS", "CYBER-ESSENTIALS-PLUS", "ISO27001", "ICO-REG", "WCAG21-AA", "CQC"],
        Regional => ["CQC"],
        _ => throw new ArgumentOutOfRangeException(nameof(association), association, null),
    };

    public static IReadOnlyList<Organisation> Documents { get; } =
    [
        Association(Tsa, "TEC Services Association",
            "Industry and membership body for technology-enabled care in the UK (formerly the Telecare Services Association). Vouches for its members and their declarations; the Quality Standards Framework it owns is certified by TEC Quality.",
            "north-west"),
        Association(Abhi, "Association of British HealthTech Industries (ABHI)",
            "UK industry association for health technology, one of the four trade associations behind 3millionlives. Vouches for its members in health technology.",
            "london"),
        Association(TechUk, "techUK",
            "UK technology industry trade association (formerly Intellect), one of the four trade associations behind 3millionlives. Vouches for its members in digital and data.",
            "london"),
        Association(Medilink, "Medilink UK",
            "National health technology business support organisation, one of the four trade associations behind 3millionlives. Vouches for its members in health technology.",
            "midlands"),
        Association(Regional, "Northern Health Technology Network",
            "Fictional regional network of health and care technology firms in the North of England. Vouches for its members in the North of England.",
            "north-east-and-yorkshire"),
    ];

    private static Organisation Association(string id, string name, string summary, string region) => new()
    {
        Id = id,
        Kind = "association",
        Name = name,
        Summary = summary,
        Website = $"https://www.{id}.example/",
        ContactEmail = $"attestations@{id}.example",
        Region = region,
    };
}

internal static class Commissioners
{
    public static IReadOnlyList<Organisation> Documents { get; } =
    [
        Commissioner("nhs-wolds-and-humber-icb", "NHS Wolds and Humber Integrated Care Board", "integrated-care-board", "north-east-and-yorkshire",
            "Fictional integrated care board commissioning remote monitoring for COPD and heart failure across the Wolds and the Humber estuary."),
        Commissioner("nhs-mersey-vale-icb", "NHS Mersey Vale Integrated Care Board", "integrated-care-board", "north-west",
            "Fictional integrated care board running a virtual-ward programme and a telehealth pathfinder for 12,000 patients."),
        Commissioner("nhs-trent-valley-icb", "NHS Trent Valley Integrated Care Board", "integrated-care-board", "midlands",
            "Fictional integrated care board buying telehealth and clinical triage for long-term conditions."),
        Commissioner("nhs-fens-and-broads-icb", "NHS Fens and Broads Integrated Care Board", "integrated-care-board", "east-of-england",
            "Fictional integrated care board with a rural population and a focus on frailty and falls prevention."),
        Commissioner("nhs-north-thames-icb", "NHS North Thames Integrated Care Board", "integrated-care-board", "london",
            "Fictional integrated care board commissioning remote monitoring for hypertension and diabetes."),
        Commissioner("nhs-weald-and-downs-icb", "NHS Weald and Downs Integrated Care Board", "integrated-care-board", "south-east",
            "Fictional integrated care board jointly commissioning technology-enabled care with its councils."),
        Commissioner("calderbrook-metropolitan-borough-council", "Calderbrook Metropolitan Borough Council", "local-authority", "north-east-and-yorkshire",
            "Fictional council adult social care department running a community alarm service for 9,000 connections and moving it to digital."),
        Commissioner("severnside-county-council", "Severnside County Council", "local-authority", "south-west",
            "Fictional county council commissioning telecare, responder and installation services for adult social care."),
        Commissioner("london-borough-of-riverside", "London Borough of Riverside", "local-authority", "london",
            "Fictional London borough buying telecare for people with dementia and learning disabilities living at home."),
        Commissioner("nhs-strathallan", "NHS Strathallan", "health-board", "scotland",
            "Fictional Scottish NHS board with a home and mobile health monitoring programme."),
        Commissioner("teifi-and-tywi-university-health-board", "Teifi and Tywi University Health Board", "health-board", "wales",
            "Fictional Welsh health board commissioning remote monitoring and telecoaching across rural west Wales."),
        Commissioner("lagan-and-mourne-hsc-trust", "Lagan and Mourne Health and Social Care Trust", "health-and-social-care-trust", "northern-ireland",
            "Fictional Northern Ireland health and social care trust buying telemonitoring and telecare."),
    ];

    private static Organisation Commissioner(string id, string name, string type, string region, string summary) => new()
    {
        Id = id,
        Kind = "commissioner",
        Name = name,
        Summary = summary,
        Website = $"https://www.{id}.example/",
        ContactEmail = $"procurement@{id}.example",
        Region = region,
        CommissionerType = type,
    };
}

internal static class StandardsRegister
{
    private const string Organisation = "organisation";
    private const string Product = "product";
    private const string Service = "service";

    // Verification routes and validity kinds (DOMAIN.md standards register; Core's VerificationRoute and ValidityKind).
    private const string Certifier = "certifier";
    private const string Register = "register";
    private const string BuyerAssessed = "buyer-assessed";
    private const string Declaration = "declaration";
    public const string PerRelease = "per-release";
    private static readonly Validity Release = new() { Kind = PerRelease };
    private static readonly Validity WhileRegistered = new() { Kind = "while-registered" };
    private static readonly Validity EditionBound = new() { Kind = "edition-bound" };
    private static readonly Validity OpenEnded = new() { Kind = "open-ended" };

    private static Validity Months(int months) => new() { Kind = "months", Months = months };

    public static IReadOnlyList<Standard> Documents { get; } =
    [
        S("TSA-QSF", "Quality Standards Framework", "TEC Services Association (owner; open to members and non-members)",
            "Certificate listing the certified modules", true, [Organisation, Service],
            "Quality framework for technology-enabled care services: 10 common modules plus service modules (monitoring, response, installation, proactive services); a 3-year certification cycle with annual surveillance.",
            Certifier, "TEC Quality (independent certification body, UKAS route)", Months(36)),
        S("DTAC", "Digital Technology Assessment Criteria", "NHS England",
            "Completed assessment with evidence: clinical safety, data protection, technical security and interoperability (pass/fail); usability and accessibility (rated)", true, [Product],
            "Baseline assessment for digital health technologies used in the NHS; not a certificate: the buyer assesses each product version in each procurement, and it lapses when the version changes or the criteria are revised.",
            BuyerAssessed, "The buyer, per product version and procurement", Release),
        S("DSPT", "Data Security and Protection Toolkit", "NHS England",
            "Organisation code and published status \"Standards Met\" or \"Standards Exceeded\" for the current year", false, [Organisation],
            "Annual self-assessment against the National Data Guardian's data security standards, published on the public register; the deadline is 30 June each year.",
            Register, "NHS England DSPT public register (published assessment status)", Months(12)),
        S("DCB0129", "Clinical risk management: its application in the manufacture of health IT systems", "NHS England",
            "Clinical safety case report, hazard log and named Clinical Safety Officer", true, [Product],
            "Clinical risk management standard for manufacturers of health IT; applies per release and lapses when the release changes, not by date. The buyer's own DCB0160 deployment case depends on it.",
            Declaration, "The manufacturer's declaration with a named Clinical Safety Officer; the buyer checks it", Release),
        S("CYBER-ESSENTIALS", "Cyber Essentials", "National Cyber Security Centre, certified by IASME",
            "Certificate number", false, [Organisation],
            "Self-assessed certification of five basic technical controls against common cyber attacks, issued by an IASME certification body.",
            Certifier, "An IASME certification body (on the IASME register)", Months(12)),
        S("CYBER-ESSENTIALS-PLUS", "Cyber Essentials Plus", "National Cyber Security Centre, certified by IASME",
            "Certificate number and technical audit report", true, [Organisation],
            "Cyber Essentials with an independent technical audit of the controls.",
            Certifier, "An IASME certification body (on the IASME register), after an audit", Months(12)),
        S("ISO27001", "ISO/IEC 27001:2022 Information security management", "ISO/IEC",
            "Certificate and statement of scope", true, [Organisation],
            "Certified information security management system; a 3-year certificate with annual surveillance audits.",
            Certifier, "A UKAS-accredited certification body (checkable on UKAS CertCheck)", Months(36)),
        S("ISO13485", "ISO 13485 Medical devices quality management", "ISO",
            "Certificate", true, [Organisation],
            "Certified quality management system for the design and manufacture of medical devices.",
            Certifier, "An accredited certification body", Months(36)),
        S("MHRA-REG", "Medical device registration with the MHRA; UKCA or CE marking", "Medicines and Healthcare products Regulatory Agency",
            "Registration number, declaration of conformity and device class (I, IIa, IIb); Approved or Notified Body certificate for class IIa and above", true, [Product],
            "Registration is open-ended while the device is on the market; Approved or Notified Body certificates last up to 5 years.",
            Register, "MHRA public register (PARD); an Approved or Notified Body certificate for class IIa and above", WhileRegistered),
        S("BS8521-1", "BS 8521-1 Social alarm DTMF signalling (analogue)", "BSI",
            "Manufacturer's declaration", true, [Product],
            "Signalling protocol for analogue social alarms over the public telephone network; valid for the edition declared.",
            Declaration, "The manufacturer's declaration (or a test house report)", EditionBound),
        S("BS8521-2", "BS 8521-2:2020 Social alarm IP signalling (NOW-IP)", "BSI",
            "Declaration or interoperability test report", true, [Product, Service],
            "IP signalling protocol between social alarms and alarm receiving centres; valid for the edition declared.",
            Declaration, "The supplier's declaration or an interoperability test report", EditionBound),
        S("EN50134", "EN 50134 Social alarm systems (parts 1, 2, 3, 5 and 7)", "CENELEC",
            "Declaration of conformity", true, [Product],
            "European standard for social alarm equipment, trigger devices, local units, application guidelines and (part 7) receiving centres; valid for the edition declared.",
            Declaration, "The supplier's declaration or a third-party test", EditionBound),
        S("SCAIP", "TS 50134-9 Social Care Alarm Internet Protocol (SCAIP)", "CENELEC",
            "Interoperability test report", true, [Product, Service],
            "IP protocol between social alarm devices and receiving centres; valid for the edition declared.",
            Declaration, "The supplier's interoperability test report", EditionBound),
        S("EN50518", "BS EN 50518:2019 Monitoring and alarm receiving centres", "BSI (European standard from CENELEC)",
            "Third-party certificate", true, [Service],
            "Location, construction and technical requirements for monitoring and alarm receiving centres. Validity of 36 months is typical but uncertain.",
            Certifier, "A third-party certification body", Months(36)),
        S("CQC", "Care Quality Commission registration (England only)", "Care Quality Commission",
            "Provider id and registered activities (for example \"Treatment of disease, disorder or injury\")", false, [Organisation],
            "Registration for regulated activities in England, including remote clinical services; holds while registered. Scotland, Wales and Northern Ireland have their own regulators.",
            Register, "CQC public register of providers (England)", WhileRegistered,
            jurisdictions: ["england"],
            devolved:
            [
                new() { Nation = "scotland", Bodies = ["Care Inspectorate", "Healthcare Improvement Scotland"] },
                new() { Nation = "wales", Bodies = ["Care Inspectorate Wales (CIW)", "Healthcare Inspectorate Wales (HIW)"] },
                new() { Nation = "northern-ireland", Bodies = ["Regulation and Quality Improvement Authority (RQIA)"] },
            ]),
        S("NICE-ESF", "NICE Evidence Standards Framework for digital health technologies", "National Institute for Health and Care Excellence",
            "Evidence tier (A, B or C) and the evidence against each standard", true, [Product],
            "Evidence expected of a digital health technology according to its tier; the buyer judges the evidence; open-ended.",
            BuyerAssessed, "The buyer, judging the evidence against the tier", OpenEnded),
        S("ICO-REG", "Data protection fee registration", "Information Commissioner's Office",
            "Registration reference", false, [Organisation],
            "Annual data protection fee registration with the ICO.",
            Register, "ICO public register of fee payers", Months(12)),
        // The code keeps "21" although the standard is now WCAG 2.2: attestations refer to codes, which never change.
        S("WCAG21-AA", "Web Content Accessibility Guidelines 2.2 level AA", "W3C",
            "Accessibility statement and independent audit report", true, [Product],
            "Accessibility conformance of web and app interfaces; the public-sector accessibility regulations now expect WCAG 2.2. Lapses when the product version changes.",
            Declaration, "The supplier's accessibility statement with an independent audit", Release),
        S("A2D-READY", "Digital switchover readiness", "No single issuing body: supplier declaration",
            "Declaration and test report: IP or dual-path devices, digital receiving centre, battery back-up, migration plan, end-to-end test after migration", true, [Product, Service],
            "Readiness for the switch-off of the UK analogue telephone network by January 2027.",
            Declaration, "The supplier's declaration with its test report (may be vouched by the TEC Services Association)", Months(12)),
    ];

    private static Standard S(string code, string name, string body, string evidence, bool evidenceRequired, string[] scope, string summary,
        string route, string confirmedBy, Validity validity, string[]? jurisdictions = null, DevolvedEquivalent[]? devolved = null) => new()
    {
        Code = code,
        Name = name,
        IssuingBody = body,
        EvidenceKind = evidence,
        EvidenceRequired = evidenceRequired,
        // Only a validity in months gives an expiry date; every other rule is null here, as open-ended was before rules.
        ValidityMonths = validity.Months,
        Scope = scope,
        Summary = summary,
        Route = route,
        ConfirmedBy = confirmedBy,
        Validity = validity,
        Jurisdictions = jurisdictions,
        DevolvedEquivalents = devolved,
    };

    private static readonly Dictionary<string, Standard> ByCode = Documents.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static Standard Get(string code) => ByCode[code];
}
