using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.CatalogueGenerator;

/// <summary>A standard held in place of the one asked for (Procurement Act 2023 s.56): what, who issued it, and why.</summary>
public sealed record EquivalentClaim(string Name, string IssuedBy, string Reason);

/// <summary>
/// A few submitted claimed equivalents, each the kind a commissioner meets in practice: a devolved regulator's
/// registration in place of CQC (England only) for a care service run in Scotland or Wales, and an ISO/IEC 27001
/// certificate in place of Cyber Essentials Plus. Derived from the catalogue without drawing on any random generator,
/// so no other record changes; appended after every other attestation.
/// </summary>
internal static class EquivalentClaims
{
    private static readonly string[] CareServices = ["managed-service", "responder-service", "alarm-receiving-centre"];

    private static readonly (string Region, string Regulator, string Prefix, string Reason)[] DevolvedRegulators =
    [
        ("scotland", "Care Inspectorate", "CS",
            "CQC registers providers in England only. Our service in Scotland is registered with the Care Inspectorate, which inspects the same care at home against the Health and Social Care Standards."),
        ("wales", "Care Inspectorate Wales", "CIW-",
            "CQC registers providers in England only. Our service in Wales is registered with Care Inspectorate Wales under the Regulation and Inspection of Social Care (Wales) Act 2016, which inspects the same care."),
    ];

    public static List<Attestation> Add(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings, List<Attestation> attestations)
    {
        bool Has(string supplier, string code) => attestations.Exists(a => a.SupplierId == supplier && a.StandardCode == code && a.Status is "verified" or "submitted");
        var ordered = suppliers.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

        foreach (var (region, regulator, prefix, reason) in DevolvedRegulators)
        {
            var supplier = ordered.FirstOrDefault(s => !Has(s.Id, "CQC") && offerings.Any(o =>
                o.SupplierId == s.Id && o.Status == "active" && o.Lots.Count > 0 && CareServices.Contains(o.Category) && o.Regions.Contains(region)));
            if (supplier is null)
            {
                continue;
            }
            var number = Attestation.NextNumber(attestations);
            var issued = CatalogueGenerator.Today.AddDays(-(400 + (supplier.Index * 53 % 900)));
            var registration = $"{prefix}{issued.Year.ToString(CultureInfo.InvariantCulture)}{(supplier.Index * 7919 % 1_000_000).ToString("000000", CultureInfo.InvariantCulture)}";
            attestations.Add(Claim(number, supplier, "CQC", registration, issued, null,
                new EquivalentClaim($"{regulator} registration {registration}", regulator, reason), $"{Slug(regulator)}-registration"));
        }

        foreach (var supplier in ordered.Where(s => !Has(s.Id, "CYBER-ESSENTIALS-PLUS")))
        {
            var iso = attestations.Where(a => a.SupplierId == supplier.Id && a.StandardCode == "ISO27001" && a.OfferingId is null && a.Status == "verified"
                && a.ExpiresOn > CatalogueGenerator.Today).OrderBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault();
            if (iso is null)
            {
                continue;
            }
            // Claimed for the year since the certificate's latest annual audit, as Cyber Essentials Plus would be renewed.
            var audited = iso.IssuedOn;
            while (audited.AddYears(1) < CatalogueGenerator.Today)
            {
                audited = audited.AddYears(1);
            }
            var months = StandardsRegister.Get("CYBER-ESSENTIALS-PLUS").ValidityMonths ?? 12;
            attestations.Add(Claim(Attestation.NextNumber(attestations), supplier, "CYBER-ESSENTIALS-PLUS", iso.CertificateNumber, audited, audited.AddMonths(months),
                new EquivalentClaim($"ISO/IEC 27001:2022 certificate {iso.CertificateNumber}, audited {audited.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                    "UKAS-accredited certification body (listed on UKAS CertCheck)",
                    "Our ISO/IEC 27001 certification covers the whole organisation and is audited every year; its Annex A controls include the five Cyber Essentials controls " +
                    "(firewalls, secure configuration, access control, malware protection, patching), and the surveillance audit tests them."),
                "iso27001-certificate"));
        }
        return attestations;
    }

    private static Attestation Claim(int number, SupplierDraft supplier, string code, string certificate, DateOnly issued, DateOnly? expires, EquivalentClaim claim, string evidence)
    {
        var id = $"att-{number.ToString("000000", CultureInfo.InvariantCulture)}";
        var fileName = $"{supplier.Id}-{code.ToLowerInvariant()}-equivalent-{evidence}-{issued.Year.ToString(CultureInfo.InvariantCulture)}.pdf";
        var submitted = CatalogueGenerator.Today.AddDays(-(3 + number % 20));
        return new Attestation
        {
            Id = id,
            SupplierId = supplier.Id,
            StandardCode = code,
            CertificateNumber = certificate,
            IssuedOn = issued,
            ExpiresOn = expires,
            Status = "submitted",
            SubmittedAt = submitted.ToDateTime(new TimeOnly(9 + (number % 8), (number * 7) % 60), DateTimeKind.Utc),
            Evidence =
            [
                new EvidenceFile
                {
                    FileName = fileName,
                    ContentType = "application/pdf",
                    SizeBytes = 180_000 + (number * 7_717 % 900_000),
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}/{fileName}"))),
                },
            ],
            Equivalent = claim,
        };
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
