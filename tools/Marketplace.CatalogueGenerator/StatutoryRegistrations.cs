using System.Globalization;

namespace Marketplace.CatalogueGenerator;

/// <summary>
/// Registrations the law expects of a supplier that the attestations drawn by trade left out; issue 13's templates gate
/// on them, so without these the service lots would shortlist almost nobody. Each is on its public register and was
/// verified by an earlier monthly register import (<c>decidedBy</c> is the register):
/// <list type="bullet">
/// <item>ICO registration for every supplier with none recorded: they all process personal data;</item>
/// <item>a DSPT published status for suppliers that handle NHS patient data (platforms, monitoring centres, coaching,
/// managed services) with none recorded, or only a claim withdrawn or rejected for its evidence;</item>
/// <item>CQC registration for suppliers that provide regulated activity in England (clinical triage, managed services)
/// with none recorded, or only a claim rejected for its evidence;</item>
/// <item>MHRA registration for most telehealth platforms and hubs without one: software that sets alert limits on a
/// patient's readings is a medical device.</item>
/// </list>
/// A rejected claim was refused for what was sent, so the registration is recorded again under its own reference; a
/// revoked or lapsed one is the register's last word (that supplier is no longer on it), and drafts and claims awaiting
/// a decision are left to run their course. Appended after every other attestation, from its own random generator, so no other
/// record changes.
/// </summary>
internal static class StatutoryRegistrations
{
    private static readonly string[] HandleNhsData =
        [SupplierProfiles.TelehealthPlatform.Name, SupplierProfiles.AlarmMonitoring.Name, SupplierProfiles.Telecoaching.Name, SupplierProfiles.ManagedService.Name];

    private static readonly string[] RegulatedActivity = ["clinical-triage-service", "managed-service"];

    private static readonly string[] MedicalDeviceSoftware = ["remote-monitoring-platform", "vital-signs-hub"];

    public static List<Attestation> Add(IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<Offering> offerings, List<Attestation> attestations)
    {
        var rng = new Random(2023); // the year the Health Care Services (Provider Selection Regime) Regulations were made
        var result = new List<Attestation>(attestations);
        var next = Attestation.NextNumber(attestations);
        var heldBy = attestations.Where(a => a.OfferingId is null).ToLookup(a => a.SupplierId, StringComparer.Ordinal);
        var activeBy = offerings.Where(o => o.Status == "active").ToLookup(o => o.SupplierId, StringComparer.Ordinal);
        var registeredDevices = attestations.Where(a => a.StandardCode == "MHRA-REG").Select(a => a.OfferingId).ToHashSet(StringComparer.Ordinal);
        foreach (var supplier in suppliers)
        {
            var held = heldBy[supplier.Id].ToList();
            var active = activeBy[supplier.Id].ToList();
            if (!held.Exists(a => a.StandardCode == "ICO-REG"))
            {
                result.Add(Registration(next++, supplier, "ICO-REG", null, rng));
            }
            if (HandleNhsData.Contains(supplier.Profile.Name) && held.Where(a => a.StandardCode == "DSPT").All(a => a.Status is "withdrawn" or "rejected"))
            {
                result.Add(Registration(next++, supplier, "DSPT", null, rng));
            }
            var regulatedInEngland = active.Exists(o => RegulatedActivity.Contains(o.Category) && o.Regions.Any(Regions.England.Contains));
            if (regulatedInEngland && held.Where(a => a.StandardCode == "CQC" && a.Equivalent is null).All(a => a.Status == "rejected"))
            {
                result.Add(Registration(next++, supplier, "CQC", null, rng));
            }
            foreach (var device in active.Where(o => MedicalDeviceSoftware.Contains(o.Category)))
            {
                if (!registeredDevices.Contains(device.Id) && rng.Next(6) != 0)
                {
                    result.Add(Registration(next++, supplier, "MHRA-REG", device, rng));
                }
            }
        }
        return RegisterChecks.WithReferences(result);
    }

    private static Attestation Registration(int number, SupplierDraft supplier, string code, Offering? device, Random rng)
    {
        var today = CatalogueGenerator.Today;
        string N(int digits) => rng.Next(0, (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture);
        // DSPT is published yearly by 30 June; ICO fees are paid yearly; CQC and MHRA registrations are open-ended.
        var (issued, certificate) = code switch
        {
            "ICO-REG" => (today.AddDays(-rng.Next(40, 330)), $"Z{(char)('A' + rng.Next(2))}{N(6)}"),
            "DSPT" => (new DateOnly(2026, 6, rng.Next(1, 31)), $"DSPT-8{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}{N(2)}-2026"),
            "CQC" => (today.AddDays(-rng.Next(400, 2500)), $"1-{rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)}"),
            _ => (today.AddDays(-rng.Next(60, 1500)), $"MHRA-GB-{N(6)}"),
        };
        DateOnly? expires = StandardsRegister.Get(code).ValidityMonths is int months ? issued.AddMonths(months) : null;
        // Recorded here some time after registering, and confirmed by the next monthly register import.
        var submitted = Later(issued, today.AddDays(-rng.Next(25, 300))).ToDateTime(new TimeOnly(9 + rng.Next(8), rng.Next(60)), DateTimeKind.Utc);
        var decided = new DateOnly(submitted.Year, submitted.Month, 1).AddMonths(1).ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);
        var id = $"att-{number.ToString("000000", CultureInfo.InvariantCulture)}";
        var stem = $"{supplier.Id}-{code.ToLowerInvariant()}";
        return new Attestation
        {
            Id = id,
            SupplierId = supplier.Id,
            StandardCode = code,
            OfferingId = device?.Id,
            CertificateNumber = certificate,
            IssuedOn = issued,
            ExpiresOn = expires,
            Status = "verified",
            SubmittedAt = submitted,
            DecidedBy = code switch { "ICO-REG" => "ico", "DSPT" => "dspt", "CQC" => "cqc", _ => "mhra" },
            DecidedAt = decided,
            Evidence = code switch
            {
                "ICO-REG" => [],
                "DSPT" => [BuyerAssessments.Pdf(id, $"{stem}-dspt-published-status-2026.pdf", rng)],
                "CQC" => [BuyerAssessments.Pdf(id, $"{stem}-cqc-registration.pdf", rng)],
                _ => [BuyerAssessments.Pdf(id, $"{stem}-mhra-registration.pdf", rng), BuyerAssessments.Pdf(id, $"{stem}-declaration-of-conformity-{device!.ProductVersion}.pdf", rng)],
            },
        };
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
