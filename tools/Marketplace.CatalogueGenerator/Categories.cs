namespace Marketplace.CatalogueGenerator;

internal enum CategoryGroup { TelecareProduct, TelehealthProduct, Telecoaching, Service }

internal sealed record PriceBand(string Model, decimal Min, decimal Max);

/// <summary>What an offering in one category looks like: names, features, standards and prices typical of it.</summary>
internal sealed record CategorySpec
{
    public required string Slug { get; init; }
    public required CategoryGroup Group { get; init; }
    public string Kind => Group is CategoryGroup.TelecareProduct or CategoryGroup.TelehealthProduct ? "product" : "service";

    /// <summary>Noun phrases used in names ("Fall Detector"); the summary reuses them in lower case.</summary>
    public required string[] Nouns { get; init; }
    public required string[] Models { get; init; }
    public required string Lead { get; init; }
    public required string[] Features { get; init; }
    public required string[] Conditions { get; init; }
    public required string[] InteropPool { get; init; }
    public int MinInterop { get; init; }
    public required string?[] Connectivity { get; init; }
    public required PriceBand[] Prices { get; init; }
    public required (int Min, int Max) LeadTime { get; init; }

    /// <summary>Standards an offering of this category is attested to (offering-level).</summary>
    public required string[] Standards { get; init; }
    public required string[] Accessibility { get; init; }
    public int Weight { get; init; } = 10;
}

internal static class Categories
{
    private static readonly string[] DeviceAccessibility =
    [
        "Large tactile button with audible and visual confirmation; user guide in large print, Easy Read and audio; installer demonstrates use at set-up.",
        "High-contrast markings and raised button; spoken confirmation when pressed; instructions in large print, Easy Read and the ten most-spoken community languages.",
        "Operable with one hand and without fine finger movement; user guide in large print and audio; BSL video guide available.",
    ];

    private static readonly string[] DigitalAccessibility =
    [
        "Web and app interfaces audited against WCAG 2.1 AA in 2026; known issues and workarounds are listed in the published accessibility statement.",
        "Partially compliant with WCAG 2.1 AA: two known issues in the clinician dashboard charts, fix scheduled; patient app fully compliant.",
        "Patient app supports screen readers, text resizing to 200 % and high-contrast mode; audited against WCAG 2.1 AA by an independent auditor.",
    ];

    private static readonly string[] ServiceAccessibility =
    [
        "Service available by telephone, text relay (Relay UK) and video relay for BSL users; written material in large print and Easy Read.",
        "Call handlers trained in communicating with people with dementia, hearing loss and learning disabilities; interpreters on request.",
        "Reports and letters available in large print, Easy Read, Braille and Welsh; staff trained in accessible communication.",
    ];

    private const string TelecareHubCompatible = "Works with analogue and digital home alarm hubs on the 869 MHz social alarm band";

    public static readonly CategorySpec[] All =
    [
        // Telecare products
        new()
        {
            Slug = "home-alarm-hub", Group = CategoryGroup.TelecareProduct, Weight = 22,
            Nouns = ["Home Alarm Hub", "Digital Alarm Hub"], Models = ["Connect IP", "HomeHub 4G", "Beacon", "Keystone", "Harbour"],
            Lead = "Digital home alarm hub that raises calls to the alarm receiving centre and gives hands-free two-way speech",
            Features =
            [
                "Dual-path IP and 4G signalling with automatic failover", "Roaming 4G SIM with multi-network fallback",
                "Battery back-up for at least 36 hours", "Hands-free loudspeaker and microphone",
                "Supports up to 30 radio peripherals on the 869 MHz social alarm band", "Remote configuration and firmware updates over the air",
                "Daily heartbeat to the alarm receiving centre", "Mains-failure and low-battery alerts",
                "Large illuminated help button", "Wellbeing check-in and reminder prompts", "Works on analogue lines until the line is migrated",
            ],
            Conditions = [.. Conditions.Telecare, Conditions.Epilepsy], InteropPool = [Interop.Bs85212, Interop.Scaip], MinInterop = 1,
            Connectivity = ["digital", "both"],
            Prices = [new("per-unit", 120m, 260m), new("per-connection-per-week", 2.50m, 5.50m)], LeadTime = (3, 15),
            Standards = ["EN50134", "BS8521-2", "SCAIP", "A2D-READY", "BS8521-1"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "pendant-alarm", Group = CategoryGroup.TelecareProduct, Weight = 16,
            Nouns = ["Pendant Alarm", "Wrist Alarm"], Models = ["Aura", "Halo", "Ember", "Tether", "Sway"],
            Lead = "Wearable alarm trigger that raises a call through the home alarm hub at the press of a button",
            Features =
            [
                "Waterproof to IP67 for use in the shower", "Radio range up to 50 metres from the hub", "Low-battery warning sent to the monitoring centre",
                "Battery life up to five years", "Lanyard with safety break-away clasp", "Wrist strap and clip options", "Raised tactile button",
                "Periodic radio supervision of the trigger", TelecareHubCompatible,
            ],
            Conditions = Conditions.Telecare, InteropPool = [], Connectivity = ["both", "digital"],
            Prices = [new("per-unit", 35m, 95m)], LeadTime = (2, 10),
            Standards = ["EN50134", "A2D-READY"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "fall-detector", Group = CategoryGroup.TelecareProduct, Weight = 20,
            Nouns = ["Fall Detector"], Models = ["FallSense", "Guardian", "Vigil", "SafeStep", "Steady", "Sentinel"],
            Lead = "Wearable fall detector that raises a call automatically when a fall is detected",
            Features =
            [
                "Automatic fall detection using a 3-axis accelerometer and barometric sensor", "Impact and orientation analysis to reduce false alarms",
                "Cancel window of 30 seconds before a call is raised", "Worn on the wrist, belt or around the neck", "Manual help button",
                "Battery life up to two years", "Adjustable detection sensitivity", TelecareHubCompatible,
                "Standalone 4G model with two-way speech away from home",
            ],
            Conditions = [Conditions.FallsRisk, Conditions.Frailty, Conditions.Epilepsy, Conditions.Stroke, Conditions.Dementia, Conditions.PhysicalDisability],
            InteropPool = [Interop.Scaip, Interop.Bs85212], Connectivity = ["both", "digital"],
            Prices = [new("per-unit", 60m, 190m)], LeadTime = (2, 14),
            Standards = ["EN50134", "A2D-READY"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "bed-chair-occupancy-sensor", Group = CategoryGroup.TelecareProduct,
            Nouns = ["Bed Occupancy Sensor", "Chair Occupancy Sensor"], Models = ["RestWatch", "Cradle", "Settle"],
            Lead = "Pressure-pad occupancy sensor that raises an alert when someone leaves the bed or chair and does not return",
            Features =
            [
                "Pressure pad under the mattress or seat cushion", "Configurable absence timer from 1 to 60 minutes",
                "Night-time period so alerts are raised only when needed", "Pairs with automatic lamp control to light the way",
                "Wipe-clean cover", TelecareHubCompatible,
            ],
            Conditions = [Conditions.FallsRisk, Conditions.Dementia, Conditions.Frailty, Conditions.Epilepsy], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-unit", 45m, 120m)], LeadTime = (3, 12), Standards = ["EN50134"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "movement-sensor", Group = CategoryGroup.TelecareProduct,
            Nouns = ["PIR Movement Sensor"], Models = ["Glance", "Wayfinder", "Pathway"],
            Lead = "Passive infrared movement sensor for inactivity monitoring and night-time wandering alerts",
            Features =
            [
                "Passive infrared detection up to 12 metres", "Pet-tolerant lens", "Inactivity monitoring with a configurable period",
                "Wall or corner mounting", "Battery life up to three years", TelecareHubCompatible,
            ],
            Conditions = [Conditions.Dementia, Conditions.Frailty, Conditions.FallsRisk, Conditions.LearningDisability], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-unit", 30m, 70m)], LeadTime = (2, 10), Standards = ["EN50134"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "door-exit-sensor", Group = CategoryGroup.TelecareProduct,
            Nouns = ["Property Exit Sensor", "Door Exit Sensor"], Models = ["Threshold", "Porch", "Gatekeeper"],
            Lead = "Door and property exit sensor that alerts a carer or the monitoring centre when someone leaves and does not return",
            Features =
            [
                "Magnetic door contact with a configurable exit period", "Time window so alerts are raised only at night",
                "Tells a door opened from a person leaving when paired with a PIR sensor", "Small, discreet housing", TelecareHubCompatible,
            ],
            Conditions = [Conditions.Dementia, Conditions.LearningDisability], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-unit", 35m, 90m)], LeadTime = (2, 10), Standards = ["EN50134"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "epilepsy-seizure-sensor", Group = CategoryGroup.TelecareProduct,
            Nouns = ["Epilepsy Seizure Sensor"], Models = ["NightCalm", "Tonic", "Quietude"],
            Lead = "Under-mattress epilepsy sensor that detects the movement of a tonic-clonic seizure and alerts a carer",
            Features =
            [
                "Detects sustained rhythmic movement during sleep", "Adjustable sensitivity and alert delay", "Alerts a carer pager or the monitoring centre",
                "Optional enuresis sensor", "Daily self-test of the sensor pad", TelecareHubCompatible,
            ],
            Conditions = [Conditions.Epilepsy, Conditions.LearningDisability], InteropPool = [], Connectivity = ["both", "digital"],
            Prices = [new("per-unit", 180m, 450m)], LeadTime = (5, 21), Standards = ["EN50134"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "smoke-heat-co-flood-detector", Group = CategoryGroup.TelecareProduct,
            Nouns = ["Linked Smoke Detector", "Linked Heat Detector", "Carbon Monoxide Detector", "Flood Detector"], Models = ["Ward", "Alert", "Keeper"],
            Lead = "Linked hazard detector that sounds locally and raises a call to the monitoring centre",
            Features =
            [
                "Raises a call to the monitoring centre as well as sounding locally", "Rate-of-rise heat sensing for kitchens",
                "Sealed ten-year lithium battery", "Smoke detection to BS EN 14604", "Carbon monoxide detection to BS EN 50291",
                "Flood probe detects water on the floor", TelecareHubCompatible,
            ],
            Conditions = [Conditions.Dementia, Conditions.Frailty, Conditions.PhysicalDisability, Conditions.LearningDisability], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-unit", 35m, 85m)], LeadTime = (2, 10), Standards = ["EN50134"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "temperature-extremes-sensor", Group = CategoryGroup.TelecareProduct,
            Nouns = ["Temperature Extremes Sensor"], Models = ["Thermal", "Mercury", "Frost"],
            Lead = "Temperature extremes sensor that raises an alert when a room becomes dangerously cold or hot",
            Features =
            [
                "Alerts below 12 °C or above 30 °C (configurable)", "Rate-of-rise alert for fire risk", "Wall mounted away from heat sources",
                "Battery life up to three years", TelecareHubCompatible,
            ],
            Conditions = [Conditions.Frailty, Conditions.Dementia, Conditions.PhysicalDisability], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-unit", 30m, 70m)], LeadTime = (2, 10), Standards = ["EN50134"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "medication-dispenser", Group = CategoryGroup.TelecareProduct,
            Nouns = ["Medication Dispenser", "Medication Reminder"], Models = ["DoseWell", "Carousel", "Prompt"],
            Lead = "Medication reminder and dispenser that releases each dose on time and alerts when a dose is missed",
            Features =
            [
                "28 compartments for four doses a day for a week", "Audible and visual reminders", "Locked carousel releases only the due dose",
                "Missed-dose alert to a carer or the monitoring centre", "Reminder-only mode for people who manage their own blister packs",
            ],
            Conditions = [Conditions.Dementia, Conditions.Frailty, Conditions.LearningDisability, Conditions.Stroke, Conditions.HeartFailure, Conditions.Diabetes],
            InteropPool = [Interop.Bs85212], Connectivity = ["digital", "both"],
            Prices = [new("per-unit", 150m, 450m), new("per-connection-per-week", 3m, 7m)], LeadTime = (3, 14),
            Standards = ["EN50134", "A2D-READY"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "gps-mobile-alarm", Group = CategoryGroup.TelecareProduct, Weight = 12,
            Nouns = ["GPS Mobile Alarm"], Models = ["Roam", "Compass", "Wayfarer", "Trek"],
            Lead = "GPS mobile alarm with two-way speech over 4G that works away from home",
            Features =
            [
                "GPS, Wi-Fi and cell location", "Two-way speech over 4G", "Geo-fence alerts for agreed safe areas", "Automatic fall detection",
                "Charging cradle with low-battery reminder", "Battery up to five days between charges", "Roaming SIM across UK networks",
            ],
            Conditions = [Conditions.Dementia, Conditions.LearningDisability, Conditions.Epilepsy, Conditions.FallsRisk], InteropPool = [Interop.Scaip, Interop.Bs85212], MinInterop = 1,
            Connectivity = ["digital"],
            Prices = [new("per-unit", 120m, 260m), new("per-connection-per-week", 3m, 7m)], LeadTime = (2, 10),
            Standards = ["SCAIP", "BS8521-2", "A2D-READY"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "activity-monitoring", Group = CategoryGroup.TelecareProduct, Weight = 12,
            Nouns = ["Activity Monitoring"], Models = ["Rhythm", "Daybook", "Routine", "Insight"],
            Lead = "Activity monitoring that learns a person's daily routine from home sensors and flags changes to carers",
            Features =
            [
                "Learns the daily routine from door, PIR and power sensors", "Carer app with a daily activity summary",
                "Alerts on unusual patterns such as no kitchen use by 11:00", "Supports care-needs assessments with activity reports",
                "No cameras or microphones", "Self-installed sensors with a 4G gateway",
            ],
            Conditions = [Conditions.Dementia, Conditions.Frailty, Conditions.LearningDisability, Conditions.FallsRisk], InteropPool = [Interop.Fhir, Interop.Hscn],
            Connectivity = ["digital"],
            Prices = [new("per-connection-per-week", 2m, 6m), new("per-unit", 150m, 400m)], LeadTime = (3, 14),
            Standards = ["WCAG21-AA", "A2D-READY"], Accessibility = DigitalAccessibility,
        },
        new()
        {
            Slug = "big-button-phone", Group = CategoryGroup.TelecareProduct, Weight = 6,
            Nouns = ["Big-Button Phone"], Models = ["Clarity", "EasyDial", "Homeline"],
            Lead = "Big-button telephone with amplified sound and photo memory keys",
            Features =
            [
                "Large buttons with photo memory keys", "Amplified handset up to 40 dB", "Hearing-aid compatible (T-coil)", "SOS button dials four contacts in turn",
                "Works on digital landlines through the router's phone port",
            ],
            Conditions = [Conditions.Dementia, Conditions.Frailty, Conditions.LearningDisability, Conditions.PhysicalDisability, Conditions.Stroke], InteropPool = [],
            Connectivity = ["analogue", "both"],
            Prices = [new("per-unit", 30m, 75m)], LeadTime = (2, 7), Standards = ["A2D-READY"], Accessibility = DeviceAccessibility,
        },

        // Telehealth products
        new()
        {
            Slug = "vital-signs-hub", Group = CategoryGroup.TelehealthProduct, Weight = 12,
            Nouns = ["Vital-Signs Hub"], Models = ["Pulse", "Vitality", "HomePod", "Tempo"],
            Lead = "Home vital-signs hub that guides daily readings and symptom questions and sends them to the clinical team",
            Features =
            [
                "Tablet with guided daily readings and symptom questions", "Bluetooth link to blood-pressure monitor, pulse oximeter and scales",
                "Readings reach the clinical dashboard within a minute", "Large text and spoken prompts", "Works over 4G without home broadband",
                "Reminders when a reading is missed",
            ],
            Conditions = Conditions.LongTerm, InteropPool = [Interop.Continua, Interop.Fhir, Interop.Hl7V2, Interop.Hscn], MinInterop = 1,
            Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 20m, 60m), new("per-unit", 250m, 600m)], LeadTime = (5, 21),
            Standards = ["MHRA-REG", "DTAC", "DCB0129", "WCAG21-AA"], Accessibility = DigitalAccessibility,
        },
        new()
        {
            Slug = "blood-pressure-monitor", Group = CategoryGroup.TelehealthProduct,
            Nouns = ["Blood Pressure Monitor"], Models = ["ArmCheck", "Systole", "Cuffwell"],
            Lead = "Clinically validated upper-arm blood pressure monitor that sends readings over Bluetooth",
            Features =
            [
                "Clinically validated upper-arm cuff", "Bluetooth transfer of readings", "Irregular heartbeat indicator", "Wide-range cuff for arms 22 to 42 cm",
                "Memory for two users and 100 readings each",
            ],
            Conditions = [Conditions.Hypertension, Conditions.HeartFailure, Conditions.Stroke, Conditions.CoronaryHeartDisease, Conditions.Diabetes],
            InteropPool = [Interop.Continua, Interop.Fhir], MinInterop = 1, Connectivity = ["digital"],
            Prices = [new("per-unit", 30m, 95m)], LeadTime = (2, 10), Standards = ["MHRA-REG"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "pulse-oximeter", Group = CategoryGroup.TelehealthProduct,
            Nouns = ["Pulse Oximeter"], Models = ["OxiCheck", "SatLine", "Breathe"],
            Lead = "Fingertip pulse oximeter measuring oxygen saturation and pulse rate, with Bluetooth transfer",
            Features =
            [
                "Fingertip SpO2 and pulse-rate measurement", "Bluetooth transfer of readings", "Accuracy of ±2 % SpO2 between 70 % and 100 %",
                "Automatic power-off", "Performance assessed across skin tones",
            ],
            Conditions = [Conditions.Copd, Conditions.HeartFailure], InteropPool = [Interop.Continua, Interop.Fhir], MinInterop = 1, Connectivity = ["digital"],
            Prices = [new("per-unit", 20m, 70m)], LeadTime = (2, 10), Standards = ["MHRA-REG"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "weighing-scales", Group = CategoryGroup.TelehealthProduct,
            Nouns = ["Weighing Scales"], Models = ["Balance", "Steadfast", "Poise"],
            Lead = "Bluetooth weighing scales for daily weight monitoring in heart failure",
            Features =
            [
                "Bluetooth transfer of readings", "Alert on rapid weight gain from fluid retention", "Large display and 200 kg capacity",
                "Wide non-slip platform", "Grab-rail model for people at risk of falls",
            ],
            Conditions = [Conditions.HeartFailure, Conditions.Diabetes], InteropPool = [Interop.Continua, Interop.Fhir], MinInterop = 1, Connectivity = ["digital"],
            Prices = [new("per-unit", 30m, 120m)], LeadTime = (2, 10), Standards = ["MHRA-REG"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "glucose-meter", Group = CategoryGroup.TelehealthProduct,
            Nouns = ["Blood Glucose Meter"], Models = ["GlucoLink", "Sugarline", "Level"],
            Lead = "Blood glucose meter that sends readings over Bluetooth to the patient app and clinical team",
            Features =
            [
                "Bluetooth transfer of readings", "Blood ketone testing", "Hypo and hyper alerts", "No-coding test strips", "Backlit display",
            ],
            Conditions = [Conditions.Diabetes], InteropPool = [Interop.Continua, Interop.Fhir], MinInterop = 1, Connectivity = ["digital"],
            Prices = [new("per-unit", 10m, 40m)], LeadTime = (2, 10), Standards = ["MHRA-REG"], Accessibility = DeviceAccessibility,
        },
        new()
        {
            Slug = "remote-monitoring-platform", Group = CategoryGroup.TelehealthProduct, Weight = 16,
            Nouns = ["Remote Monitoring Platform"], Models = ["Clinician", "CareView", "Virtual Ward", "Telemonitor", "Horizon"],
            Lead = "Remote monitoring platform with a clinician dashboard, personal alert limits and condition-specific symptom questions",
            Features =
            [
                "Clinician dashboard with red, amber and green triage", "Personal alert limits for each patient", "Condition-specific symptom questions",
                "Patient app and loan tablet", "Virtual-ward caseload view", "Audit trail of clinical actions", "Hosted in UK data centres",
                "Single sign-on with NHS smartcard or NHS login", "Outcome reports on admissions, A&E visits and bed days",
            ],
            Conditions = Conditions.LongTerm, InteropPool = [Interop.Fhir, Interop.Hl7V2, Interop.GpIm1, Interop.Hscn, Interop.Continua], MinInterop = 2,
            Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 8m, 45m)], LeadTime = (20, 90),
            Standards = ["DTAC", "DCB0129", "MHRA-REG", "NICE-ESF", "WCAG21-AA"], Accessibility = DigitalAccessibility,
        },
        new()
        {
            Slug = "video-consultation", Group = CategoryGroup.TelehealthProduct,
            Nouns = ["Video Consultation"], Models = ["Attend", "ClinicRoom", "Consult", "Visit"],
            Lead = "Video consultation service for clinicians and patients, in the browser without an app download",
            Features =
            [
                "Runs in the browser with no app download", "Works on 4G with low bandwidth", "Group sessions for education and rehabilitation",
                "Interpreters and carers join by link", "Virtual waiting room",
            ],
            Conditions = [.. Conditions.LongTerm, Conditions.Stroke], InteropPool = [Interop.Fhir, Interop.GpIm1, Interop.Hscn], MinInterop = 1,
            Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 2m, 10m)], LeadTime = (5, 30),
            Standards = ["DTAC", "DCB0129", "WCAG21-AA"], Accessibility = DigitalAccessibility,
        },

        // Telecoaching
        new()
        {
            Slug = "self-management-coaching", Group = CategoryGroup.Telecoaching, Weight = 10,
            Nouns = ["Self-Management Coaching"], Models = ["Thrive", "Live Well", "My Plan"],
            Lead = "Telephone and video coaching that helps people manage a long-term condition day to day",
            Features =
            [
                "Telephone and video coaching by trained health coaches", "Motivational interviewing", "Personal goals and action plans",
                "Education on inhalers, diet and medicines", "Twelve-week programme with follow-up at six months",
            ],
            Conditions = Conditions.LongTerm, InteropPool = [Interop.GpIm1, Interop.Fhir], Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 15m, 60m)], LeadTime = (10, 45), Standards = [], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "smoking-cessation", Group = CategoryGroup.Telecoaching,
            Nouns = ["Stop Smoking Coaching"], Models = ["QuitLine", "Clear Air", "Fresh Start"],
            Lead = "Remote stop-smoking coaching with weekly calls and carbon-monoxide verified quits",
            Features =
            [
                "Twelve-week programme with weekly calls", "Carbon-monoxide verified quit at four weeks", "Guidance on nicotine replacement and vaping",
                "Text-message support between calls",
            ],
            Conditions = [Conditions.Copd, Conditions.CoronaryHeartDisease, Conditions.Stroke, Conditions.Hypertension, Conditions.Diabetes],
            InteropPool = [Interop.GpIm1], Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 20m, 70m)], LeadTime = (10, 45), Standards = [], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "rehabilitation-coaching", Group = CategoryGroup.Telecoaching,
            Nouns = ["Pulmonary Rehabilitation Coaching", "Cardiac Rehabilitation Coaching", "Stroke Recovery Coaching"], Models = ["Restore", "Stride", "Renew"],
            Lead = "Home-based rehabilitation coaching by video, led by physiotherapists",
            Features =
            [
                "Home exercise programme delivered by video", "Physiotherapist-led group and one-to-one sessions", "Progress tracking against agreed goals",
                "Breathlessness and fatigue management", "Eight-week programme",
            ],
            Conditions = [Conditions.Copd, Conditions.HeartFailure, Conditions.CoronaryHeartDisease, Conditions.Stroke, Conditions.Frailty],
            InteropPool = [Interop.GpIm1, Interop.Fhir], Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 25m, 80m)], LeadTime = (10, 45), Standards = [], Accessibility = ServiceAccessibility,
        },

        // Services
        new()
        {
            Slug = "alarm-receiving-centre", Group = CategoryGroup.Service, Weight = 8,
            Nouns = ["Monitoring Centre", "Alarm Receiving Centre"], Models = ["24/7", "Digital", "Careline"],
            Lead = "Alarm receiving and monitoring centre answering telecare calls around the clock",
            Features =
            [
                "Calls answered 24 hours a day, 365 days a year", "97.5 % of calls answered within 60 seconds and 99 % within 180 seconds",
                "Receives BS 8521-2 and SCAIP digital calls", "Two geographically separate sites", "Call handlers speaking several community languages",
                "Proactive wellbeing calls", "Receives legacy analogue calls during the switchover",
            ],
            Conditions = Conditions.Telecare, InteropPool = [Interop.Bs85212, Interop.Scaip, Interop.Hscn], MinInterop = 1, Connectivity = ["both", "digital"],
            Prices = [new("per-connection-per-week", 1.80m, 4.50m)], LeadTime = (14, 60),
            Standards = ["EN50518", "TSA-QSF", "A2D-READY", "BS8521-2", "SCAIP"], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "responder-service", Group = CategoryGroup.Service,
            Nouns = ["Responder Service"], Models = ["Mobile", "Rapid", "Community"],
            Lead = "Mobile responder service that visits when a telecare call needs someone on site",
            Features =
            [
                "Responders on site within 45 minutes", "Trained in safe lifting with inflatable lifting cushions", "Welfare checks when a call cannot be answered",
                "Works alongside urgent community response teams", "Key-safe access and key holding",
            ],
            Conditions = [Conditions.FallsRisk, Conditions.Frailty, Conditions.Dementia], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-connection-per-week", 3m, 9m)], LeadTime = (14, 60), Standards = ["TSA-QSF"], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "installation-and-maintenance", Group = CategoryGroup.Service, Weight = 12,
            Nouns = ["Installation and Maintenance", "Digital Swap-Out Service"], Models = ["Telecare", "Home Technology", "Switchover"],
            Lead = "Installation, maintenance and removal of telecare and telehealth equipment in people's homes",
            Features =
            [
                "Urgent installs within 20 working hours", "Standard installs within 10 working days", "Annual equipment check and battery replacement",
                "Analogue-to-digital swap-out programmes", "Equipment recovery and decontamination", "Training for the person and their carers at install",
            ],
            Conditions = [.. Conditions.Telecare, Conditions.Copd, Conditions.HeartFailure], InteropPool = [], Connectivity = ["both"],
            Prices = [new("per-installation", 35m, 120m)], LeadTime = (5, 30), Standards = ["TSA-QSF", "A2D-READY"], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "clinical-triage-service", Group = CategoryGroup.Service, Weight = 10,
            Nouns = ["Clinical Triage Service"], Models = ["Nurse-Led", "Telehealth", "Virtual Ward"],
            Lead = "Nurse-led clinical triage of alerts from remote monitoring, with escalation by agreed protocol",
            Features =
            [
                "Nurse-led triage of remote-monitoring alerts", "Band 6 respiratory and heart-failure nurses", "Escalation to GP, community team or 999 by agreed protocol",
                "Cover 08:00 to 20:00, seven days a week", "Weekly report on alerts and interventions", "Works within the commissioner's clinical governance",
            ],
            Conditions = Conditions.LongTerm, InteropPool = [Interop.Fhir, Interop.GpIm1, Interop.Hscn, Interop.Hl7V2], MinInterop = 1, Connectivity = ["digital"],
            Prices = [new("per-patient-per-month", 25m, 75m)], LeadTime = (20, 60), Standards = [], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "managed-service", Group = CategoryGroup.Service, Weight = 10,
            Nouns = ["Managed Telehealth Service", "Managed Telecare Service", "End-to-End Managed Service"], Models = ["Complete", "Total Care", "Pathway"],
            Lead = "End-to-end managed service: risk stratification, installation, monitoring and clinical triage for a monthly fee plus an outcome reward",
            Features =
            [
                "Risk stratification of the eligible cohort", "Installation, training and removal", "24/7 monitoring and clinical triage",
                "Outcome reporting on admissions, A&E visits and bed days", "Monthly fee plus outcome reward", "Digital switchover migration plan",
                "Scales to 10,000 to 20,000 patients",
            ],
            Conditions = [.. Conditions.LongTerm, .. Conditions.Telecare], InteropPool = [Interop.Fhir, Interop.GpIm1, Interop.Hscn, Interop.Bs85212, Interop.Scaip, Interop.Hl7V2],
            MinInterop = 2, Connectivity = ["both", "digital"],
            Prices = [new("managed-service-monthly", 30m, 95m)], LeadTime = (60, 180), Standards = ["TSA-QSF", "A2D-READY"], Accessibility = ServiceAccessibility,
        },
        new()
        {
            Slug = "consultancy", Group = CategoryGroup.Service,
            Nouns = ["Digital Switchover Consultancy", "TEC Service Redesign Consultancy", "Telehealth Service Evaluation", "TEC Procurement Support"], Models = [""],
            Lead = "Consultancy for commissioners planning, buying or evaluating technology-enabled care",
            Features =
            [
                "Analogue-to-digital migration planning", "Asset register and risk audit", "Business case and benefits realisation",
                "Procurement support for further competitions", "Independent evaluation of outcomes",
            ],
            Conditions = [.. Conditions.Telecare, .. Conditions.LongTerm], InteropPool = [], Connectivity = [null],
            Prices = [new("per-unit", 4500m, 45000m)], LeadTime = (10, 40), Standards = [], Accessibility = ServiceAccessibility,
        },
    ];

    private static readonly Dictionary<string, CategorySpec> BySlug = All.ToDictionary(c => c.Slug, StringComparer.Ordinal);

    public static CategorySpec Get(string slug) => BySlug[slug];
}
