using System.Globalization;
using System.Text;

namespace Marketplace.CatalogueGenerator;

internal sealed class OfferingFactory(Random rng)
{
    private readonly Dictionary<string, HashSet<string>> namesBySupplier = new(StringComparer.Ordinal);

    public Offering Create(int number, SupplierDraft supplier, CategorySpec spec)
    {
        var noun = spec.Nouns[rng.Next(spec.Nouns.Length)];
        var model = spec.Models[rng.Next(spec.Models.Length)];
        var name = UniqueName(supplier, model.Length == 0 ? $"{supplier.Brand} {noun}" : $"{supplier.Brand} {model} {noun}", spec.Kind);

        // A remote-monitoring platform is bought for a pathway: every one carries the protocols of the Whole System
        // Demonstrator conditions (COPD, heart failure, diabetes), as real platforms do, and some more; devices vary.
        var drawn = Subset(spec.Conditions, Math.Min(spec.Conditions.Length, 2), Math.Min(spec.Conditions.Length, 4));
        var conditions = (spec.Slug == "remote-monitoring-platform" ? drawn.Union(Conditions.WholeSystemDemonstrator) : drawn)
            .OrderBy(c => Array.IndexOf(Conditions.All, c)).ToList();
        var features = Subset(spec.Features, 3, Math.Min(spec.Features.Length, 6));
        var interop = Subset(spec.InteropPool, spec.MinInterop, Math.Min(spec.InteropPool.Length, spec.MinInterop + 2));
        var connectivity = spec.Connectivity[rng.Next(spec.Connectivity.Length)];
        var regions = PickRegions(supplier.Region);
        var price = PickPrice(spec);
        var leadTime = rng.Next(spec.LeadTime.Min, spec.LeadTime.Max + 1);

        return new Offering
        {
            Id = $"off-{number.ToString("000000", CultureInfo.InvariantCulture)}",
            SupplierId = supplier.Id,
            Kind = spec.Kind,
            Name = name,
            Summary = Summary(spec, features),
            Description = Description(spec, features, conditions, interop, connectivity, regions, leadTime),
            Category = spec.Slug,
            Conditions = conditions,
            Features = features,
            Interoperability = interop,
            Connectivity = connectivity,
            Regions = regions,
            Price = price,
            LeadTimeDays = leadTime,
            Lots = [],
            OutcomeEvidence = OutcomeEvidenceFor(spec),
            AccessibilityStatement = spec.Accessibility[rng.Next(spec.Accessibility.Length)],
            Status = rng.Next(100) < 3 ? "retired" : "active",
        };
    }

    private string UniqueName(SupplierDraft supplier, string name, string kind)
    {
        if (!namesBySupplier.TryGetValue(supplier.Id, out var used))
        {
            namesBySupplier[supplier.Id] = used = new HashSet<string>(StringComparer.Ordinal);
        }

        string[] marks = kind == "product" ? [" Mk II", " Mk III", " Mk IV", " Pro", " Plus", " Lite"] : [" Plus", " Enhanced", " Select", " Extended"];
        var candidate = name;
        for (var i = 0; !used.Add(candidate); i++)
        {
            candidate = i < marks.Length ? name + marks[i] : $"{name} {(i - marks.Length + 2).ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    /// <summary>A random subset of size min..max, in the pool's order.</summary>
    private List<string> Subset(string[] pool, int min, int max)
    {
        var count = rng.Next(min, max + 1);
        var indices = Enumerable.Range(0, pool.Length).ToArray();
        rng.Shuffle(indices);
        return [.. indices.Take(count).Order().Select(i => pool[i])];
    }

    private List<string> PickRegions(string home)
    {
        var roll = rng.Next(100);
        if (roll < 30)
        {
            return [.. Regions.All];
        }

        if (roll < 45 && Array.IndexOf(Regions.England, home) >= 0)
        {
            return [.. Regions.England];
        }

        var neighbours = Regions.Neighbours(home);
        var chosen = Subset(neighbours, 0, Math.Min(3, neighbours.Length));
        chosen.Add(home);
        return [.. chosen.OrderBy(r => Array.IndexOf(Regions.All, r))];
    }

    private Price PickPrice(CategorySpec spec)
    {
        var band = spec.Prices[rng.Next(spec.Prices.Length)];
        var raw = band.Min + ((band.Max - band.Min) * (decimal)rng.NextDouble());
        var step = band.Model switch
        {
            "per-connection-per-week" => 0.05m,
            "per-installation" => 1m,
            _ when raw >= 1000m => 50m,
            _ => 0.50m,
        };
        var amount = (Math.Round(raw / step, MidpointRounding.AwayFromZero) * step) + 0.00m;
        decimal? reward = band.Model == "managed-service-monthly"
            ? (Math.Round((50m + (250m * (decimal)rng.NextDouble())) / 5m, MidpointRounding.AwayFromZero) * 5m) + 0.00m
            : null;
        return new Price { Model = band.Model, AmountGbp = amount, OutcomeRewardGbp = reward };
    }

    private static string Summary(CategorySpec spec, List<string> features)
    {
        var summary = $"{spec.Lead}. {features[0]}.";
        var withSecond = $"{spec.Lead}. {features[0]}; {Lower(features[1])}.";
        return withSecond.Length <= 280 ? withSecond : summary;
    }

    private static string Description(
        CategorySpec spec, List<string> features, List<string> conditions, List<string> interop, string? connectivity, List<string> regions, int leadTime)
    {
        var text = new StringBuilder();
        text.Append(spec.Lead).Append(". ");
        text.Append("Features: ").AppendJoin("; ", features.Select(Lower)).Append(". ");
        text.Append("Suitable for people with ").Append(JoinAnd(conditions.Select(Conditions.Title))).Append(". ");
        if (interop.Count > 0)
        {
            text.Append("Interoperability: ").AppendJoin(", ", interop.Select(InteropTitle)).Append(". ");
        }

        text.Append(connectivity switch
        {
            "analogue" => "Connects over an analogue (PSTN) line; plan a digital replacement before the analogue network is switched off by January 2027. ",
            "digital" => "Digital (IP or 4G/mobile), ready for the switch-off of the analogue telephone network by January 2027. ",
            "both" => "Dual-path: works on analogue lines today and over IP or 4G after the digital switchover. ",
            _ => "",
        });
        text.Append(regions.Count == Regions.All.Length ? "Available across the UK" : $"Available in {JoinAnd(regions.Select(Regions.Title))}");
        text.Append(CultureInfo.InvariantCulture, $"; typical lead time {leadTime} days.");
        return text.ToString();
    }

    private List<OutcomeEvidence> OutcomeEvidenceFor(CategorySpec spec)
    {
        var evidence = new List<OutcomeEvidence>();
        // The Whole System Demonstrator tested telehealth monitoring and telecare, not video consultation (DOMAIN.md):
        // it is quoted only for monitoring. The draws are made as before so no other generated record changes.
        var telehealth = spec.Group == CategoryGroup.TelehealthProduct || spec.Slug is "clinical-triage-service" or "managed-service";
        var monitoring = telehealth && spec.Slug != "video-consultation";
        if (telehealth && rng.Next(100) < 45 && monitoring)
        {
            evidence.Add(new OutcomeEvidence
            {
                Summary = "Whole System Demonstrator (Newham, Kent and Cornwall; 6,191 people in 238 GP practices overall), telehealth arm " +
                    "of 3,230 people with diabetes, COPD or heart failure in 179 practices: headline mortality down 45 % and emergency " +
                    "admissions down 20 %. Caveats: an unusual rise in admissions in the control group; about £92,000 per QALY " +
                    "(Henderson, BMJ 2013;346:f1035); no gain in quality of life (Cartwright, BMJ 2013;346:f653).",
                Source = "Department of Health, Whole System Demonstrator headline findings",
                Year = 2011,
            });
        }

        if (telehealth && rng.Next(100) < 30 && monitoring)
        {
            evidence.Add(new OutcomeEvidence
            {
                Summary = "Whole System Demonstrator telehealth arm (3,230 people with diabetes, COPD or heart failure in 179 GP practices): " +
                    "mortality 4.6 % vs 8.3 %; 43 % vs 48 % admitted to hospital. Caveat: admissions rose unusually in the control group.",
                Source = "Steventon A et al. BMJ 2012;344:e3874",
                Year = 2012,
            });
        }

        if (rng.Next(100) < 35)
        {
            var commissioner = Commissioners.Documents[rng.Next(Commissioners.Documents.Count)].Name;
            var people = rng.Next(120, 2400).ToString("N0", CultureInfo.InvariantCulture);
            var percent = rng.Next(8, 32);
            var finding = spec.Group switch
            {
                CategoryGroup.TelecareProduct => $"{percent} % of alarm calls from {people} users resolved without an ambulance call-out",
                CategoryGroup.TelehealthProduct => $"{percent} % fewer non-elective admissions among {people} monitored patients over 12 months",
                CategoryGroup.Telecoaching => $"{percent} % of {people} participants met their personal goals at 12 weeks",
                _ => $"{percent} % fewer unplanned visits for {people} people supported over 12 months",
            };
            evidence.Add(new OutcomeEvidence
            {
                Summary = string.Create(CultureInfo.InvariantCulture, $"{finding} (supplier-reported service evaluation, not peer reviewed)."),
                Source = $"Service evaluation with {commissioner}",
                Year = rng.Next(2023, 2027),
            });
        }

        return evidence;
    }

    private static string InteropTitle(string code) => code switch
    {
        Interop.Bs85212 => "BS 8521-2 (NOW-IP)",
        Interop.Scaip => "SCAIP",
        Interop.Fhir => "HL7 FHIR R4 (UK Core)",
        Interop.Hl7V2 => "HL7 v2",
        Interop.GpIm1 => "GP system integration (IM1)",
        Interop.Hscn => "HSCN connection",
        Interop.Continua => "Continua (ITU-T H.810)",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>Lower-cases the first letter for use mid-sentence, but not of acronyms or proper names.</summary>
    private static string Lower(string feature) =>
        feature.Length > 1 && char.IsUpper(feature[0]) && !char.IsUpper(feature[1]) && !feature.StartsWith("Bluetooth", StringComparison.Ordinal)
            ? char.ToLowerInvariant(feature[0]) + feature[1..]
            : feature;

    private static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
