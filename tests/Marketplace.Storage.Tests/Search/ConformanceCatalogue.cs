using System.Text.RegularExpressions;
using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Tests.Search;

/// <summary>
/// Thirty fictional offerings across telecare, telehealth, telecoaching and services, built by hand so every
/// conformance expectation can be worked out from the data (see <see cref="Words"/> and <see cref="HasPhrase"/>).
/// </summary>
public static partial class ConformanceCatalogue
{
    private static readonly string[] England = ["north-east-and-yorkshire", "north-west", "midlands", "east-of-england", "london", "south-east", "south-west"];

    private static OfferingSearchDocument Offering(
        string id, string name, string category, string summary, string supplierId, string supplierName,
        decimal price, string priceModel = "per-unit", string connectivity = "digital", string[]? conditions = null,
        string[]? regions = null, string[]? lots = null, string[]? standards = null, string[]? features = null, string description = "",
        string[]? capabilities = null) => new()
    {
        Id = id,
        Name = name,
        Category = category,
        Summary = summary,
        Description = description,
        SupplierId = supplierId,
        SupplierName = supplierName,
        PriceGbp = price,
        PriceModel = priceModel,
        Connectivity = connectivity,
        Conditions = conditions ?? [],
        Regions = regions ?? England,
        Lots = lots ?? ["lot-1"],
        VerifiedStandards = standards ?? [],
        Capabilities = capabilities ?? [],
        Features = features ?? [],
        LeadTimeDays = 10,
    };

    public static IReadOnlyList<OfferingSearchDocument> Offerings { get; } =
    [
        Offering("wrist-fall-detector", "Wrist fall detector", "fall-detector",
            "Automatic fall detector worn on the wrist. Raises an alarm when a fall is detected.",
            "pennine-careline", "Pennine Careline", 89.00m, conditions: ["falls-risk", "frailty"], regions: ["london", "south-east"],
            standards: ["BS8521-2", "A2D-READY"], features: ["automatic alert", "wrist-worn"],
            description: "The wrist detector measures impact and posture. Batteries last two years."),
        Offering("pendant-fall-detector", "Pendant fall detector", "fall-detector",
            "Pendant-worn fall detector with automatic alerts to the monitoring centre.",
            "solent-telehealth", "Solent Telehealth", 120.00m, connectivity: "both", conditions: ["falls-risk", "dementia"],
            regions: ["north-west", "midlands"], standards: ["EN50134", "BS8521-1"], features: ["automatic alert", "worn round the neck"]),
        Offering("radar-fall-detector", "Ceiling radar fall detector", "fall-detector",
            "Contact-free radar fall detector for bathrooms and bedrooms.",
            "aire-valley-tec", "Aire Valley TEC", 249.00m, conditions: ["falls-risk", "frailty", "dementia"], regions: ["london"],
            standards: ["A2D-READY", "DCB0129"], features: ["no wearable needed"]),
        Offering("analogue-fall-sensor", "Analogue fall sensor", "fall-detector",
            "Fall detector for analogue dispersed alarms.",
            "pennine-careline", "Pennine Careline", 65.00m, connectivity: "analogue", conditions: ["falls-risk"], regions: ["scotland", "wales"],
            standards: ["BS8521-1"]),
        Offering("classic-pendant-alarm", "Classic pendant alarm", "pendant-alarm",
            "Waterproof pendant alarm button that calls the monitoring centre.",
            "pennine-careline", "Pennine Careline", 25.00m, connectivity: "analogue", conditions: ["falls-risk", "frailty", "learning-disability"],
            standards: ["BS8521-1", "EN50134"], features: ["waterproof"]),
        Offering("digital-pendant-alarm", "Digital pendant alarm", "pendant-alarm",
            "IP pendant alarm with two-way speech.",
            "solent-telehealth", "Solent Telehealth", 35.00m, conditions: ["falls-risk", "frailty"],
            standards: ["BS8521-2", "SCAIP", "A2D-READY"], features: ["two-way speech"]),
        Offering("gps-mobile-alarm", "GPS mobile alarm", "gps-alarm",
            "Mobile alarm with GPS location and fall detection for people who go out alone.",
            "aire-valley-tec", "Aire Valley TEC", 79.00m, connectivity: "digital", conditions: ["dementia", "learning-disability"],
            regions: ["london", "south-east", "south-west"], standards: ["A2D-READY"]),
        Offering("lifeline-home-hub", "Lifeline home alarm hub", "home-alarm-hub",
            "Dual-path home hub for telecare sensors.",
            "pennine-careline", "Pennine Careline", 145.00m, connectivity: "both", conditions: ["frailty"],
            standards: ["BS8521-2", "EN50134", "A2D-READY"], features: ["battery back-up"]),
        Offering("smart-home-hub", "Smart home hub", "home-alarm-hub",
            "Digital hub connecting sensors and pendant alarms.",
            "northern-tec", "Northern TEC Services", 160.00m, conditions: ["frailty", "dementia"], regions: ["north-east-and-yorkshire", "north-west"],
            standards: ["BS8521-2", "SCAIP"]),
        Offering("vital-signs-hub", "Vital signs hub", "vital-signs-hub",
            "Telehealth hub that collects readings from Bluetooth monitors.",
            "solent-telehealth", "Solent Telehealth", 12.50m, priceModel: "per-patient-per-month", conditions: ["copd", "heart-failure", "hypertension"],
            lots: ["lot-3"], standards: ["DTAC", "DSPT", "DCB0129", "MHRA-REG"], capabilities: ["clinician-dashboard", "configurable-alert-limits", "missed-reading-reminders"]),
        Offering("connected-bp-monitor", "Connected blood pressure monitor", "blood-pressure-monitor",
            "Upper-arm blood pressure monitor that sends readings to the clinician dashboard.",
            "solent-telehealth", "Solent Telehealth", 42.00m, conditions: ["hypertension", "heart-failure", "stroke"],
            lots: ["lot-3"], standards: ["MHRA-REG", "DTAC"], capabilities: ["clinician-dashboard"]),
        Offering("wrist-bp-monitor", "Wrist blood pressure monitor", "blood-pressure-monitor",
            "Compact wrist monitor for home blood pressure readings.",
            "aire-valley-tec", "Aire Valley TEC", 38.00m, conditions: ["hypertension"], lots: ["lot-3"], standards: ["MHRA-REG"]),
        Offering("home-hypertension-kit", "Home hypertension kit", "blood-pressure-monitor",
            "Blood pressure monitor, weighing scales and a patient app in one box.",
            "northern-tec", "Northern TEC Services", 75.00m, conditions: ["hypertension", "diabetes"], lots: ["lot-3"], standards: ["MHRA-REG", "DTAC"], capabilities: ["configurable-alert-limits", "clinician-dashboard"]),
        Offering("fingertip-oximeter", "Fingertip pulse oximeter", "pulse-oximeter",
            "Oxygen saturation readings for people with COPD.",
            "solent-telehealth", "Solent Telehealth", 19.99m, conditions: ["copd"], lots: ["lot-3"], standards: ["MHRA-REG"]),
        Offering("copd-coaching", "COPD self-management coaching", "self-management-coaching",
            "Telephone coaching that helps people with COPD manage breathlessness.",
            "breathe-well-coaching", "Breathe Well Coaching", 30.00m, priceModel: "per-patient-per-month", connectivity: "",
            conditions: ["copd"], lots: ["lot-5"], standards: ["CQC", "DSPT"]),
        Offering("diabetes-coaching", "Diabetes coaching programme", "self-management-coaching",
            "Structured education and coaching for type 2 diabetes.",
            "breathe-well-coaching", "Breathe Well Coaching", 28.00m, priceModel: "per-patient-per-month", connectivity: "",
            conditions: ["diabetes"], lots: ["lot-5"], standards: ["CQC", "DSPT"]),
        Offering("cardiac-rehab-coaching", "Cardiac rehabilitation coaching", "rehabilitation-coaching",
            "Home-based rehabilitation coaching after a heart attack.",
            "northern-tec", "Northern TEC Services", 55.00m, priceModel: "per-patient-per-month", connectivity: "",
            conditions: ["coronary-heart-disease", "heart-failure"], lots: ["lot-5"], standards: ["CQC"]),
        Offering("stop-smoking-coaching", "Stop smoking coaching", "smoking-cessation",
            "Text and phone support to quit smoking for good.",
            "breathe-well-coaching", "Breathe Well Coaching", 22.00m, priceModel: "per-patient-per-month", connectivity: "",
            conditions: ["copd", "coronary-heart-disease"], lots: ["lot-5"]),
        Offering("alarm-receiving-centre", "24/7 alarm receiving centre", "alarm-receiving-centre",
            "Monitoring centre answering pendant alarm and fall detector calls around the clock.",
            "pennine-careline", "Pennine Careline", 3.50m, priceModel: "per-connection-per-week", connectivity: "both",
            lots: ["lot-2"], standards: ["TSA-QSF", "EN50518", "A2D-READY"], capabilities: ["monitoring-24-7"]),
        Offering("mobile-responder", "Mobile responder service", "responder-service",
            "Responders sent by the centre visit within 45 minutes, with monitoring of every response time.",
            "northern-tec", "Northern TEC Services", 4.20m, priceModel: "per-connection-per-week", connectivity: "",
            regions: ["north-east-and-yorkshire"], lots: ["lot-2"], standards: ["TSA-QSF"], capabilities: ["responder-on-site", "falls-lifting"]),
        Offering("installation-service", "Telecare installation and maintenance", "installation-and-maintenance",
            "Urgent installs within 20 working hours and yearly maintenance visits.",
            "aire-valley-tec", "Aire Valley TEC", 60.00m, priceModel: "per-installation", connectivity: "", lots: ["lot-2"], standards: ["TSA-QSF"]),
        Offering("telehealth-managed-service", "End-to-end telehealth managed service", "managed-service",
            "Risk stratification, installation, monitoring and clinical triage for a monthly fee.",
            "solent-telehealth", "Solent Telehealth", 950.00m, priceModel: "managed-service-monthly", connectivity: "both",
            conditions: ["copd", "heart-failure", "diabetes"], lots: ["lot-6"], standards: ["DSPT", "CQC", "ISO27001"], capabilities: ["clinician-dashboard", "configurable-alert-limits", "clinical-triage", "outcome-reporting"]),
        Offering("clinical-triage", "Clinical triage service", "clinical-triage-service",
            "Nurses review readings that breach alert limits and call the patient.",
            "solent-telehealth", "Solent Telehealth", 6.00m, priceModel: "per-patient-per-month", connectivity: "",
            conditions: ["copd", "heart-failure"], lots: ["lot-4"], standards: ["CQC", "DSPT"], capabilities: ["clinical-triage", "configurable-alert-limits"]),
        Offering("bed-occupancy-sensor", "Bed occupancy sensor", "bed-chair-occupancy-sensor",
            "Pressure pad that raises an alarm if someone does not return to bed.",
            "northern-tec", "Northern TEC Services", 55.00m, connectivity: "both", conditions: ["falls-risk", "dementia"], standards: ["EN50134"]),
        Offering("property-exit-sensor", "Property exit sensor", "door-exit-sensor",
            "Door sensor that alerts carers when someone leaves at night.",
            "northern-tec", "Northern TEC Services", 40.00m, connectivity: "both", conditions: ["dementia"], standards: ["EN50134"]),
        Offering("linked-smoke-detector", "Linked smoke detector", "smoke-heat-co-flood-detector",
            "Radio smoke detector that raises a telecare alarm.",
            "aire-valley-tec", "Aire Valley TEC", 48.00m, connectivity: "both", conditions: ["physical-disability"], standards: ["EN50134"]),
        Offering("epilepsy-sensor", "Epilepsy seizure sensor", "epilepsy-seizure-sensor",
            "Bed sensor that detects tonic-clonic seizures at night.",
            "aire-valley-tec", "Aire Valley TEC", 310.00m, connectivity: "both", conditions: ["epilepsy"], standards: ["MHRA-REG", "EN50134"]),
        Offering("medication-dispenser", "Automatic medication dispenser", "medication-dispenser",
            "Locked carousel that releases doses on time and alerts if they are missed.",
            "pennine-careline", "Pennine Careline", 99.00m, conditions: ["dementia", "frailty"], standards: ["A2D-READY"]),
        Offering("bluetooth-scales", "Bluetooth weighing scales", "weighing-scales",
            "Daily weight readings to spot fluid build-up early.",
            "solent-telehealth", "Solent Telehealth", 45.00m, conditions: ["heart-failure"], lots: ["lot-3"], standards: ["MHRA-REG"]),
        Offering("video-consultation", "Video consultation platform", "video-consultation",
            "Secure video calls between patients and clinicians.",
            "northern-tec", "Northern TEC Services", 2.00m, priceModel: "per-patient-per-month", lots: ["lot-4"],
            standards: ["DTAC", "DSPT", "ISO27001", "CYBER-ESSENTIALS-PLUS"]),
    ];

    public static OfferingSearchDocument ById(string id) => Offerings.Single(o => o.Id == id);

    /// <summary>The text fields the search covers, one string per field value (features are separate values).</summary>
    public static IEnumerable<string> SearchedTexts(OfferingSearchDocument o) =>
        [o.Name, o.Summary, o.Description, o.SupplierName, .. o.Features];

    /// <summary>Lower-cased words of every searched field: the oracle for what a term query matches.</summary>
    public static ISet<string> Words(OfferingSearchDocument o) =>
        SearchedTexts(o).SelectMany(Tokens).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when one field value holds these words next to each other, in order.</summary>
    public static bool HasPhrase(OfferingSearchDocument o, params string[] words) =>
        SearchedTexts(o).Select(t => Tokens(t).ToList()).Any(tokens =>
            Enumerable.Range(0, Math.Max(0, tokens.Count - words.Length + 1)).Any(i => tokens.Skip(i).Take(words.Length).SequenceEqual(words)));

    public static IEnumerable<string> Tokens(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
