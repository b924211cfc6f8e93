namespace Marketplace.Core.Catalogue;

/// <summary>
/// One entry of the controlled capability vocabulary: what an offering can be declared to do, in words a commissioner
/// and a supplier read the same way. Scoring reads declarations of these, never descriptions.
/// </summary>
/// <param name="Slug">Stable id, e.g. <c>clinician-dashboard</c>.</param>
/// <param name="Name">Short name for lists and explanations, e.g. "Clinician dashboard".</param>
/// <param name="Definition">What declaring it promises, in one or two plain sentences.</param>
/// <param name="Group">Which key-requirements area it belongs to (<see cref="Capabilities.Groups"/>).</param>
/// <param name="Measure">
/// For a capability declared with a figure, its unit (<c>minutes</c>, <c>working hours</c>); the declaration's
/// <see cref="CapabilityDeclaration.Value"/> is then required. Null for a yes/no capability.
/// </param>
/// <param name="Hints">
/// Lower-case phrases that, found in a listing's text, suggest the supplier may want to declare it. Only ever a
/// suggestion while declaring: nothing is scored from them.
/// </param>
public sealed record CapabilityDefinition(string Slug, string Name, string Definition, string Group, string? Measure, IReadOnlyList<string> Hints);

/// <summary>
/// The one controlled list of capabilities across every template (ARCHITECTURE.md "Capability declaration";
/// DOMAIN.md key-requirements areas). Mirrored by <c>schemas/vocabulary.schema.json</c> <c>capability</c>.
/// </summary>
public static class Capabilities
{
    /// <summary>Group slugs in display order, with their headings.</summary>
    public static readonly IReadOnlyList<(string Slug, string Title)> Groups =
    [
        ("clinical", "Clinical monitoring and triage"),
        ("coaching", "Coaching"),
        ("monitoring-and-response", "Monitoring centre and response"),
        ("installation-and-equipment", "Installation and equipment"),
        ("switchover", "Digital switchover"),
        ("data-and-exit", "Data, hosting and exit"),
        ("workforce", "Training and staff transfer"),
        ("outcomes", "Outcomes reporting"),
        ("social-value", "Social value and net zero"),
    ];

    /// <summary>Every capability, grouped as <see cref="Groups"/>.</summary>
    public static readonly IReadOnlyList<CapabilityDefinition> All =
    [
        new("clinician-dashboard", "Clinician dashboard",
            "Clinicians see every enrolled patient's readings, trends and alerts in one web dashboard.",
            "clinical", null, ["dashboard"]),
        new("configurable-alert-limits", "Configurable alert limits",
            "A clinician sets each patient's own limits for each reading; a reading outside them raises an alert.",
            "clinical", null, ["alert limit", "threshold"]),
        new("missed-reading-reminders", "Missed-reading reminders",
            "The patient is reminded, and the care team told, when a scheduled reading is not taken.",
            "clinical", null, ["missed", "reminder"]),
        new("symptom-questions", "Symptom questions",
            "Configurable symptom questions are asked alongside readings, and their answers can raise alerts.",
            "clinical", null, ["symptom question", "questionnaire"]),
        new("risk-stratification", "Risk stratification",
            "Finds, from health and care records, the patients most likely to benefit, so enrolment is targeted.",
            "clinical", null, ["risk stratification", "risk-stratif"]),
        new("clinical-triage", "Clinical triage of alerts",
            "Registered clinicians (their grade stated in the evidence) review alerts and escalate them under a protocol agreed with the commissioner.",
            "clinical", null, ["triage", "nurse", "clinician review"]),
        new("alert-review-time", "Alert review time",
            "Red alerts are reviewed by a clinician within the declared number of minutes during service hours.",
            "clinical", "minutes", ["alert review", "reviewed within"]),
        new("escalation-routes", "Agreed escalation routes",
            "Alerts are passed to the GP, community team or emergency services by a documented route agreed with the commissioner.",
            "clinical", null, ["escalat"]),
        new("personalised-goals", "Personalised goal setting",
            "Each participant agrees goals with a coach, and progress against them is tracked and reported.",
            "coaching", null, ["goal"]),
        new("coach-follow-up", "Scheduled coach follow-up",
            "A coach follows each participant up on a schedule, and when they stop engaging.",
            "coaching", null, ["follow-up", "follow up"]),
        new("video-sessions", "Video sessions",
            "Sessions can be held by video as well as by telephone.",
            "coaching", null, ["video"]),
        new("behaviour-change-method", "Published behaviour-change method",
            "Coaching follows a named, published behaviour-change method (for example motivational interviewing).",
            "coaching", null, ["motivational interviewing", "behaviour change", "behavior change"]),
        new("monitoring-24-7", "24/7 monitoring",
            "Calls and alerts are answered by trained operators 24 hours a day, every day of the year.",
            "monitoring-and-response", null, ["24/7", "24 hours", "round the clock", "round-the-clock"]),
        new("call-handling-to-standard", "Call handling to the QSF and BS 8591 / EN 50134-7 targets",
            "Alarm calls are answered within the call-handling targets of the TEC Quality Standards Framework and BS 8591 / EN 50134-7, reported monthly.",
            "monitoring-and-response", null, ["of calls", "call handling", "call-handling"]),
        new("resilient-receiving-centre", "Resilient receiving centre",
            "Calls fail over without loss to a second, geographically separate site or a certified partner centre.",
            "monitoring-and-response", null, ["geographically separate", "second site", "failover", "fail over"]),
        new("responder-on-site", "Responder on site",
            "A trained responder reaches the person's home within the declared number of minutes of an alarm call that needs a visit.",
            "monitoring-and-response", "minutes", ["responder"]),
        new("urgent-community-response", "Urgent community response link",
            "Urgent needs are passed to the local two-hour urgent community response team by an agreed route.",
            "monitoring-and-response", null, ["urgent community response"]),
        new("falls-lifting", "Non-injury falls lifting",
            "Responders carry lifting equipment and are trained to help a person who has fallen without injury off the floor.",
            "monitoring-and-response", null, ["lifting", "non-injur"]),
        new("urgent-installation", "Urgent installation",
            "Urgent installations are completed within the declared number of working hours of referral.",
            "installation-and-equipment", "working hours", ["urgent install"]),
        new("maintenance-and-repair", "Maintenance and repair",
            "Equipment is maintained, batteries replaced and faults repaired within stated times for the life of the contract.",
            "installation-and-equipment", null, ["maintenance", "repair"]),
        new("equipment-recovery", "Equipment recovery and reuse",
            "Equipment is collected when no longer needed, cleaned, tested and reissued or recycled, and its ownership is stated.",
            "installation-and-equipment", null, ["recover", "reissue", "recycl"]),
        new("remote-device-management", "Remote device management",
            "Devices send a regular heartbeat and can be configured and health-checked remotely, so a silent device is noticed.",
            "installation-and-equipment", null, ["heartbeat", "remote config", "remotely"]),
        new("battery-back-up", "Battery back-up",
            "The device keeps working and can raise alarms through a power cut.",
            "installation-and-equipment", null, ["battery back-up", "battery backup"]),
        new("automatic-fall-detection", "Automatic fall detection",
            "A fall is detected and an alarm raised without the person pressing a button.",
            "installation-and-equipment", null, ["fall detect"]),
        new("two-way-speech", "Two-way speech",
            "The person can speak hands-free with the operator through the hub or the worn device.",
            "installation-and-equipment", null, ["two-way speech", "speech"]),
        new("digital-migration-plan", "Digital migration plan",
            "A plan moves every analogue user to digital equipment before the January 2027 switch-off, with an end-to-end test call after each migration.",
            "switchover", null, ["migration", "switchover", "switch-over"]),
        new("uk-data-hosting", "UK data hosting",
            "Personal data is stored and processed only in UK data centres.",
            "data-and-exit", null, ["uk data", "hosted in the uk"]),
        new("data-export-on-exit", "Data export on exit",
            "At contract end all patient and service data is handed over in an open, documented format, with a handover plan for the next supplier.",
            "data-and-exit", null, ["export", "portab", "exit"]),
        new("staff-and-user-training", "Training",
            "Staff and users are trained to use the service, with refresher training during the contract.",
            "workforce", null, ["training"]),
        new("tupe-transfer", "TUPE transfer",
            "Can take on, and hand back, staff under TUPE, with a named lead and a transfer plan.",
            "workforce", null, ["tupe"]),
        new("outcome-reporting", "Outcome reporting",
            "Reports admissions, A&E attendances, bed days and user satisfaction for the cohort at least quarterly, against a baseline agreed with the commissioner.",
            "outcomes", null, ["admissions", "bed days", "outcome"]),
        new("carbon-reduction-plan", "Carbon Reduction Plan",
            "Publishes a Carbon Reduction Plan (PPN 06/21 format) committing to net zero by 2050 at the latest, with reported emissions.",
            "social-value", null, ["carbon", "net zero"]),
        new("local-employment", "Local employment",
            "Recruits staff for the contract from the area it serves, against a stated target.",
            "social-value", null, ["local employ", "local recruit"]),
        new("apprenticeships-and-skills", "Apprenticeships and skills",
            "Offers apprenticeships, placements or training to people in the area served.",
            "social-value", null, ["apprentice"]),
        new("sme-vcse-supply-chain", "Small business and voluntary-sector supply chain",
            "Spends a stated share of the contract with small businesses and voluntary, community and social enterprises.",
            "social-value", null, ["sme", "vcse", "voluntary"]),
        new("digital-inclusion", "Digital inclusion",
            "Helps people without internet access or skills to use the service (connectivity provided, help to get online).",
            "social-value", null, ["digital inclusion", "connectivity provided"]),
    ];

    private static readonly Dictionary<string, CapabilityDefinition> BySlugs = All.ToDictionary(c => c.Slug, StringComparer.Ordinal);

    /// <summary>The capability with this slug, or null.</summary>
    public static CapabilityDefinition? Find(string? slug) => slug is not null && BySlugs.TryGetValue(slug, out var found) ? found : null;

    /// <summary>
    /// Capabilities whose hints occur in the listing's text and that it does not declare yet: a prompt for the
    /// supplier, never a score.
    /// </summary>
    public static IReadOnlyList<CapabilityDefinition> SuggestFor(OfferingListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var text = string.Join('\n', [listing.Name, listing.Summary, listing.Description, .. listing.Features]).ToLowerInvariant();
        var declared = listing.Capabilities.Select(d => d.Capability).ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(c => !declared.Contains(c.Slug) && c.Hints.Any(h => text.Contains(h, StringComparison.Ordinal)))];
    }
}
