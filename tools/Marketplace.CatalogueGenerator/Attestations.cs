using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.CatalogueGenerator;

/// <summary>
/// Two to five attestations per supplier, organisation-level and offering-level as each standard's scope allows, for
/// standards typical of the supplier's trade. Each route then shapes them (<see cref="SeedRoutes"/>): a certification
/// body decides certified standards, declarations are declared. Every status occurs.
/// </summary>
internal sealed class Attestations(Random rng)
{
    public static readonly string[] Statuses = ["verified", "expired", "submitted", "rejected", "revoked", "draft", "withdrawn"];

    private static readonly (string Status, int Weight)[] StatusWeights =
        [("verified", 62), ("expired", 8), ("submitted", 9), ("rejected", 6), ("revoked", 4), ("draft", 6), ("withdrawn", 5)];

    private static readonly string[] RejectionReasons =
    [
        "Certificate number not found on the issuing body's public register.",
        "Certificate scope does not cover the site or service named in the attestation.",
        "Evidence file is a quotation from the certification body, not a certificate.",
        "Declaration of conformity is unsigned and undated.",
        "Assessment covers an earlier software release than the one listed.",
    ];

    private static readonly string[] RevocationReasons =
    [
        "Issuing body withdrew the certificate after a failed surveillance audit.",
        "Supplier notified a firmware change that the declaration does not cover.",
        "Registration lapsed: the fee was not renewed with the issuing body.",
        "Certificate suspended by the certification body pending corrective actions.",
    ];

    private sealed record Claim(SupplierDraft Supplier, Standard Standard, Offering? Offering);

    public List<Attestation> Build(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings)
    {
        var bySupplier = offerings.GroupBy(o => o.SupplierId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var claims = new List<Claim>();
        var attestations = new List<Attestation>();
        foreach (var supplier in suppliers)
        {
            var validatable = supplier.Memberships.SelectMany(Associations.Validates).ToHashSet(StringComparer.Ordinal);
            var organisationLevel = supplier.Profile.OrganisationStandards.Where(validatable.Contains).ToArray();
            var offeringLevel = (bySupplier.GetValueOrDefault(supplier.Id) ?? [])
                .Where(o => o.Status == "active")
                .SelectMany(o => Categories.Get(o.Category).Standards
                    .Where(code => validatable.Contains(code) && Applies(StandardsRegister.Get(code), o))
                    .Select(code => (Code: code, Offering: o)))
                .ToArray();
            rng.Shuffle(organisationLevel);
            rng.Shuffle(offeringLevel);

            var count = rng.Next(2, 6);
            int nextOrganisation = 0, nextOffering = 0;
            while (count-- > 0 && (nextOrganisation < organisationLevel.Length || nextOffering < offeringLevel.Length))
            {
                var takeOrganisation = nextOrganisation < organisationLevel.Length && (count % 2 == 0 || nextOffering >= offeringLevel.Length);
                var claim = takeOrganisation
                    ? new Claim(supplier, StandardsRegister.Get(organisationLevel[nextOrganisation++]), null)
                    : new Claim(supplier, StandardsRegister.Get(offeringLevel[nextOffering].Code), offeringLevel[nextOffering++].Offering);
                claims.Add(claim);
                attestations.Add(Make(attestations.Count + 1, claim, PickStatus(claim.Standard)));
            }
        }

        // Small catalogues could miss a rare status by chance: turn the last suitable verified attestations into the missing ones.
        foreach (var status in Statuses)
        {
            if (attestations.Exists(a => a.Status == status))
            {
                continue;
            }

            var index = attestations.FindLastIndex(a =>
                a.Status == "verified" && (status != "expired" || IssueWindowMonths(claims[int.Parse(a.Id.AsSpan(4), CultureInfo.InvariantCulture) - 1].Standard) is not null));
            if (index >= 0 && attestations.Count(a => a.Status == "verified") > 1)
            {
                attestations[index] = Make(index + 1, claims[index], status);
            }
        }

        return attestations;
    }

    private static readonly string[] TelehealthCategories = ["remote-monitoring-platform", "vital-signs-hub"];

    /// <summary>
    /// A telehealth remote-monitoring specification gates on DCB0129 (per product) and DSPT (per organisation). The
    /// random pass above rarely gives a telehealth supplier both, so each supplier with an active telehealth offering
    /// gets, where it is in the trades that keep DSPT (the old association rule, kept so the register records stay put), a
    /// verified DSPT. Appended after the other attestations.
    /// </summary>
    public List<Attestation> AddTelehealthClinicalSafety(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings, List<Attestation> attestations)
    {
        var dspt = StandardsRegister.Get("DSPT");
        foreach (var supplier in suppliers)
        {
            var telehealth = offerings.Where(o => o.SupplierId == supplier.Id && o.Status == "active" && TelehealthCategories.Contains(o.Category)).ToList();
            if (telehealth.Count == 0)
            {
                continue;
            }
            var validatable = supplier.Memberships.SelectMany(Associations.Validates).ToHashSet(StringComparer.Ordinal);
            bool Holds(string code, string? offeringId) =>
                attestations.Exists(a => a.SupplierId == supplier.Id && a.StandardCode == code && a.OfferingId == offeringId && a.Status is "verified" or "declared");
            if (validatable.Contains(dspt.Code) && !Holds(dspt.Code, null))
            {
                attestations.Add(Make(attestations.Count + 1, new Claim(supplier, dspt, null), "verified"));
            }
            // DCB0129, the manufacturer's declaration for the listed release, is added later, once offerings have versions
            // (BuyerAssessments.DeclareClinicalSafety), whatever the supplier's memberships.
        }
        return attestations;
    }

    private static bool Applies(Standard standard, Offering offering) =>
        standard.Scope.Contains(offering.Kind) && standard.Code switch
        {
            "BS8521-2" => offering.Interoperability.Contains(Interop.Bs85212),
            "SCAIP" => offering.Interoperability.Contains(Interop.Scaip),
            "BS8521-1" => offering.Connectivity is "analogue" or "both",
            "A2D-READY" => offering.Connectivity is "digital" or "both",
            "EN50518" => offering.Category == "alarm-receiving-centre",
            _ => true,
        };

    private string PickStatus(Standard standard)
    {
        var roll = rng.Next(100);
        foreach (var (status, weight) in StatusWeights)
        {
            if ((roll -= weight) < 0)
            {
                return status == "expired" && IssueWindowMonths(standard) is null ? "verified" : status;
            }
        }

        return "verified";
    }

    /// <summary>
    /// The period issue dates are drawn over: the standard's validity in months, or a year for a per-release standard.
    /// Per-release standards (DCB0129, DTAC, WCAG) were once given 12 months here; drawing their dates as before keeps
    /// the random draws, and so every other attestation in the seed, as it was. They get no expiry date, except an
    /// expired one, which records the day its release was superseded.
    /// </summary>
    private static int? IssueWindowMonths(Standard standard) =>
        standard.ValidityMonths ?? (standard.Validity.Kind == StandardsRegister.PerRelease ? 12 : null);

    private Attestation Make(int number, Claim claim, string status)
    {
        var id = $"att-{number.ToString("000000", CultureInfo.InvariantCulture)}";
        var months = claim.Standard.ValidityMonths;
        var window = IssueWindowMonths(claim.Standard);
        DateOnly issued;
        DateOnly? expires = null;
        DateOnly? decided = null;
        string? reason = null;
        switch (status)
        {
            case "verified" when window is int m:
                // Expiry always follows from the issue date (issuedOn + validity), so a 29 February round-trips.
                issued = (rng.Next(100) < 5 ? Today.AddDays(-rng.Next(1, 21)) : Today.AddDays(rng.Next(14, (m * 30) - 20))).AddMonths(-m);
                expires = months is null ? null : issued.AddMonths(m);
                decided = Clamp(issued.AddDays(rng.Next(3, 41)));
                break;
            case "verified":
                issued = Today.AddDays(-rng.Next(60, 2200));
                decided = Clamp(issued.AddDays(rng.Next(3, 41)));
                break;
            case "expired":
                issued = Today.AddDays(-rng.Next(10, 400)).AddMonths(-(window ?? 12));
                expires = issued.AddMonths(window ?? 12);
                decided = issued.AddDays(rng.Next(3, 41));
                break;
            case "rejected":
                issued = Today.AddDays(-rng.Next(30, 330));
                expires = months is int mr ? issued.AddMonths(mr) : null;
                decided = Clamp(issued.AddDays(rng.Next(5, 31)));
                reason = RejectionReasons[rng.Next(RejectionReasons.Length)];
                break;
            case "revoked":
                issued = Today.AddDays(-rng.Next(120, 900));
                expires = months is int mv ? issued.AddMonths(mv) : null;
                var latest = Math.Min(Today.DayNumber - 1, (expires ?? Today).DayNumber - 1) - issued.DayNumber;
                decided = issued.AddDays(rng.Next(30, Math.Max(31, latest)));
                reason = RevocationReasons[rng.Next(RevocationReasons.Length)];
                break;
            default: // draft, submitted, withdrawn: no decision yet
                issued = Today.AddDays(-rng.Next(5, 200));
                expires = months is int md ? issued.AddMonths(md) : null;
                break;
        }

        string? decidedBy = null;
        if (decided is not null)
        {
            // Register-route and buyer-assessed records keep this pick until their own routes decide them; the draw
            // itself keeps every later record of the seed where it was.
            var deciders = claim.Supplier.Memberships.Where(a => Associations.Validates(a).Contains(claim.Standard.Code)).ToList();
            var pick = rng.Next(Math.Max(1, deciders.Count));
            decidedBy = deciders.Count > 0 ? deciders[pick] : null;
        }

        return SeedRoutes.Apply(new Attestation
        {
            Id = id,
            SupplierId = claim.Supplier.Id,
            StandardCode = claim.Standard.Code,
            OfferingId = claim.Offering?.Id,
            CertificateNumber = CertificateNumber(claim, issued),
            IssuedOn = issued,
            ExpiresOn = expires,
            Status = status,
            DecidedBy = decidedBy,
            DecidedAt = decided?.ToDateTime(new TimeOnly(rng.Next(8, 18), rng.Next(0, 60)), DateTimeKind.Utc),
            SubmittedAt = SubmittedOn(number, status, issued, decided),
            Reason = reason,
            Evidence = Evidence(id, claim, status, issued),
        }, claim.Standard, claim.Supplier.Memberships, number);
    }

    // When the supplier submitted it, derived from the number (no draw from rng, so the rest of the catalogue is
    // unchanged): a few days after issue for one still waiting or withdrawn, two days before the decision otherwise.
    private static DateTime? SubmittedOn(int number, string status, DateOnly issued, DateOnly? decided)
    {
        DateOnly? day = status switch
        {
            "draft" => null,
            "submitted" or "withdrawn" => Clamp(issued.AddDays(1 + (number % 20))),
            _ => decided?.AddDays(-2),
        };
        return day?.ToDateTime(new TimeOnly(9 + (number % 8), (number * 7) % 60), DateTimeKind.Utc);
    }

    private static DateOnly Today => CatalogueGenerator.Today;

    private static DateOnly Clamp(DateOnly date) => date < Today ? date : Today.AddDays(-1);

    private string CertificateNumber(Claim claim, DateOnly issued)
    {
        var year = issued.Year.ToString(CultureInfo.InvariantCulture);
        string N(int digits) => rng.Next(0, (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture);
        return claim.Standard.Code switch
        {
            "TSA-QSF" => $"QSF-{year}-{N(4)}",
            "DTAC" => $"DTAC-{year}-{N(5)}",
            "DSPT" => $"DSPT-8{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}{N(2)}-{year}",
            "DCB0129" => $"CSCR-{claim.Supplier.Brand.ToUpperInvariant()}-{N(3)}",
            "CYBER-ESSENTIALS" => $"IASME-CE-{N(6)}",
            "CYBER-ESSENTIALS-PLUS" => $"IASME-CEP-{N(6)}",
            "ISO27001" => $"IS {N(6)}",
            "ISO13485" => $"MD {N(6)}",
            "MHRA-REG" => $"MHRA-GB-{N(6)}",
            "BS8521-1" or "BS8521-2" or "EN50134" => $"DOC-{claim.Standard.Code}-{N(4)}",
            "SCAIP" => $"SCAIP-IOT-{year}-{N(3)}",
            "EN50518" => $"EN50518-{N(5)}",
            "CQC" => $"1-{rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)}",
            "NICE-ESF" => $"ESF-TIER-{(rng.Next(2) == 0 ? 'B' : 'C')}-{N(4)}",
            "ICO-REG" => $"Z{(char)('A' + rng.Next(2))}{N(6)}",
            "WCAG21-AA" => $"WCAG-AUDIT-{year}-{N(3)}",
            "A2D-READY" => $"A2D-{year}-{N(4)}",
            _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.Standard.Code, null),
        };
    }

    private List<EvidenceFile> Evidence(string id, Claim claim, string status, DateOnly issued)
    {
        var count = status == "draft" || !claim.Standard.EvidenceRequired ? rng.Next(0, 2) : rng.Next(1, 3);
        var (primary, secondary) = claim.Standard.Code switch
        {
            "TSA-QSF" => ("certificate", "certified-modules"),
            "DTAC" => ("dtac-assessment", "evidence-pack"),
            "DSPT" => ("dspt-published-status", "dspt-published-status"),
            "DCB0129" => ("clinical-safety-case-report", "hazard-log"),
            "CYBER-ESSENTIALS" => ("certificate", "certificate"),
            "CYBER-ESSENTIALS-PLUS" => ("certificate", "technical-audit-report"),
            "ISO27001" or "ISO13485" => ("certificate", "scope-statement"),
            "MHRA-REG" => ("mhra-registration", "declaration-of-conformity"),
            "BS8521-1" or "EN50134" => ("declaration-of-conformity", "test-report"),
            "BS8521-2" or "SCAIP" => ("interoperability-test-report", "declaration"),
            "EN50518" => ("certificate", "audit-report"),
            "CQC" => ("cqc-registration", "cqc-registration"),
            "NICE-ESF" => ("evidence-tier-assessment", "evaluation-report"),
            "ICO-REG" => ("ico-registration", "ico-registration"),
            "WCAG21-AA" => ("accessibility-audit", "accessibility-statement"),
            _ => ("declaration", "test-report"),
        };
        var stem = $"{claim.Supplier.Id}-{claim.Standard.Code.ToLowerInvariant()}";
        var files = new List<EvidenceFile>();
        for (var i = 0; i < count; i++)
        {
            var image = i == 1 && primary == secondary;
            var contentType = image ? (rng.Next(2) == 0 ? "image/png" : "image/jpeg") : "application/pdf";
            var extension = contentType switch { "image/png" => "png", "image/jpeg" => "jpg", _ => "pdf" };
            var fileName = $"{stem}-{(i == 0 ? primary : image ? primary + "-photo" : secondary)}-{issued.Year.ToString(CultureInfo.InvariantCulture)}.{extension}";
            files.Add(new EvidenceFile
            {
                FileName = fileName,
                ContentType = contentType,
                SizeBytes = image ? rng.Next(250_000, 4_500_000) : rng.Next(60_000, 3_800_000),
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}/{fileName}"))),
            });
        }

        return files;
    }
}
