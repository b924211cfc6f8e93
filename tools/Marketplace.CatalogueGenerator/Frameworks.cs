namespace Marketplace.CatalogueGenerator;

/// <summary>One live framework with six lots, modelled on RM784 (2012) and ESPO (2013).</summary>
internal static class Frameworks
{
    private const string Id = "ttc-2026";

    private static readonly (string Name, string Description, string[] Categories)[] LotShapes =
    [
        ("Telecare products",
            "Home alarm hubs, wearable alarms, fall detectors, home sensors, medication dispensers, GPS alarms, activity monitoring and big-button phones.",
            [
                "home-alarm-hub", "pendant-alarm", "fall-detector", "bed-chair-occupancy-sensor", "movement-sensor", "door-exit-sensor",
                "epilepsy-seizure-sensor", "smoke-heat-co-flood-detector", "temperature-extremes-sensor", "medication-dispenser",
                "gps-mobile-alarm", "activity-monitoring", "big-button-phone",
            ]),
        ("Telecare services (monitoring, response)",
            "Alarm receiving and monitoring centres, mobile responders, and installation and maintenance of telecare equipment.",
            ["alarm-receiving-centre", "responder-service", "installation-and-maintenance"]),
        ("Telehealth products",
            "Vital-signs hubs and connected devices, remote-monitoring platforms and video consultation.",
            ["vital-signs-hub", "blood-pressure-monitor", "pulse-oximeter", "weighing-scales", "glucose-meter", "remote-monitoring-platform", "video-consultation"]),
        ("Telehealth services",
            "Clinical triage of remote-monitoring alerts, hosted remote-monitoring platforms, and installation and maintenance of telehealth equipment.",
            ["clinical-triage-service", "remote-monitoring-platform", "installation-and-maintenance"]),
        ("Telecoaching",
            "Remote coaching for self-management of long-term conditions, smoking cessation and rehabilitation.",
            ["self-management-coaching", "smoking-cessation", "rehabilitation-coaching"]),
        ("Managed services",
            "End-to-end managed services (risk stratification, installation, monitoring, triage) for a monthly fee plus an outcome reward, and related consultancy.",
            ["managed-service", "consultancy"]),
    ];

    public static Framework Build(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings, Random rng)
    {
        var categoriesBySupplier = offerings
            .GroupBy(o => o.SupplierId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Category).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var lots = new List<Lot>();
        for (var i = 0; i < LotShapes.Length; i++)
        {
            var (name, description, categories) = LotShapes[i];
            var candidates = suppliers
                .Where(s => categoriesBySupplier.TryGetValue(s.Id, out var sold) && categories.Any(sold.Contains))
                .Select(s => s.Id)
                .ToList();

            // Most, not all, suppliers won a place: the rest sell off-framework.
            var admitted = candidates.Where(_ => rng.Next(100) < 85).ToList();
            if (admitted.Count == 0 && candidates.Count > 0)
            {
                admitted.Add(candidates[0]);
            }

            lots.Add(new Lot
            {
                Id = $"{Id}-lot-{i + 1}",
                Number = i + 1,
                Name = name,
                Description = description,
                Categories = categories,
                Suppliers = admitted,
            });
        }

        return new Framework
        {
            Id = Id,
            Reference = "TTC-2026",
            Name = "Telecare, Telehealth and Telecoaching 2026",
            Authority = "Shires Collaborative Procurement Organisation",
            Status = "live",
            Dates = new FrameworkDates
            {
                Opens = new DateOnly(2025, 11, 3),
                Closes = new DateOnly(2025, 12, 15),
                Live = new DateOnly(2026, 4, 1),
                Expires = new DateOnly(2030, 3, 31),
            },
            Lots = lots,
            CallOff = new FrameworkCallOff
            {
                DirectAward = true,
                FurtherCompetition = true,
                SelectionMechanism = "Direct award to the offering ranked first when the buyer's specification is scored against the lot with the marketplace's " +
                    "published key-requirements template (mandatory gates, weighted criteria, whole-life cost), the shortlist locked and hashed before award.",
                EstimatedValueGbp = 180_000_000m,
                PriceMechanism = "Catalogue prices per the offering's price model are ceilings; a further competition may lower them. Prices may rise once a year by at most CPIH.",
                // Wales, Scotland and Northern Ireland buyers may use it, but the marketplace does not model their law (LegalRoutes says so).
                EligibleBuyerTypes = ["integrated-care-board", "local-authority", "health-board", "health-and-social-care-trust"],
            },
        };
    }

    /// <summary>The lots an offering is listed in: those covering its category to which its supplier is admitted.</summary>
    public static Func<Offering, IReadOnlyList<string>> LotsFor(Framework framework)
    {
        var lots = framework.Lots
            .Select(l => (l.Id, Categories: l.Categories.ToHashSet(StringComparer.Ordinal), Suppliers: l.Suppliers.ToHashSet(StringComparer.Ordinal)))
            .ToList();
        return o => [.. lots.Where(l => l.Categories.Contains(o.Category) && l.Suppliers.Contains(o.SupplierId)).Select(l => l.Id)];
    }
}
