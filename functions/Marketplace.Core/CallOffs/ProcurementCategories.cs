using Marketplace.Core.Frameworks;

namespace Marketplace.Core.CallOffs;

/// <summary>
/// What each offering category is in procurement terms: goods or services, health care or social care, and its CPV 2008
/// code (Common Procurement Vocabulary, the classification Find a Tender uses). Codes are the general heading that fits
/// the category; a commissioner may publish a more specific one.
/// </summary>
public static class ProcurementCategories
{
    /// <summary>Devices and software products.</summary>
    public const string Goods = "goods";
    /// <summary>Services that are health care (clinical triage, coaching, end-to-end managed care for NHS buyers).</summary>
    public const string HealthCare = "health care services";
    /// <summary>Social care services (alarm monitoring, responders).</summary>
    public const string SocialCare = "social care services";
    /// <summary>Other services (installation, consultancy).</summary>
    public const string OtherServices = "services";

    // category -> (kind, CPV code with check digit, CPV title)
    private static readonly IReadOnlyDictionary<string, (string Kind, string Cpv, string Title)> Table = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
    {
        ["home-alarm-hub"] = (Goods, "35121700-5", "Alarm systems"),
        ["pendant-alarm"] = (Goods, "35121700-5", "Alarm systems"),
        ["fall-detector"] = (Goods, "35121700-5", "Alarm systems"),
        ["bed-chair-occupancy-sensor"] = (Goods, "33196200-2", "Devices for the disabled"),
        ["movement-sensor"] = (Goods, "35121700-5", "Alarm systems"),
        ["door-exit-sensor"] = (Goods, "35121700-5", "Alarm systems"),
        ["epilepsy-seizure-sensor"] = (Goods, "33196200-2", "Devices for the disabled"),
        ["smoke-heat-co-flood-detector"] = (Goods, "31625200-5", "Fire-alarm systems"),
        ["temperature-extremes-sensor"] = (Goods, "35121700-5", "Alarm systems"),
        ["medication-dispenser"] = (Goods, "33196000-0", "Medical aids"),
        ["gps-mobile-alarm"] = (Goods, "35121700-5", "Alarm systems"),
        ["activity-monitoring"] = (Goods, "33196200-2", "Devices for the disabled"),
        ["big-button-phone"] = (Goods, "32550000-3", "Telephone equipment"),
        ["vital-signs-hub"] = (Goods, "33195000-3", "Patient-monitoring system"),
        ["blood-pressure-monitor"] = (Goods, "33195000-3", "Patient-monitoring system"),
        ["pulse-oximeter"] = (Goods, "33195000-3", "Patient-monitoring system"),
        ["weighing-scales"] = (Goods, "33195000-3", "Patient-monitoring system"),
        ["glucose-meter"] = (Goods, "33195000-3", "Patient-monitoring system"),
        ["remote-monitoring-platform"] = (Goods, "48814000-7", "Medical information systems"),
        ["video-consultation"] = (Goods, "48814000-7", "Medical information systems"),
        ["alarm-receiving-centre"] = (SocialCare, "79711000-1", "Alarm-monitoring services"),
        ["responder-service"] = (SocialCare, "85312000-9", "Social work services without accommodation"),
        ["installation-and-maintenance"] = (OtherServices, "51000000-9", "Installation services (except software)"),
        ["clinical-triage-service"] = (HealthCare, "85100000-0", "Health services"),
        ["self-management-coaching"] = (HealthCare, "85140000-2", "Miscellaneous health services"),
        ["smoking-cessation"] = (HealthCare, "85140000-2", "Miscellaneous health services"),
        ["rehabilitation-coaching"] = (HealthCare, "85140000-2", "Miscellaneous health services"),
        ["managed-service"] = (HealthCare, "85000000-9", "Health and social work services"),
        ["consultancy"] = (OtherServices, "79411000-8", "General management consultancy services"),
    };

    /// <summary>Whether the category is known.</summary>
    public static bool IsKnown(string category) => Table.ContainsKey(category);

    /// <summary>The CPV code and title of a category; a general health and social work heading for an unknown one.</summary>
    public static (string Code, string Title) CpvOf(string category) =>
        Table.TryGetValue(category, out var row) ? (row.Cpv, row.Title) : ("85000000-9", "Health and social work services");

    /// <summary>OCDS <c>mainProcurementCategory</c> of a lot: <c>goods</c> when everything in it is a product, else <c>services</c>.</summary>
    public static string MainCategoryOf(FrameworkLot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return lot.Categories.Count > 0 && lot.Categories.All(c => Table.TryGetValue(c, out var row) && row.Kind == Goods) ? "goods" : "services";
    }

    /// <summary>
    /// What buying from the lot is: goods; health care services (any clinical category, or a managed service bought by an
    /// NHS body, whose main subject is then health care); social care services (monitoring and response, or a managed
    /// service bought by a council); otherwise services.
    /// </summary>
    public static string SubjectOf(FrameworkLot lot, string commissionerType)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (MainCategoryOf(lot) == "goods")
        {
            return Goods;
        }
        var kinds = lot.Categories.Select(c => (Category: c, Kind: Table.TryGetValue(c, out var row) ? row.Kind : OtherServices)).ToList();
        if (kinds.Any(k => k.Category == "managed-service"))
        {
            return LegalRoutes.NhsBodies.Contains(commissionerType) ? HealthCare : SocialCare;
        }
        return kinds.Any(k => k.Kind == HealthCare) ? HealthCare
            : kinds.Any(k => k.Kind == SocialCare) ? SocialCare
            : OtherServices;
    }
}
