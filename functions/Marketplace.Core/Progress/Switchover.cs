namespace Marketplace.Core.Progress;

/// <summary>
/// Digital-switchover readiness of telecare offerings (DOMAIN.md: the analogue network closes by January 2027; alarms must
/// move to IP or dual-path devices). Ready means digital or dual-path connectivity and an A2D-READY attestation held today.
/// </summary>
public static class Switchover
{
    /// <summary>Digital or dual-path, with a current A2D-READY declaration or verification.</summary>
    public const string Ready = "ready";
    /// <summary>Digital or dual-path, but no current A2D-READY attestation behind it.</summary>
    public const string DigitalUnevidenced = "digital-unevidenced";
    /// <summary>Analogue (PSTN) only: stops working at the switch-off.</summary>
    public const string AnalogueOnly = "analogue-only";
    /// <summary>The listing does not say.</summary>
    public const string NotStated = "not-stated";

    /// <summary>The readiness states, best first.</summary>
    public static readonly IReadOnlyList<string> All = [Ready, DigitalUnevidenced, AnalogueOnly, NotStated];

    /// <summary>The standard that evidences readiness.</summary>
    public const string StandardCode = "A2D-READY";

    /// <summary>Telecare categories (DOMAIN.md "Telecare products", and the alarm services that receive their calls).</summary>
    public static readonly IReadOnlySet<string> TelecareCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "home-alarm-hub", "pendant-alarm", "fall-detector", "bed-chair-occupancy-sensor", "movement-sensor", "door-exit-sensor",
        "epilepsy-seizure-sensor", "smoke-heat-co-flood-detector", "temperature-extremes-sensor", "medication-dispenser",
        "gps-mobile-alarm", "activity-monitoring", "big-button-phone", "alarm-receiving-centre", "responder-service",
    };

    /// <summary>The readiness of an offering with this connectivity and these standards held today.</summary>
    public static string Of(string connectivity, IReadOnlyCollection<string> standardsHeld) => connectivity switch
    {
        "digital" or "both" when standardsHeld.Contains(StandardCode) => Ready,
        "digital" or "both" => DigitalUnevidenced,
        "analogue" => AnalogueOnly,
        _ => NotStated,
    };

    /// <summary>How each state reads on a page.</summary>
    public static string Words(string state) => state switch
    {
        Ready => "Ready (digital, A2D-READY held)",
        DigitalUnevidenced => "Digital, readiness not evidenced",
        AnalogueOnly => "Analogue only",
        _ => "Connectivity not stated",
    };
}
