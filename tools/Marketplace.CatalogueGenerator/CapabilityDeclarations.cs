using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.CatalogueGenerator;

/// <summary>
/// What each offering declares it can do, from the controlled capability vocabulary (issue 13): chosen from what the
/// offering is (its category) and who sells it (each supplier declares a little more or less than its trade's norm),
/// never read from its own text. Statements come from a small bank per capability with figures drawn here, so no
/// statement repeats a description. Social-value commitments are the supplier's, the same on each of its offerings.
/// Drawn from their own random generator, so no other record changes.
/// </summary>
internal static partial class CapabilityDeclarations
{
    /// <summary>How likely (in %) an offering of a category is to declare each capability, before the supplier's own leaning.</summary>
    private static readonly Dictionary<string, (string Capability, int Percent)[]> ByCategory = new(StringComparer.Ordinal)
    {
        // Telecare products
        ["home-alarm-hub"] = [("two-way-speech", 92), ("battery-back-up", 88), ("remote-device-management", 75), ("maintenance-and-repair", 30), ("equipment-recovery", 35), ("digital-migration-plan", 30)],
        ["pendant-alarm"] = [("remote-device-management", 35), ("equipment-recovery", 30), ("maintenance-and-repair", 20)],
        ["fall-detector"] = [("automatic-fall-detection", 95), ("two-way-speech", 30), ("remote-device-management", 40), ("equipment-recovery", 25), ("maintenance-and-repair", 20)],
        ["bed-chair-occupancy-sensor"] = [("remote-device-management", 30), ("equipment-recovery", 30), ("maintenance-and-repair", 20)],
        ["movement-sensor"] = [("remote-device-management", 35), ("equipment-recovery", 25)],
        ["door-exit-sensor"] = [("remote-device-management", 30), ("equipment-recovery", 25)],
        ["epilepsy-seizure-sensor"] = [("remote-device-management", 45), ("equipment-recovery", 30), ("maintenance-and-repair", 30)],
        ["smoke-heat-co-flood-detector"] = [("battery-back-up", 60), ("remote-device-management", 40), ("maintenance-and-repair", 25)],
        ["temperature-extremes-sensor"] = [("remote-device-management", 30), ("equipment-recovery", 20)],
        ["medication-dispenser"] = [("battery-back-up", 55), ("remote-device-management", 50), ("equipment-recovery", 30)],
        ["gps-mobile-alarm"] = [("two-way-speech", 90), ("automatic-fall-detection", 50), ("remote-device-management", 70), ("uk-data-hosting", 40)],
        ["activity-monitoring"] = [("remote-device-management", 70), ("uk-data-hosting", 70), ("data-export-on-exit", 45), ("staff-and-user-training", 40)],
        ["big-button-phone"] = [("battery-back-up", 30)],

        // Telehealth products: platforms are what a clinician works in; hubs and devices mostly feed one.
        ["vital-signs-hub"] = [("clinician-dashboard", 15), ("configurable-alert-limits", 30), ("missed-reading-reminders", 70), ("symptom-questions", 70),
            ("uk-data-hosting", 50), ("remote-device-management", 60), ("staff-and-user-training", 40)],
        ["blood-pressure-monitor"] = [("missed-reading-reminders", 15), ("equipment-recovery", 25)],
        ["pulse-oximeter"] = [("missed-reading-reminders", 15), ("equipment-recovery", 25)],
        ["weighing-scales"] = [("missed-reading-reminders", 15), ("equipment-recovery", 25)],
        ["glucose-meter"] = [("missed-reading-reminders", 20)],
        ["remote-monitoring-platform"] = [("clinician-dashboard", 94), ("configurable-alert-limits", 88), ("missed-reading-reminders", 72), ("symptom-questions", 78),
            ("uk-data-hosting", 85), ("data-export-on-exit", 65), ("outcome-reporting", 45), ("staff-and-user-training", 60), ("risk-stratification", 25)],
        ["video-consultation"] = [("video-sessions", 80), ("uk-data-hosting", 70), ("data-export-on-exit", 40), ("staff-and-user-training", 60)],

        // Telecoaching
        ["self-management-coaching"] = [("personalised-goals", 88), ("coach-follow-up", 78), ("video-sessions", 60), ("behaviour-change-method", 65),
            ("outcome-reporting", 40), ("data-export-on-exit", 35), ("uk-data-hosting", 50), ("staff-and-user-training", 30)],
        ["smoking-cessation"] = [("personalised-goals", 70), ("coach-follow-up", 80), ("video-sessions", 40), ("behaviour-change-method", 80),
            ("outcome-reporting", 45), ("data-export-on-exit", 30), ("uk-data-hosting", 45)],
        ["rehabilitation-coaching"] = [("personalised-goals", 85), ("coach-follow-up", 70), ("video-sessions", 90), ("behaviour-change-method", 50),
            ("outcome-reporting", 45), ("data-export-on-exit", 30), ("uk-data-hosting", 50)],

        // Services
        ["alarm-receiving-centre"] = [("monitoring-24-7", 96), ("call-handling-to-standard", 80), ("resilient-receiving-centre", 65), ("digital-migration-plan", 60),
            ("urgent-community-response", 35), ("uk-data-hosting", 60), ("data-export-on-exit", 50), ("tupe-transfer", 45), ("staff-and-user-training", 40)],
        ["responder-service"] = [("responder-on-site", 90), ("falls-lifting", 75), ("urgent-community-response", 60), ("monitoring-24-7", 55),
            ("tupe-transfer", 40), ("data-export-on-exit", 30), ("staff-and-user-training", 35)],
        ["installation-and-maintenance"] = [("urgent-installation", 75), ("maintenance-and-repair", 85), ("equipment-recovery", 70), ("digital-migration-plan", 55),
            ("staff-and-user-training", 60), ("remote-device-management", 25), ("tupe-transfer", 25)],
        ["clinical-triage-service"] = [("clinical-triage", 95), ("alert-review-time", 80), ("escalation-routes", 85), ("monitoring-24-7", 30),
            ("clinician-dashboard", 35), ("configurable-alert-limits", 30), ("outcome-reporting", 50), ("uk-data-hosting", 55), ("data-export-on-exit", 45),
            ("tupe-transfer", 35), ("staff-and-user-training", 45)],
        ["managed-service"] = [("risk-stratification", 80), ("outcome-reporting", 85), ("tupe-transfer", 60), ("equipment-recovery", 75), ("digital-migration-plan", 70),
            ("monitoring-24-7", 75), ("clinical-triage", 65), ("alert-review-time", 50), ("escalation-routes", 60), ("urgent-installation", 55),
            ("maintenance-and-repair", 60), ("clinician-dashboard", 55), ("configurable-alert-limits", 50), ("uk-data-hosting", 70), ("data-export-on-exit", 65),
            ("staff-and-user-training", 60)],
        ["consultancy"] = [("digital-migration-plan", 60), ("outcome-reporting", 40), ("staff-and-user-training", 40)],
    };

    /// <summary>How likely (in %) a supplier of each trade is to have made each social-value commitment.</summary>
    private static readonly Dictionary<string, (string Capability, int Percent)[]> SocialValueByProfile = new(StringComparer.Ordinal)
    {
        [SupplierProfiles.TelecareDevices.Name] = [("carbon-reduction-plan", 55), ("local-employment", 20), ("apprenticeships-and-skills", 40), ("sme-vcse-supply-chain", 25)],
        [SupplierProfiles.AlarmMonitoring.Name] = [("carbon-reduction-plan", 65), ("local-employment", 70), ("apprenticeships-and-skills", 45), ("sme-vcse-supply-chain", 35), ("digital-inclusion", 30)],
        [SupplierProfiles.TelehealthDevices.Name] = [("carbon-reduction-plan", 55), ("apprenticeships-and-skills", 30), ("sme-vcse-supply-chain", 20), ("digital-inclusion", 25)],
        [SupplierProfiles.TelehealthPlatform.Name] = [("carbon-reduction-plan", 70), ("local-employment", 25), ("apprenticeships-and-skills", 35), ("sme-vcse-supply-chain", 30), ("digital-inclusion", 55)],
        [SupplierProfiles.Telecoaching.Name] = [("carbon-reduction-plan", 45), ("local-employment", 50), ("apprenticeships-and-skills", 30), ("sme-vcse-supply-chain", 45), ("digital-inclusion", 50)],
        [SupplierProfiles.ManagedService.Name] = [("carbon-reduction-plan", 85), ("local-employment", 65), ("apprenticeships-and-skills", 60), ("sme-vcse-supply-chain", 45), ("digital-inclusion", 45)],
        [SupplierProfiles.Consultancy.Name] = [("carbon-reduction-plan", 50), ("apprenticeships-and-skills", 20), ("sme-vcse-supply-chain", 30)],
    };

    /// <summary>A measured capability's figure is drawn from these (minutes, or working hours for installation).</summary>
    private static readonly Dictionary<string, int[]> Figures = new(StringComparer.Ordinal)
    {
        ["responder-on-site"] = [30, 35, 40, 45, 45, 50, 60, 60, 75, 90],
        ["urgent-installation"] = [20, 20, 24, 36, 48, 48, 72],
        ["alert-review-time"] = [30, 45, 60, 60, 90, 120, 240],
    };

    /// <summary>
    /// Statements per capability. <c>{a-b}</c> is a whole number drawn from a to b, <c>{value}</c> the declared figure; a
    /// statement starting <c>[category]</c> is only for that category, and a category with its own statements uses only those.
    /// </summary>
    private static readonly Dictionary<string, string[]> Statements = new(StringComparer.Ordinal)
    {
        ["clinician-dashboard"] =
        [
            "Web dashboard with trend charts and red, amber and green flags, used by {12-60} community and virtual-ward teams.",
            "Clinicians see every patient's readings, trends and open alerts on one caseload screen; in daily use by {200-1800} clinicians in {4-19} NHS trusts.",
            "Browser-based caseload view sorted by alert priority, with 90-day trend charts for each reading; rolled out to {6-40} teams since {2019-2024}.",
        ],
        ["configurable-alert-limits"] =
        [
            "Clinicians set upper and lower limits for each reading per patient; {3-6} reading types supported, and every change is kept in the audit trail.",
            "Per-patient red and amber thresholds for blood pressure, oxygen saturation, weight and pulse, set and changed only by the responsible clinician.",
            "Personal alert limits set at enrolment from the care-plan template and adjusted by the clinician; {95-100} % of patients have limits reviewed within 14 days.",
        ],
        ["missed-reading-reminders"] =
        [
            "The patient is prompted up to {2-3} times, then the care team is flagged when a scheduled reading is more than {2-6} hours late.",
            "Automated text or phone reminder for a missed reading, and a daily list of patients who have not taken theirs for the clinical team.",
            "Missed readings show on the team's worklist the same day; the patient hears a spoken reminder at the agreed time.",
        ],
        ["symptom-questions"] =
        [
            "Condition-specific question sets for COPD, heart failure and diabetes ({8-30} questions) that the clinical lead can edit; answers can raise amber or red alerts.",
            "Symptom questions asked alongside readings; clinicians choose from {40-120} validated questions or write their own.",
            "Breathlessness, ankle-swelling and wellbeing questions with scored answers that feed the alert rules.",
        ],
        ["risk-stratification"] =
        [
            "Case-finding from GP and hospital activity data with a validated risk model; found {800-6000} eligible patients for one integrated care board last year.",
            "Risk model run monthly on the commissioner's linked data set, so that enrolment targets the people most likely to be admitted.",
            "Population segmentation with the commissioner's analysts, refreshed every quarter, giving each practice its list of eligible patients.",
        ],
        ["clinical-triage"] =
        [
            "Band 6 and 7 nurses (respiratory, heart failure and diabetes specialists) triage every alert under protocols agreed with the commissioner.",
            "Registered nurses and paramedics ({14-60} clinical staff) triage alerts, with a GP on call for escalation.",
            "Alerts triaged by NMC-registered nurses to the commissioner's agreed protocols; clinical governance led by a named medical director.",
        ],
        ["alert-review-time"] =
        [
            "Red alerts reviewed by a clinician within {value} minutes during service hours; met for {92-99} % of alerts over the last 12 months, reported monthly.",
            "Every red alert is picked up by a registered nurse within {value} minutes, 08:00 to 20:00, seven days a week.",
            "Target of {value} minutes from red alert to clinician review, watched on a live wallboard and reported to the commissioner each month.",
        ],
        ["escalation-routes"] =
        [
            "Written escalation routes to the GP, community matron, urgent community response or 999, agreed with each commissioner at mobilisation.",
            "Escalation pathway mapped with local services before go-live; warm handover by phone and a written summary sent the same day.",
            "Agreed routes to GP practices, the virtual-ward consultant and NHS 111, reviewed with the commissioner every quarter.",
        ],
        ["personalised-goals"] =
        [
            "Each participant agrees {2-4} personal goals with their coach at the first session; progress is reviewed on every call.",
            "Goals and action plans are recorded in the participant's plan and shared with their GP with consent.",
            "Goals agreed in session one are scored again at weeks 6 and 12, and the results reported to the commissioner.",
        ],
        ["coach-follow-up"] =
        [
            "Coach calls every {1-2} weeks during the programme, then at 3 and 6 months; anyone who misses two sessions is called back.",
            "Follow-up by the same named coach, with a call within {2-5} working days of a missed session.",
            "Follow-up calls 6 and 12 months after the programme ends, with a route back in if needed.",
        ],
        ["video-sessions"] =
        [
            "One-to-one and group sessions by video in the browser, with the telephone always offered as well.",
            "Video on any device without installing an app; {30-70} % of sessions last year were held by video.",
            "Choice of video or telephone for every session; groups of up to {6-12} people by video.",
        ],
        ["behaviour-change-method"] =
        [
            "Coaching follows motivational interviewing; every coach is trained and assessed with MITI coding.",
            "Programme built on the COM-B model and the behaviour change technique taxonomy; coaches accredited in health coaching.",
            "[smoking-cessation]Advisers trained by the NCSCT deliver its standard treatment programme.",
            "[smoking-cessation]Motivational interviewing by NCSCT-certified advisers, audited on recorded calls.",
        ],
        ["monitoring-24-7"] =
        [
            "Our own receiving centre is staffed 24 hours a day, 365 days a year, with at least {4-12} operators on duty at night.",
            "Round-the-clock operator cover to a staffing model agreed with the commissioner and published monthly.",
            "[responder-service]Responder teams on shift 24 hours a day, every day of the year, with {3-10} vehicles on the road overnight.",
            "[responder-service]Responders available around the clock, with an on-call supervisor for every shift.",
            "[clinical-triage-service]Nurses on duty 24 hours a day, every day, with a senior clinician on call overnight.",
        ],
        ["call-handling-to-standard"] =
        [
            "Call handling audited against the TEC Quality Standards Framework and BS 8591; results reported to the commissioner monthly.",
            "Call answering measured against the QSF and EN 50134-7 targets by our call-management system; the monthly report explains any breach.",
            "Independent QSF audit of call handling in {2024-2026}; targets and performance in every monthly service report.",
        ],
        ["resilient-receiving-centre"] =
        [
            "Second, geographically separate site {40-220} miles away takes calls within minutes of a failover; tested every quarter.",
            "Calls fail over to a certified partner centre with shared records; the last live failover test was {1-11} months ago.",
            "Two active sites on separate power and network routes share the calls at all times.",
        ],
        ["responder-on-site"] =
        [
            "Responder on site within {value} minutes for {90-98} % of calls that needed a visit over the last year.",
            "Arrival within {value} minutes of the call across the contract area, from {2-6} local bases.",
            "Responders reach the home within {value} minutes in towns and villages alike; reported monthly by postcode district.",
        ],
        ["urgent-community-response"] =
        [
            "Direct referral into the local two-hour urgent community response team, agreed with {1-4} community trusts.",
            "Shared protocol with urgent community response: responders hand over by phone and the team attends within two hours.",
            "Trusted-assessor arrangement with urgent community response teams, so responders refer without waiting for a GP.",
        ],
        ["falls-lifting"] =
        [
            "Responders carry inflatable lifting cushions and use the ISTUMBLE assessment before any lift.",
            "Non-injury falls lifted by two trained responders; {400-2400} people helped up last year without an ambulance.",
            "Every responder completes moving-and-handling and falls-lifting training each year; a lifting chair in every vehicle.",
        ],
        ["urgent-installation"] =
        [
            "Urgent installations completed within {value} working hours of referral, hospital discharges included.",
            "Urgent referrals installed within {value} working hours; {90-99} % on time last year.",
            "Installers on standby for urgent cases: {value} working hours at most from referral to a working system.",
        ],
        ["maintenance-and-repair"] =
        [
            "Annual visit to test every device and change batteries; faults repaired within {1-3} working days.",
            "Batteries changed before they run down, from remote alerts; engineers repair or swap faulty equipment within {24-72} hours.",
            "Maintenance schedule for each device type for the life of the contract, and a fault line open seven days a week.",
        ],
        ["equipment-recovery"] =
        [
            "Equipment collected within {5-15} working days of notice, decontaminated, tested and reissued; the commissioner owns all of it.",
            "Recovery, cleaning and reissue, with an asset register shared with the commissioner; {60-85} % of returned equipment reused.",
            "Equipment that cannot be reused is recycled under the WEEE regulations; ownership stays with the commissioner throughout.",
        ],
        ["remote-device-management"] =
        [
            "Daily heartbeat from every device; a silent device is flagged to the monitoring centre within {1-24} hours.",
            "Devices configured and updated over the air, with a health check after each update.",
            "Battery, signal and settings checked and changed remotely from a web console.",
        ],
        ["battery-back-up"] =
        [
            "Internal battery keeps the device working for at least {24-60} hours in a power cut and raises a mains-failure alert.",
            "Rechargeable back-up battery, with a low-battery warning sent to the monitoring centre.",
            "Sealed back-up battery, tested at every maintenance visit.",
        ],
        ["automatic-fall-detection"] =
        [
            "Detects a fall and raises a call by itself after a {15-45}-second cancel window.",
            "Fall detection tested against {1000-5000} recorded falls and everyday movements; sensitivity set for each person.",
            "Raises a fall alert without a button being pressed, even if the person is unconscious.",
        ],
        ["two-way-speech"] =
        [
            "Hands-free speech with the operator through the hub, audible from the next room.",
            "The person talks to the operator through the device they wear, from any room.",
            "Full-duplex speech over IP with echo cancellation, tested in noisy homes.",
        ],
        ["digital-migration-plan"] =
        [
            "Migration plan with a named lead moves every analogue user to digital equipment before January 2027; each swap ends with an end-to-end test call.",
            "Digital switchover programme: {300-9000} users moved so far, each with a test call to the receiving centre after the swap.",
            "Every home's line and equipment surveyed, then a booked swap-out and a test call after each migration.",
        ],
        ["uk-data-hosting"] =
        [
            "All personal data stored and processed in UK data centres; no transfer outside the UK.",
            "Hosted in a UK cloud region with UK-only back-ups; data processing agreement available.",
            "Data held in two UK data centres certified to ISO/IEC 27001.",
        ],
        ["data-export-on-exit"] =
        [
            "At exit, all records and readings exported as HL7 FHIR and CSV with a data dictionary; handover plan agreed {3-6} months before the end.",
            "Full export of service data in open formats at no extra cost, with a period of parallel running for the next supplier.",
            "Exit plan kept up to date through the contract; the export is tested with the commissioner once a year.",
        ],
        ["staff-and-user-training"] =
        [
            "Training for staff and users at go-live, e-learning for new starters and refresher sessions every {6-12} months.",
            "Face-to-face training for people and their carers when equipment is installed, and for staff throughout the contract.",
            "Train-the-trainer programme with {2-8} local champions in each team.",
        ],
        ["tupe-transfer"] =
        [
            "Named TUPE lead and transfer plan; {20-180} staff transferred on {1-4} contracts in the last three years.",
            "Takes on and hands back staff under TUPE, with pension protection agreed at mobilisation.",
            "TUPE transfers from NHS and council services, with staff consultation led by our own HR team.",
        ],
        ["outcome-reporting"] =
        [
            "Quarterly report on admissions, A&E attendances, bed days and satisfaction for the cohort, against a baseline agreed at the start.",
            "Outcome reports linked to the commissioner's hospital activity data, refreshed monthly.",
            "Yearly independent evaluation of outcomes, with activity and satisfaction reported every quarter.",
        ],
        ["carbon-reduction-plan"] =
        [
            "Carbon Reduction Plan published in the PPN 06/21 format: net zero by {2035-2045}, scope 1 and 2 emissions reported every year.",
            "Board-approved Carbon Reduction Plan committing to net zero by 2050 at the latest; emissions down {20-45} % since 2019.",
        ],
        ["local-employment"] =
        [
            "{60-95} % of the staff on our contracts live in the area they serve; we recruit through local job centres.",
            "Staff for each contract recruited locally, to a target of {70-90} % living in the area served.",
        ],
        ["apprenticeships-and-skills"] =
        [
            "{2-20} apprentices a year in care technology, engineering or health coaching.",
            "Placements for students from local colleges and an apprenticeship scheme in care technology.",
        ],
        ["sme-vcse-supply-chain"] =
        [
            "{10-35} % of contract spend with small businesses and voluntary, community and social enterprises, reported every quarter.",
            "Works with local voluntary organisations for befriending and home checks; the spend is reported to the commissioner.",
        ],
        ["digital-inclusion"] =
        [
            "Loan tablets with data SIMs for people without broadband, and a helpline to get online.",
            "Free 4G connectivity and help with digital skills for anyone without internet access.",
        ],
    };

    /// <summary>The offerings with their declarations: the offering's own, then its supplier's commitments.</summary>
    public static List<Offering> Declare(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings)
    {
        var rng = new Random(1313); // issue 13
        var commitments = new Dictionary<string, List<CapabilityDeclaration>>(StringComparer.Ordinal);
        var leaning = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var supplier in suppliers)
        {
            // Some suppliers declare more than their trade's norm, some less.
            leaning[supplier.Id] = 0.8 + (rng.NextDouble() * 0.3);
            var on = CatalogueGenerator.Today.AddDays(-rng.Next(30, 500));
            commitments[supplier.Id] = [.. SocialValueByProfile[supplier.Profile.Name]
                .Where(c => rng.Next(100) < c.Percent)
                .Select(c => Declaration(c.Capability, null, null, on, rng))];
        }

        return [.. offerings.Select(o =>
        {
            var on = CatalogueGenerator.Today.AddDays(-rng.Next(7, 400));
            var own = ByCategory[o.Category]
                .Where(c => rng.Next(100) < c.Percent * leaning[o.SupplierId])
                .Select(c => Declaration(c.Capability, o.Category, Figures.TryGetValue(c.Capability, out var figures) ? figures[rng.Next(figures.Length)] : null, Earlier(on.AddDays(rng.Next(0, 10))), rng));
            return o with { Capabilities = [.. own, .. commitments[o.SupplierId]] };
        })];
    }

    private static CapabilityDeclaration Declaration(string capability, string? category, int? value, DateOnly on, Random rng)
    {
        var bank = Statements[capability];
        var own = bank.Where(s => category is not null && s.StartsWith($"[{category}]", StringComparison.Ordinal)).Select(s => s[(category!.Length + 2)..]).ToArray();
        var choices = own.Length > 0 ? own : [.. bank.Where(s => !s.StartsWith('['))];
        var statement = Placeholder().Replace(choices[rng.Next(choices.Length)], m =>
        {
            if (m.Groups["value"].Success)
            {
                return value!.Value.ToString(CultureInfo.InvariantCulture);
            }
            var (from, to) = (int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture));
            // Years as written (2019), other numbers with a thousands separator (1,136).
            return rng.Next(from, to + 1).ToString(from >= 1990 && to <= 2100 ? "0" : "N0", CultureInfo.InvariantCulture);
        });
        return new CapabilityDeclaration { Capability = capability, Statement = statement, Value = value, DeclaredOn = on };
    }

    private static DateOnly Earlier(DateOnly day) => day < CatalogueGenerator.Today ? day : CatalogueGenerator.Today.AddDays(-1);

    [GeneratedRegex(@"\{(?:(?<value>value)|(?<from>\d+)-(?<to>\d+))\}")]
    private static partial Regex Placeholder();
}

/// <summary>A supplier's declaration that an offering has a capability, as <c>schemas/offering.schema.json</c> <c>capabilityDeclaration</c> describes it.</summary>
public sealed record CapabilityDeclaration
{
    public required string Capability { get; init; }
    public required string Statement { get; init; }
    public int? Value { get; init; }
    public required DateOnly DeclaredOn { get; init; }
}
