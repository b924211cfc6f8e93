using System.Globalization;
using System.Text.Json.Nodes;
using static Marketplace.Seed.Tests.CatalogueFiles;

namespace Marketplace.Seed.Tests;

/// <summary>
/// Cross-document rules a schema cannot express. Each check returns the problems it finds, so the seed tests and the
/// scaled-catalogue test share them and a failure names every offending document.
/// </summary>
internal static class CatalogueChecks
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly string[] DecidedStatuses = ["verified", "rejected", "revoked", "expired", "lapsed"]; // a lapsed one keeps who verified it

    public static IEnumerable<string> All(CatalogueFiles c) =>
    [
        .. UniqueIds(c), .. OfferingSuppliers(c), .. Memberships(c), .. Commitments(c), .. CertifiersAreAccredited(c), .. AttestationReferences(c),
        .. AttestationScope(c), .. Decisions(c), .. AttestationDates(c), .. EvidenceWhereRequired(c), .. FrameworkLots(c),
        .. OfferingLots(c), .. Users(c),
    ];

    public static IEnumerable<string> UniqueIds(CatalogueFiles c)
    {
        foreach (var (name, documents, key) in new[]
        {
            ("organisations", c.Organisations, "id"), ("standards", c.Standards, "code"), ("offerings", c.Offerings, "id"),
            ("frameworks", c.Frameworks, "id"), ("attestations", c.Attestations, "id"), ("users", c.Users, "id"),
        })
        {
            foreach (var duplicate in documents.GroupBy(d => Str(d!, key)).Where(g => g.Count() > 1))
            {
                yield return $"{name}: {key} '{duplicate.Key}' occurs {duplicate.Count()} times";
            }
        }

        foreach (var duplicate in c.Users.GroupBy(u => Str(u!, "email")).Where(g => g.Count() > 1))
        {
            yield return $"users: email '{duplicate.Key}' occurs {duplicate.Count()} times";
        }

        foreach (var duplicate in c.Frameworks.SelectMany(f => f!["lots"]!.AsArray()).GroupBy(l => Str(l!, "id")).Where(g => g.Count() > 1))
        {
            yield return $"frameworks: lot id '{duplicate.Key}' occurs {duplicate.Count()} times";
        }
    }

    public static IEnumerable<string> OfferingSuppliers(CatalogueFiles c)
    {
        var suppliers = Ids(c.OrganisationsOfKind("supplier"));
        foreach (var offering in c.Offerings)
        {
            if (!suppliers.Contains(Str(offering!, "supplierId")))
            {
                yield return $"offering {Str(offering!, "id")}: supplierId '{Str(offering!, "supplierId")}' is not a supplier";
            }
        }

        var selling = c.Offerings.Select(o => Str(o!, "supplierId")).ToHashSet();
        foreach (var supplier in suppliers.Where(s => !selling.Contains(s)))
        {
            yield return $"supplier {supplier} lists no offering";
        }
    }

    public static IEnumerable<string> Memberships(CatalogueFiles c)
    {
        var associations = Ids(c.OrganisationsOfKind("association"));
        foreach (var supplier in c.OrganisationsOfKind("supplier"))
        {
            var memberships = Strs(supplier, "memberships");
            if (memberships.Count is < 1 or > 3)
            {
                yield return $"supplier {Str(supplier, "id")}: belongs to {memberships.Count} associations, expected 1 to 3";
            }

            foreach (var membership in memberships.Where(m => !associations.Contains(m)))
            {
                yield return $"supplier {Str(supplier, "id")}: membership '{membership}' is not an association";
            }
        }
    }

    /// <summary>A 3millionlives commitment is vouched for by one of the supplier's own associations, one that launched it, and signed after January 2012.</summary>
    public static IEnumerable<string> Commitments(CatalogueFiles c)
    {
        string[] founders = ["tec-services-association", "abhi", "techuk", "medilink-uk"];
        foreach (var supplier in c.OrganisationsOfKind("supplier"))
        {
            foreach (var commitment in supplier["commitments"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var vouchedBy = Str(commitment, "vouchedBy");
                if (!Strs(supplier, "memberships").Contains(vouchedBy) || !founders.Contains(vouchedBy))
                {
                    yield return $"supplier {Str(supplier, "id")}: commitment vouched for by '{vouchedBy}', not one of its associations that launched 3millionlives";
                }
                if (DateOnly.Parse(Str(commitment, "signedOn"), CultureInfo.InvariantCulture) < new DateOnly(2012, 1, 1))
                {
                    yield return $"supplier {Str(supplier, "id")}: signed 3millionlives before it was launched";
                }
            }
        }
    }

    /// <summary>Certification bodies are accredited only for certifier-route standards, and every such standard has one.</summary>
    public static IEnumerable<string> CertifiersAreAccredited(CatalogueFiles c)
    {
        var routes = c.Standards.ToDictionary(s => Str(s!, "code"), s => Str(s!, "route"));
        var certifiers = c.OrganisationsOfKind("certifier").ToDictionary(o => Str(o, "id"), o => Strs(o, "accreditedFor"));
        foreach (var (id, codes) in certifiers)
        {
            foreach (var code in codes.Where(code => routes.GetValueOrDefault(code) != "certifier"))
            {
                yield return $"certifier {id}: accredited for {code}, which is not a certifier-route standard";
            }
        }
        foreach (var code in routes.Where(r => r.Value == "certifier").Select(r => r.Key).Where(code => !certifiers.Values.Any(a => a.Contains(code))))
        {
            yield return $"standard {code}: no certification body is accredited for it";
        }
        if (!certifiers.GetValueOrDefault("tec-quality", []).Contains("TSA-QSF"))
        {
            yield return "TEC Quality is missing or not accredited for TSA-QSF";
        }
        foreach (var association in c.OrganisationsOfKind("association").Where(a => a["validates"] is not null))
        {
            yield return $"association {Str(association, "id")}: still lists standards it validates; associations decide nothing";
        }
    }

    public static IEnumerable<string> AttestationReferences(CatalogueFiles c)
    {
        var suppliers = Ids(c.OrganisationsOfKind("supplier"));
        var standards = c.Standards.Select(s => Str(s!, "code")).ToHashSet();
        var offerings = c.Offerings.ToDictionary(o => Str(o!, "id"), o => o!);
        foreach (var a in c.Attestations.Select(a => a!))
        {
            var id = Str(a, "id");
            if (!suppliers.Contains(Str(a, "supplierId")))
            {
                yield return $"attestation {id}: supplierId '{Str(a, "supplierId")}' is not a supplier";
            }

            if (!standards.Contains(Str(a, "standardCode")))
            {
                yield return $"attestation {id}: standardCode '{Str(a, "standardCode")}' is not in the register";
            }

            if (OptionalStr(a, "offeringId") is { } offeringId)
            {
                if (!offerings.TryGetValue(offeringId, out var offering))
                {
                    yield return $"attestation {id}: offeringId '{offeringId}' does not exist";
                }
                else if (Str(offering, "supplierId") != Str(a, "supplierId"))
                {
                    yield return $"attestation {id}: offering {offeringId} belongs to {Str(offering, "supplierId")}, not {Str(a, "supplierId")}";
                }
            }
        }
    }

    /// <summary>Organisation-level attestations need "organisation" in the standard's scope; offering-level ones the offering's kind.</summary>
    public static IEnumerable<string> AttestationScope(CatalogueFiles c)
    {
        var scope = c.Standards.ToDictionary(s => Str(s!, "code"), s => Strs(s!, "scope"));
        var kinds = c.Offerings.ToDictionary(o => Str(o!, "id"), o => Str(o!, "kind"));
        foreach (var a in c.Attestations.Select(a => a!))
        {
            if (!scope.TryGetValue(Str(a, "standardCode"), out var allowed))
            {
                continue;
            }

            var level = OptionalStr(a, "offeringId") is { } offeringId ? kinds.GetValueOrDefault(offeringId, "?") : "organisation";
            if (!allowed.Contains(level))
            {
                yield return $"attestation {Str(a, "id")}: {Str(a, "standardCode")} cannot be attested at {level} level (scope: {string.Join(", ", allowed)})";
            }
        }
    }

    /// <summary>
    /// Each route decides as DOMAIN.md says: a certifier-route attestation names a certification body accredited for
    /// the standard, which is the one that decided it; a declaration is the supplier's own (declared, never decided,
    /// with its release and Clinical Safety Officer where the standard needs them, endorsed only by the supplier's own
    /// associations). No association decides a certified standard or a declaration; undecided attestations carry no decision.
    /// </summary>
    public static IEnumerable<string> Decisions(CatalogueFiles c)
    {
        var memberships = c.OrganisationsOfKind("supplier").ToDictionary(s => Str(s, "id"), s => Strs(s, "memberships"));
        var accredited = c.OrganisationsOfKind("certifier").ToDictionary(o => Str(o, "id"), o => Strs(o, "accreditedFor"));
        var standards = c.Standards.ToDictionary(s => Str(s!, "code"), s => s!);
        foreach (var a in c.Attestations.Select(a => a!))
        {
            var id = Str(a, "id");
            var code = Str(a, "standardCode");
            var status = Str(a, "status");
            var decidedBy = OptionalStr(a, "decidedBy");
            var certifier = OptionalStr(a, "certifierId");
            var standard = standards[code];
            var route = Str(standard, "route");
            var decided = DecidedStatuses.Contains(status) && !(route == "declaration" && status == "expired");
            if (decided != (decidedBy is not null))
            {
                yield return $"attestation {id}: status {status} with decidedBy '{decidedBy}'";
                continue;
            }
            if (a["equivalent"] is not null)
            {
                // A claimed equivalent is about what is held instead: no certifier or register decides it, only buyers.
                if (certifier is not null || decidedBy is not null)
                {
                    yield return $"attestation {id}: a claimed equivalent names certifier '{certifier}' or was decided by '{decidedBy}'";
                }
                continue;
            }
            if (route == "certifier")
            {
                if (certifier is null || !accredited.GetValueOrDefault(certifier, []).Contains(code))
                {
                    yield return $"attestation {id}: {code} names certifier '{certifier}', which is not a certification body accredited for it";
                }
                if (decidedBy is not null && decidedBy != certifier)
                {
                    yield return $"attestation {id}: decided by {decidedBy}, not by the certification body it names ({certifier})";
                }
            }
            else if (certifier is not null)
            {
                yield return $"attestation {id}: {code} is a {route}-route standard but names certifier {certifier}";
            }
            if (route == "declaration")
            {
                if (status is not ("draft" or "declared" or "withdrawn" or "expired"))
                {
                    yield return $"attestation {id}: a declaration of {code} is {status}; declarations are declared, withdrawn or expired";
                }
                if (Str(standard["validity"]!, "kind") == "per-release" && OptionalStr(a, "productRelease") is null)
                {
                    yield return $"attestation {id}: {code} holds per release but names none";
                }
                if (code == "DCB0129" && OptionalStr(a, "clinicalSafetyOfficer") is null)
                {
                    yield return $"attestation {id}: a DCB0129 declaration names no Clinical Safety Officer";
                }
                foreach (var endorser in (a["endorsements"]?.AsArray() ?? []).Select(e => Str(e!, "associationId")))
                {
                    if (!memberships.GetValueOrDefault(Str(a, "supplierId"), []).Contains(endorser))
                    {
                        yield return $"attestation {id}: endorsed by {endorser}, which {Str(a, "supplierId")} is not a member of";
                    }
                }
            }
            else if (a["endorsements"] is not null)
            {
                yield return $"attestation {id}: only declarations are endorsed, and {code} is a {route}-route standard";
            }
        }
    }

    public static IEnumerable<string> AttestationDates(CatalogueFiles c)
    {
        var validity = c.Standards.ToDictionary(s => Str(s!, "code"), s => s!["validityMonths"] is { } months ? months.GetValue<int>() : (int?)null);
        foreach (var a in c.Attestations.Select(a => a!))
        {
            var id = Str(a, "id");
            var status = Str(a, "status");
            var issued = DateOnly.Parse(Str(a, "issuedOn"), CultureInfo.InvariantCulture);
            DateOnly? expires = OptionalStr(a, "expiresOn") is { } e ? DateOnly.Parse(e, CultureInfo.InvariantCulture) : null;
            if (issued >= Today)
            {
                yield return $"attestation {id}: issued on {issued:yyyy-MM-dd}, not before today ({Today:yyyy-MM-dd})";
            }

            if (expires <= issued)
            {
                yield return $"attestation {id}: expires on {expires:yyyy-MM-dd}, not after it was issued";
            }

            if (validity.GetValueOrDefault(Str(a, "standardCode")) is int months && expires is { } end && end != issued.AddMonths(months))
            {
                yield return $"attestation {id}: expires on {end:yyyy-MM-dd}, expected {issued.AddMonths(months):yyyy-MM-dd} ({months} months)";
            }

            if (status == "expired" && !(expires < Today))
            {
                yield return $"attestation {id}: expired but expiresOn is {expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "absent"}";
            }

            if (OptionalStr(a, "decidedAt") is { } decidedAt)
            {
                var decided = DateOnly.FromDateTime(DateTime.Parse(decidedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
                if (decided < issued || decided >= Today)
                {
                    yield return $"attestation {id}: decided on {decided:yyyy-MM-dd}, outside {issued:yyyy-MM-dd}..{Today.AddDays(-1):yyyy-MM-dd}";
                }
            }
        }

        var verified = c.Attestations.Where(a => Str(a!, "status") == "verified" && OptionalStr(a!, "expiresOn") is not null).ToList();
        var current = verified.Count(a => DateOnly.Parse(Str(a!, "expiresOn"), CultureInfo.InvariantCulture) > Today);
        if (current < verified.Count * 0.8)
        {
            yield return $"only {current} of {verified.Count} verified attestations with an expiry date expire after today";
        }
    }

    public static IEnumerable<string> EvidenceWhereRequired(CatalogueFiles c)
    {
        var required = c.Standards.ToDictionary(s => Str(s!, "code"), s => s!["evidenceRequired"]!.GetValue<bool>());
        foreach (var a in c.Attestations.Select(a => a!))
        {
            if (Str(a, "status") != "draft" && required.GetValueOrDefault(Str(a, "standardCode")) && a["evidence"]!.AsArray().Count == 0)
            {
                yield return $"attestation {Str(a, "id")}: {Str(a, "standardCode")} requires evidence but none is attached";
            }
        }
    }

    /// <summary>Admitted suppliers exist and sell something the lot covers.</summary>
    public static IEnumerable<string> FrameworkLots(CatalogueFiles c)
    {
        var suppliers = Ids(c.OrganisationsOfKind("supplier"));
        var sold = c.Offerings.GroupBy(o => Str(o!, "supplierId")).ToDictionary(g => g.Key, g => g.Select(o => Str(o!, "category")).ToHashSet());
        foreach (var lot in c.Frameworks.SelectMany(f => f!["lots"]!.AsArray()).Select(l => l!))
        {
            var categories = Strs(lot, "categories");
            foreach (var supplier in Strs(lot, "suppliers"))
            {
                if (!suppliers.Contains(supplier))
                {
                    yield return $"lot {Str(lot, "id")}: supplier '{supplier}' does not exist";
                }
                else if (!sold.GetValueOrDefault(supplier, []).Overlaps(categories))
                {
                    yield return $"lot {Str(lot, "id")}: supplier {supplier} sells nothing in the lot's categories";
                }
            }
        }
    }

    /// <summary>An offering is listed in a lot only if the lot covers its category and its supplier is admitted.</summary>
    public static IEnumerable<string> OfferingLots(CatalogueFiles c)
    {
        var lots = c.Frameworks.SelectMany(f => f!["lots"]!.AsArray()).Select(l => l!)
            .ToDictionary(l => Str(l, "id"), l => (Categories: Strs(l, "categories").ToHashSet(), Suppliers: Strs(l, "suppliers").ToHashSet()));
        foreach (var o in c.Offerings.Select(o => o!))
        {
            foreach (var lotId in Strs(o, "lots"))
            {
                if (!lots.TryGetValue(lotId, out var lot))
                {
                    yield return $"offering {Str(o, "id")}: lot '{lotId}' does not exist";
                }
                else if (!lot.Categories.Contains(Str(o, "category")) || !lot.Suppliers.Contains(Str(o, "supplierId")))
                {
                    yield return $"offering {Str(o, "id")}: listed in {lotId}, which does not cover {Str(o, "category")} or has not admitted {Str(o, "supplierId")}";
                }
            }
        }
    }

    public static IEnumerable<string> Users(CatalogueFiles c)
    {
        var kinds = c.Organisations.ToDictionary(o => Str(o!, "id"), o => Str(o!, "kind"));
        foreach (var u in c.Users.Select(u => u!))
        {
            var role = Str(u, "role");
            var organisation = OptionalStr(u, "organisationId");
            var expectedKind = role switch { "Supplier" => "supplier", "Association" => "association", "Commissioner" => "commissioner", "Certifier" => "certifier", _ => null };
            if (expectedKind is null)
            {
                continue;
            }

            if (organisation is null || !kinds.TryGetValue(organisation, out var kind))
            {
                yield return $"user {Str(u, "id")}: organisation '{organisation}' does not exist";
            }
            else if (kind != expectedKind)
            {
                yield return $"user {Str(u, "id")}: role {role} but organisation {organisation} is a {kind}";
            }
        }
    }

    private static HashSet<string> Ids(IEnumerable<JsonObject> documents) => documents.Select(d => Str(d, "id")).ToHashSet();

    public static string Report(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return $"{list.Count} problem(s):\n  " + string.Join("\n  ", list.Take(50));
    }
}
