using static Marketplace.Seed.Tests.CatalogueFiles;

namespace Marketplace.Seed.Tests;

public sealed class CoverageTests
{
    private static CatalogueFiles Seed => Repository.SeedFiles;

    private static List<string> Vocabulary(string definition) =>
    [
        .. Repository.SchemaJson("vocabulary.schema.json").GetProperty("$defs").GetProperty(definition) is var d && d.TryGetProperty("oneOf", out var oneOf)
            ? oneOf.EnumerateArray().Select(v => v.GetProperty("const").GetString()!)
            : d.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!),
    ];

    [Fact]
    public void The_vocabularies_have_the_sizes_domain_md_gives()
    {
        Assert.Equal(29, Vocabulary("category").Count);
        Assert.Equal(12, Vocabulary("condition").Count);
        Assert.Equal(10, Vocabulary("region").Count);
        Assert.Equal(["bs8521-2", "scaip", "fhir-r4-uk-core", "hl7-v2", "gp-im1", "hscn", "continua"], Vocabulary("interoperability"));
        Assert.Equal(["analogue", "digital", "both"], Vocabulary("connectivity"));
        Assert.Equal(["per-unit", "per-connection-per-week", "per-patient-per-month", "per-installation", "managed-service-monthly"], Vocabulary("priceModel"));
        Assert.Equal(19, Vocabulary("standardCode").Count);
        Assert.Equal(["draft", "submitted", "verified", "declared", "rejected", "revoked", "expired", "lapsed", "withdrawn"], Vocabulary("attestationStatus"));
        Assert.Equal(["coming", "open", "pending", "standstill", "live", "expired"], Vocabulary("frameworkStatus"));
    }

    [Fact]
    public void The_catalogue_has_at_least_40_suppliers_the_five_associations_and_12_commissioners()
    {
        Assert.InRange(Seed.OrganisationsOfKind("supplier").Count(), 40, 1000);
        Assert.Equal(
            ["abhi", "medilink-uk", "northern-health-technology-network", "tec-services-association", "techuk"],
            Seed.OrganisationsOfKind("association").Select(a => Str(a, "id")).Order(StringComparer.Ordinal));
        Assert.Equal(12, Seed.OrganisationsOfKind("commissioner").Count());
        Assert.Equal(
            ["health-and-social-care-trust", "health-board", "integrated-care-board", "local-authority"],
            Seed.OrganisationsOfKind("commissioner").Select(c => Str(c, "commissionerType")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_catalogue_has_300_offerings_with_at_least_three_in_every_category()
    {
        var counts = Seed.Offerings.GroupBy(o => Str(o!, "category")).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(300, Seed.Offerings.Count);
        var thin = Vocabulary("category").Where(c => counts.GetValueOrDefault(c) < 3).ToList();
        Assert.True(thin.Count == 0, "categories with fewer than 3 offerings: " + string.Join(", ", thin));
    }

    [Fact]
    public void At_least_twelve_fall_detectors_say_fall_detector_in_name_and_summary()
    {
        var detectors = Seed.Offerings.Where(o => Str(o!, "category") == "fall-detector").ToList();

        Assert.InRange(detectors.Count, 12, 300);
        Assert.All(detectors, o =>
        {
            Assert.Contains("fall detector", Str(o!, "name"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("fall detector", Str(o!, "summary"), StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Some_offerings_are_retired_and_most_are_active()
    {
        var retired = Seed.Offerings.Count(o => Str(o!, "status") == "retired");

        Assert.InRange(retired, 1, 30);
    }

    [Fact]
    public void Home_alarm_hubs_are_digital_or_dual_path_and_speak_bs8521_2_or_scaip()
    {
        var hubs = Seed.Offerings.Where(o => Str(o!, "category") == "home-alarm-hub").ToList();

        Assert.NotEmpty(hubs);
        Assert.All(hubs, h =>
        {
            Assert.Contains(Str(h!, "connectivity"), new[] { "digital", "both" });
            Assert.True(Strs(h!, "interoperability").Intersect(["bs8521-2", "scaip"]).Any(), Str(h!, "id"));
        });
    }

    [Fact]
    public void Every_price_model_appears_and_managed_services_carry_an_outcome_reward()
    {
        var models = Seed.Offerings.Select(o => Str(o!["price"]!, "model")).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(Vocabulary("priceModel").Order(StringComparer.Ordinal), models);
        Assert.All(Seed.Offerings.Where(o => Str(o!, "category") == "managed-service"), o => Assert.NotNull(o!["price"]!["outcomeRewardGbp"]));
    }

    [Fact]
    public void The_register_has_all_19_standards_of_the_vocabulary()
    {
        Assert.Equal(Vocabulary("standardCode"), Seed.Standards.Select(s => Str(s!, "code")));
    }

    [Fact]
    public void Every_attestation_status_occurs_and_most_are_verified_or_declared()
    {
        var statuses = Seed.Attestations.GroupBy(a => Str(a!, "status")).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Vocabulary("attestationStatus").Order(StringComparer.Ordinal), statuses.Keys.Order(StringComparer.Ordinal));
        var held = statuses["verified"] + statuses["declared"];
        Assert.True(held > Seed.Attestations.Count / 2, $"{held} of {Seed.Attestations.Count} verified or declared");
    }

    [Fact]
    public void Every_supplier_has_two_to_five_attestations_plus_clinical_safety_for_telehealth_and_both_levels_occur()
    {
        // Claimed equivalents are counted apart (see Claimed_equivalents_are_submitted_with_evidence_and_left_to_commissioners),
        // and so are the registrations the law expects (ICO, DSPT, CQC, MHRA) that a register import verified.
        var perSupplier = Seed.Attestations.Where(a => a!["equivalent"] is null && OptionalStr(a!, "decidedBy") is not ("ico" or "dspt" or "cqc" or "mhra"))
            .GroupBy(a => Str(a!, "supplierId")).ToDictionary(g => g.Key, g => g.Count());
        // The generator's telehealth pass adds a DSPT (where the supplier's trade keeps one) and a DCB0129 (verified or
        // declared) per active telehealth offering. Suppliers no longer attest DTAC or NICE ESF (the buyer assesses them),
        // so one that had only those left keeps one.
        var telehealth = Seed.Offerings.Where(o => Str(o!, "status") == "active" && Str(o!, "category") is "remote-monitoring-platform" or "vital-signs-hub")
            .GroupBy(o => Str(o!, "supplierId")).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Seed.OrganisationsOfKind("supplier"), s => Assert.InRange(perSupplier.GetValueOrDefault(Str(s, "id")), 1, 5 + (telehealth.TryGetValue(Str(s, "id"), out var n) ? n + 1 : 0)));
        Assert.Contains(Seed.Attestations, a => Str(a!, "standardCode") == "DCB0129" && Str(a!, "status") == "declared");
        Assert.True(perSupplier.Values.Average() >= 2, $"average {perSupplier.Values.Average():0.0} attestations per supplier");
        Assert.Contains(Seed.Attestations, a => a!["offeringId"] is null);
        Assert.Contains(Seed.Attestations, a => a!["offeringId"] is not null);
    }

    [Fact]
    public void Claimed_equivalents_are_submitted_with_evidence_and_left_to_commissioners()
    {
        var claims = Seed.Attestations.Where(a => a!["equivalent"] is not null).Select(a => a!).ToList();

        Assert.Equal(["CQC", "CYBER-ESSENTIALS-PLUS"], claims.Select(a => Str(a, "standardCode")).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(claims, a => Str(a["equivalent"]!, "issuedBy") == "Care Inspectorate");
        Assert.All(claims, a =>
        {
            Assert.Equal("submitted", Str(a, "status"));
            Assert.NotEmpty(a["evidence"]!.AsArray());
            Assert.Null(a["decidedBy"]);
            // A claim stands in for a standard the supplier does not otherwise hold.
            Assert.DoesNotContain(Seed.Attestations, o => o!["equivalent"] is null && Str(o, "supplierId") == Str(a, "supplierId")
                && Str(o, "standardCode") == Str(a, "standardCode") && Str(o, "status") == "verified");
        });
    }

    [Fact]
    public void The_framework_is_live_with_the_six_lots_of_domain_md()
    {
        var framework = Assert.Single(Seed.Frameworks)!;
        var lots = framework["lots"]!.AsArray();

        Assert.Equal("live", Str(framework, "status"));
        Assert.Equal(
            ["Telecare products", "Telecare services (monitoring, response)", "Telehealth products", "Telehealth services", "Telecoaching", "Managed services"],
            lots.Select(l => Str(l!, "name")));
        Assert.Equal([1, 2, 3, 4, 5, 6], lots.Select(l => l!["number"]!.GetValue<int>()));
        Assert.All(lots, l => Assert.NotEmpty(Strs(l!, "suppliers")));
        var covered = lots.SelectMany(l => Strs(l!, "categories")).ToHashSet();
        Assert.Equal(Vocabulary("category").Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void There_are_users_for_every_association_commissioner_and_certifier_each_supplier_and_one_admin()
    {
        var users = Seed.Users.Select(u => u!).ToList();

        Assert.Single(users, u => Str(u, "role") == "Admin");
        foreach (var (kind, role) in new[] { ("association", "Association"), ("commissioner", "Commissioner"), ("supplier", "Supplier"), ("certifier", "Certifier") })
        {
            var covered = users.Where(u => Str(u, "role") == role).Select(u => Str(u, "organisationId")).ToHashSet();
            Assert.All(Seed.OrganisationsOfKind(kind), o => Assert.Contains(Str(o, "id"), covered));
        }
    }

    [Fact]
    public void Contact_and_sign_in_addresses_use_the_reserved_example_domain()
    {
        var addresses = Seed.Organisations.Select(o => Str(o!, "contactEmail")).Concat(Seed.Users.Select(u => Str(u!, "email")));

        Assert.All(addresses, a => Assert.EndsWith(".example", a, StringComparison.Ordinal));
        Assert.All(Seed.Organisations, o => Assert.Matches(@"^https://[a-z0-9.-]+\.example/$", Str(o!, "website")));
    }

    [Fact]
    public void Standards_without_a_validity_period_are_the_per_release_registered_edition_bound_and_open_ended_ones()
    {
        var openEnded = Seed.Standards.Where(s => s!["validityMonths"] is null).Select(s => Str(s!, "code"));

        // DCB0129, DTAC and WCAG lapse when the product release changes, not by date (DOMAIN.md).
        Assert.Equal(["DTAC", "DCB0129", "MHRA-REG", "BS8521-1", "BS8521-2", "EN50134", "SCAIP", "CQC", "NICE-ESF", "WCAG21-AA"], openEnded);
    }

    // DOMAIN.md's standards register, "confirmed by (route)" and "validity". WCAG22-AA there is WCAG21-AA here: codes
    // never change, because attestations refer to them.
    private static readonly (string Code, string Route, string Validity, int? Months)[] DomainTable =
    [
        ("TSA-QSF", "certifier", "months", 36),
        ("CYBER-ESSENTIALS", "certifier", "months", 12),
        ("CYBER-ESSENTIALS-PLUS", "certifier", "months", 12),
        ("ISO27001", "certifier", "months", 36),
        ("ISO13485", "certifier", "months", 36),
        ("EN50518", "certifier", "months", 36),
        ("DSPT", "register", "months", 12),
        ("CQC", "register", "while-registered", null),
        ("ICO-REG", "register", "months", 12),
        ("MHRA-REG", "register", "while-registered", null),
        ("DTAC", "buyer-assessed", "per-release", null),
        ("NICE-ESF", "buyer-assessed", "open-ended", null),
        ("DCB0129", "declaration", "per-release", null),
        ("BS8521-1", "declaration", "edition-bound", null),
        ("BS8521-2", "declaration", "edition-bound", null),
        ("EN50134", "declaration", "edition-bound", null),
        ("SCAIP", "declaration", "edition-bound", null),
        ("WCAG21-AA", "declaration", "per-release", null),
        ("A2D-READY", "declaration", "months", 12),
    ];

    public static TheoryData<string, string, string, int?> DomainRegister()
    {
        var data = new TheoryData<string, string, string, int?>();
        foreach (var (code, route, validity, months) in DomainTable)
        {
            data.Add(code, route, validity, months);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DomainRegister))]
    public void Every_standard_is_confirmed_by_the_route_and_lasts_as_long_as_domain_md_says(string code, string route, string validity, int? months)
    {
        var standard = Seed.Standards.Single(s => Str(s!, "code") == code)!;

        Assert.Equal(route, Str(standard, "route"));
        Assert.False(string.IsNullOrWhiteSpace(Str(standard, "confirmedBy")));
        Assert.Equal(validity, Str(standard["validity"]!, "kind"));
        Assert.Equal(months, standard["validity"]!["months"]?.GetValue<int>());
        // The expiry calculation reads validityMonths: it must be the rule's months, and null for every other rule.
        Assert.Equal(months, standard["validityMonths"]?.GetValue<int>());
    }

    [Fact]
    public void The_register_holds_exactly_domain_md_s_standards()
    {
        Assert.Equal(DomainTable.Select(row => row.Code).Order(StringComparer.Ordinal),
            Seed.Standards.Select(s => Str(s!, "code")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CQC_applies_in_England_only_and_names_the_regulators_of_the_other_nations()
    {
        var cqc = Seed.Standards.Single(s => Str(s!, "code") == "CQC")!;

        Assert.Equal(["england"], cqc["jurisdictions"]!.AsArray().Select(n => n!.GetValue<string>()));
        var devolved = cqc["devolvedEquivalents"]!.AsArray().ToDictionary(d => Str(d!, "nation"), d => d!["bodies"]!.AsArray().Select(b => b!.GetValue<string>()).ToList());
        Assert.Equal(["northern-ireland", "scotland", "wales"], devolved.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Care Inspectorate", "Healthcare Improvement Scotland"], devolved["scotland"]);
        Assert.Contains(devolved["wales"], b => b.Contains("CIW", StringComparison.Ordinal));
        Assert.Contains(devolved["wales"], b => b.Contains("HIW", StringComparison.Ordinal));
        Assert.Contains(devolved["northern-ireland"], b => b.Contains("RQIA", StringComparison.Ordinal));
        Assert.All(Seed.Standards.Where(s => Str(s!, "code") != "CQC"), s => Assert.Null(s!["jurisdictions"]));
    }

    [Fact]
    public void WCAG_is_version_2_2_under_its_kept_code()
    {
        var wcag = Seed.Standards.Single(s => Str(s!, "code") == "WCAG21-AA")!;

        Assert.Contains("2.2", Str(wcag, "name"), StringComparison.Ordinal);
    }
}
