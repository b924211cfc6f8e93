using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.CatalogueGenerator;

/// <summary>
/// What issue 12 changed in how standards are confirmed, as seed data (DOMAIN.md standards register), each step with
/// its own generator seeded from a constant so that no record the shared rng draws changes:
/// <list type="bullet">
/// <item>telehealth software lists a product version (what a DTAC assessment and a DCB0129 declaration are about);</item>
/// <item>suppliers no longer attest DTAC or NICE ESF — the buyer assesses them — so those attestations are dropped;</item>
/// <item>most telehealth hubs and platforms without a verified DCB0129 carry the manufacturer's declaration for the
/// current release with a named Clinical Safety Officer (a few have none, so the gate still fails for real);</item>
/// <item>a few commissioners have assessed a few platforms for DTAC (one failing an area) or NICE ESF.</item>
/// </list>
/// </summary>
internal static class BuyerAssessments
{
    private static readonly string[] Versioned = ["remote-monitoring-platform", "vital-signs-hub", "video-consultation"];
    private static readonly string[] Telehealth = ["remote-monitoring-platform", "vital-signs-hub"];
    private static readonly string[] BuyerAssessed = ["DTAC", "NICE-ESF"];

    /// <summary>Telehealth software and hubs list the version now sold, e.g. <c>4.2</c>.</summary>
    public static List<Offering> WithProductVersions(IReadOnlyList<Offering> offerings)
    {
        var rng = new Random(160); // DCB0160, the buyer's half of clinical safety
        return [.. offerings.Select(o => Versioned.Contains(o.Category)
            ? o with { ProductVersion = $"{rng.Next(1, 7).ToString(CultureInfo.InvariantCulture)}.{rng.Next(0, 10).ToString(CultureInfo.InvariantCulture)}" }
            : o)];
    }

    /// <summary>Supplier attestations other than DTAC and NICE ESF, which only a buyer assesses (ids keep their gaps).</summary>
    public static List<Attestation> WithoutBuyerAssessed(List<Attestation> attestations) =>
        [.. attestations.Where(a => !BuyerAssessed.Contains(a.StandardCode))];

    /// <summary>
    /// A declared DCB0129 (clinical safety case report and hazard log for the current release, named Clinical Safety
    /// Officer) for about five in six active telehealth hubs and platforms that hold no verified one.
    /// </summary>
    public static List<Attestation> DeclareClinicalSafety(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings, List<Attestation> attestations)
    {
        var rng = new Random(129);
        var next = Attestation.NextNumber(attestations);
        var brands = suppliers.ToDictionary(s => s.Id, s => s.Brand, StringComparer.Ordinal);
        var result = new List<Attestation>(attestations);
        foreach (var offering in offerings.Where(o => o.Status == "active" && Telehealth.Contains(o.Category)))
        {
            // Already declared for the listed release (or verified): nothing to add. A declaration for an earlier release
            // stays as it is, and most suppliers have declared the current one too.
            var current = attestations.Exists(a => a.SupplierId == offering.SupplierId && a.StandardCode == "DCB0129"
                && (a.OfferingId is null || a.OfferingId == offering.Id)
                && (a.Status == "verified" || (a.Status == "declared" && a.ProductRelease == offering.ProductVersion)));
            if (current || rng.Next(6) == 0)
            {
                continue;
            }
            var id = $"att-{next++.ToString("000000", CultureInfo.InvariantCulture)}";
            var issued = CatalogueGenerator.Today.AddDays(-rng.Next(20, 420));
            var officer = $"Dr {Names.FirstNames[rng.Next(Names.FirstNames.Length)]} {Names.Surnames[rng.Next(Names.Surnames.Length)]}";
            var stem = $"{offering.SupplierId}-dcb0129";
            result.Add(new Attestation
            {
                Id = id,
                SupplierId = offering.SupplierId,
                StandardCode = "DCB0129",
                OfferingId = offering.Id,
                CertificateNumber = $"CSCR-{brands[offering.SupplierId].ToUpperInvariant()}-{rng.Next(100, 1000).ToString(CultureInfo.InvariantCulture)}",
                IssuedOn = issued,
                Status = "declared",
                SubmittedAt = issued.AddDays(1).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                ProductRelease = offering.ProductVersion,
                ClinicalSafetyOfficer = officer,
                Evidence =
                [
                    Pdf(id, $"{stem}-clinical-safety-case-report-{offering.ProductVersion}.pdf", rng),
                    Pdf(id, $"{stem}-hazard-log-{offering.ProductVersion}.pdf", rng),
                ],
            });
        }
        return result;
    }

    /// <summary>
    /// Four commissioners' own assessments of telehealth serving their region: Wolds and Humber and North Thames assess
    /// remote-monitoring platforms for DTAC (one fails technical security), Teifi and Tywi judges one against NICE ESF
    /// tier C, and Mersey Vale (the North West ICB the seed's shortlists are written for) assessed every platform and hub on
    /// the telehealth products lot serving the North West that holds an MHRA registration and a DCB0129 case for its
    /// listed version (the first ten in a scaled catalogue): DTAC's clinical-safety area reviews those, so nothing without them is worth assessing. A supplier
    /// whose Cyber Essentials Plus was refused fails technical security. Trent Valley has none.
    /// </summary>
    public static List<BuyerAssessment> Build(
        IReadOnlyList<Offering> offerings, IReadOnlyList<Attestation> attestations, IReadOnlyList<Organisation> organisations, IReadOnlyList<SeedUser> users)
    {
        var assessments = new List<BuyerAssessment>();
        Assess("nhs-wolds-and-humber-icb", "north-east-and-yorkshire", 2, new(2026, 9, 14), failThird: false);
        Assess("nhs-north-thames-icb", "london", 3, new(2026, 10, 2), failThird: true);
        var registered = attestations.Where(a => a is { StandardCode: "MHRA-REG", Status: "verified" }).Select(a => a.OfferingId).ToHashSet(StringComparer.Ordinal);
        var safetyCases = attestations.Where(a => a.StandardCode == "DCB0129" && a.Status is "declared" or "verified").ToLookup(a => a.SupplierId, StringComparer.Ordinal);
        var i = 0;
        foreach (var offering in offerings.Where(o => o.Status == "active" && Telehealth.Contains(o.Category) && o.Lots.Contains("ttc-2026-lot-3")
            && o.Regions.Contains("north-west") && Registered(o) && SafetyCaseFor(o)).Take(10))
        {
            var refused = attestations.FirstOrDefault(a => a.SupplierId == offering.SupplierId && a.StandardCode == "CYBER-ESSENTIALS-PLUS" && a.Status is "rejected" or "revoked");
            var security = refused is null
                ? new AreaResult { Passed = true, Notes = $"Penetration test of version {offering.ProductVersion} within 12 months with no open high findings; Cyber Essentials evidence seen." }
                : new AreaResult { Passed = false, Notes = $"No current Cyber Essentials Plus certificate (refused: {refused.Reason}) and no penetration test of version {offering.ProductVersion}." };
            assessments.Add(Document("nhs-mersey-vale-icb", offering, new DateOnly(2026, 10, 12).AddDays(4 * i++), Dtac(offering, security),
                null, security.Passed ? "Meets DTAC for our COPD and heart failure virtual ward." : "Reassess once a penetration test and a Cyber Essentials Plus certificate are supplied.", security.Passed));
        }
        var teifi = Platforms("wales").Take(1).ToList();
        foreach (var offering in teifi)
        {
            assessments.Add(Document("teifi-and-tywi-university-health-board", offering, new(2026, 8, 20), null, new NiceEsfResult { Tier = "C", Met = true },
                "Tier C: two-site service evaluation with a comparator group, published 2025; economic model supplied.", passed: true));
        }
        return [.. assessments.OrderBy(a => a.Id, StringComparer.Ordinal)];

        void Assess(string commissionerId, string region, int count, DateOnly on, bool failThird)
        {
            var i = 0;
            foreach (var offering in Platforms(region).Take(count))
            {
                var fails = failThird && i == 2;
                var dtac = Dtac(offering, fails
                    ? new AreaResult { Passed = false, Notes = "Penetration test report is 19 months old and predates the current release; Cyber Essentials Plus lapsed in August." }
                    : new AreaResult { Passed = true, Notes = "Cyber Essentials Plus current; penetration test within 12 months with no open high findings." });
                assessments.Add(Document(commissionerId, offering, on.AddDays(i * 9), dtac, null,
                    fails ? "Reassess once a current penetration test and Cyber Essentials Plus certificate are supplied." : "Meets DTAC for our virtual ward pathway.", !fails));
                i++;
            }
        }

        bool Registered(Offering o) => registered.Contains(o.Id);

        bool SafetyCaseFor(Offering o) => safetyCases[o.SupplierId].Any(a => (a.OfferingId is null || a.OfferingId == o.Id) && a.ProductRelease == o.ProductVersion);

        static DtacResult Dtac(Offering offering, AreaResult technicalSecurity) => new()
        {
            ClinicalSafety = new AreaResult { Passed = true, Notes = $"Clinical safety case report and hazard log for version {offering.ProductVersion} reviewed by our Clinical Safety Officer; DCB0160 case updated." },
            DataProtection = new AreaResult { Passed = true, Notes = "DPIA completed with our IG lead; data hosted in the UK; DSPT Standards Met." },
            TechnicalSecurity = technicalSecurity,
            Interoperability = new AreaResult
            {
                Passed = true,
                Notes = offering.Interoperability.Contains(Interop.Fhir)
                    ? "Observations sent to the shared care record as HL7 FHIR UK Core; NHS login supported."
                    : "No FHIR interface yet (on the supplier's roadmap); readings reach our clinical system through the supplier's existing integration.",
            },
            UsabilityAndAccessibility = "Patient app tested with our patient panel; independent WCAG 2.2 AA audit seen.",
        };

        IEnumerable<Offering> Platforms(string region) => offerings
            .Where(o => o.Status == "active" && o.Category == "remote-monitoring-platform" && o.ProductVersion is not null && o.Regions.Contains(region))
            .OrderBy(o => o.Id, StringComparer.Ordinal);

        BuyerAssessment Document(string commissionerId, Offering offering, DateOnly on, DtacResult? dtac, NiceEsfResult? esf, string notes, bool passed)
        {
            var code = dtac is null ? "NICE-ESF" : "DTAC";
            return new BuyerAssessment
            {
                Id = "ba-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{commissionerId}|{offering.Id}|{code}")))[..20],
                OfferingId = offering.Id,
                SupplierId = offering.SupplierId,
                CommissionerId = commissionerId,
                CommissionerName = organisations.Single(o => o.Id == commissionerId).Name,
                StandardCode = code,
                ProductVersion = offering.ProductVersion,
                Dtac = dtac,
                NiceEsf = esf,
                Notes = notes,
                Outcome = passed ? "passed" : "failed",
                AssessedAt = on.ToDateTime(new TimeOnly(14, 30), DateTimeKind.Utc),
                AssessedBy = users.First(u => u.OrganisationId == commissionerId).Id,
            };
        }
    }

    /// <summary>A PDF evidence file record (name, size, a hash standing in for its content).</summary>
    internal static EvidenceFile Pdf(string id, string fileName, Random rng) => new()
    {
        FileName = fileName,
        ContentType = "application/pdf",
        SizeBytes = rng.Next(180_000, 2_400_000),
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}/{fileName}"))),
    };
}

/// <summary>A commissioner's buyer assessment, as <c>schemas/buyer-assessment.schema.json</c> describes it.</summary>
public sealed record BuyerAssessment
{
    public required string Id { get; init; }
    public required string OfferingId { get; init; }
    public required string SupplierId { get; init; }
    public required string CommissionerId { get; init; }
    public required string CommissionerName { get; init; }
    public required string StandardCode { get; init; }
    public string? ProductVersion { get; init; }
    public DtacResult? Dtac { get; init; }
    public NiceEsfResult? NiceEsf { get; init; }
    public required string Notes { get; init; }
    public required string Outcome { get; init; }
    public required DateTime AssessedAt { get; init; }
    public required string AssessedBy { get; init; }
}

public sealed record DtacResult
{
    public required AreaResult ClinicalSafety { get; init; }
    public required AreaResult DataProtection { get; init; }
    public required AreaResult TechnicalSecurity { get; init; }
    public required AreaResult Interoperability { get; init; }
    public required string UsabilityAndAccessibility { get; init; }
}

public sealed record AreaResult
{
    public required bool Passed { get; init; }
    public required string Notes { get; init; }
}

public sealed record NiceEsfResult
{
    public required string Tier { get; init; }
    public required bool Met { get; init; }
}
