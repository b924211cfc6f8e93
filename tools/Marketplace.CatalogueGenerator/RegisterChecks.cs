using System.Globalization;
using System.Text;

namespace Marketplace.CatalogueGenerator;

/// <summary>
/// The seed's public-register side (issue 12, register checks): every DSPT, CQC, ICO-REG and MHRA-REG attestation
/// carries the register's reference, and one small fictional snapshot per register (<c>registers/{register}-2026-11-01.csv</c>)
/// lists the suppliers (or, for MHRA, the devices) behind them, so that importing the snapshots verifies the submitted
/// attestations that match and lapses the one verified attestation that has dropped out. Derived from the attestations
/// after they are drawn, with its own random generator, so no other record changes.
/// </summary>
public static class RegisterChecks
{
    /// <summary>The snapshots' publication date: a few weeks before the seed's today.</summary>
    public static readonly DateOnly SnapshotDate = new(2026, 11, 1);

    public const string Folder = "registers";

    private sealed record Register(string Slug, string Code, string Header, Func<Row, string> Line);

    private sealed record Row(string Reference, string Name, string? Device, string Status);

    private static readonly Register[] Registers =
    [
        new("dspt", "DSPT", "Organisation Code,Organisation Name,Status,Published Date",
            r => $"{r.Reference},{Csv(r.Name)},{r.Status},2026-10-31"),
        new("cqc", "CQC", "Provider ID,Provider Name,Registration Status,Registration Date",
            r => $"{r.Reference},{Csv(r.Name)},{r.Status},2019-04-01"),
        new("ico", "ICO-REG", "Registration Number,Organisation Name,Registration Status,Expiry Date",
            r => $"{r.Reference},{Csv(r.Name)},{r.Status},2027-06-30"),
        new("mhra", "MHRA-REG", "Registration Number,Manufacturer Name,Device Name,Registration Status",
            r => $"{r.Reference},{Csv(r.Name)},{Csv(r.Device!)},{r.Status}"),
    ];

    private static readonly HashSet<string> Codes = [.. Registers.Select(r => r.Code)];

    /// <summary>
    /// Gives register-route attestations their reference (<see cref="WithReferences"/>), and marks the last verified CQC
    /// attestation of a supplier with no other CQC attestation as lapsed: it dropped out of an earlier snapshot and is not
    /// in this one.
    /// </summary>
    public static List<Attestation> Apply(List<Attestation> attestations)
    {
        var result = WithReferences(attestations);
        if (Single(result, "CQC") is { } lapsed)
        {
            result[result.IndexOf(lapsed)] = lapsed with { Status = "lapsed" };
        }
        return result;
    }

    /// <summary>
    /// Gives each register-route attestation without one its reference: one per supplier and register, or per device for
    /// MHRA, taken from the first attestation's certificate number; a later attestation of the same supplier (or device)
    /// shares the reference already given, unless that belongs to a rejected or revoked claim, which the register does not list.
    /// </summary>
    public static List<Attestation> WithReferences(List<Attestation> attestations)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attestations.Where(a => a.RegisterReference is not null))
        {
            if (a.Status is not ("rejected" or "revoked"))
            {
                references.TryAdd(KeyOf(a), a.RegisterReference!);
            }
            taken.Add(a.StandardCode + "|" + a.RegisterReference);
        }
        return [.. attestations.Select(a =>
        {
            // A claimed equivalent (a Care Inspectorate registration for CQC) is not on the register it stands in for.
            if (!Codes.Contains(a.StandardCode) || a.RegisterReference is not null || a.Equivalent is not null)
            {
                return a;
            }
            var key = KeyOf(a);
            if (!references.TryGetValue(key, out var reference))
            {
                reference = ReferenceFrom(a.StandardCode, a.CertificateNumber);
                // Two suppliers drawing the same code would make a snapshot list it twice: the later one gets the next free code.
                for (var n = 1; !taken.Add(a.StandardCode + "|" + reference); n++)
                {
                    reference = ReferenceFrom(a.StandardCode, a.CertificateNumber, n);
                }
                references[key] = reference;
            }
            return a with { RegisterReference = reference };
        })];
    }

    /// <summary>The verified attestation the snapshots leave out, so that importing them lapses it: the last lone ICO registration.</summary>
    public static Attestation? DroppedOut(IReadOnlyList<Attestation> attestations) => Single(attestations, "ICO-REG");

    // The last verified attestation to the register whose supplier has no other attestation to it, and that does not
    // lapse by date before the seed's today (the expiry job owns those).
    private static Attestation? Single(IReadOnlyList<Attestation> attestations, string code) =>
        attestations.LastOrDefault(a => a.StandardCode == code && a.Status == "verified" && (a.ExpiresOn is null || a.ExpiresOn >= CatalogueGenerator.Today)
            && attestations.Count(o => o.StandardCode == code && o.SupplierId == a.SupplierId) == 1);

    private static string KeyOf(Attestation a) => $"{a.StandardCode}|{a.SupplierId}|{(a.StandardCode == "MHRA-REG" ? a.OfferingId : null)}";

    /// <summary>The register's reference in the certificate number (the DSPT's ODS code sits inside it), or the <paramref name="n"/>th variant.</summary>
    private static string ReferenceFrom(string code, string certificate, int n = 0)
    {
        var reference = code == "DSPT" ? certificate.Split('-')[1] : certificate;
        if (n == 0)
        {
            return reference;
        }
        var digits = reference.Length - reference.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        var number = long.Parse(reference[digits..], CultureInfo.InvariantCulture) + n;
        return reference[..digits] + (number % (long)Math.Pow(10, reference.Length - digits)).ToString(new string('0', reference.Length - digits), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <c>registers/{register}-2026-11-01.csv</c> for the catalogue.</summary>
    public static void WriteSnapshots(Catalogue catalogue, string folder)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder, Folder));
        foreach (var (name, text) in Snapshots(catalogue))
        {
            File.WriteAllText(Path.Combine(directory.FullName, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    /// <summary>
    /// Each register's snapshot: a row per reference of the seed's attestations to it (whatever their status: the register
    /// lists the organisation, the marketplace decides what to do with its claim), except rejected, revoked and lapsed
    /// claims and the one dropped out, plus rows for fictional organisations that sell nothing here. Names are written as
    /// registers write them (some in capitals, "Limited" for "Ltd"), which the import's matching ignores; one MHRA row
    /// names another model of the device, so its submitted claim stays for a person to look at.
    /// </summary>
    public static IReadOnlyList<(string FileName, string Text)> Snapshots(Catalogue catalogue)
    {
        var rng = new Random(1101);
        var names = catalogue.Organisations.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var devices = catalogue.Offerings.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var dropped = DroppedOut(catalogue.Attestations);
        var mismatchedDevice = catalogue.Attestations.FirstOrDefault(a => a.StandardCode == "MHRA-REG" && a.Status == "submitted");
        var files = new List<(string, string)>();
        foreach (var register in Registers)
        {
            var claims = catalogue.Attestations.Where(a => a.StandardCode == register.Code && a.RegisterReference is not null).ToList();
            var absent = claims.Where(a => a.Status is "rejected" or "revoked" or "lapsed" || a == dropped).Select(a => a.RegisterReference!).ToHashSet(StringComparer.Ordinal);
            var rows = new List<Row>();
            foreach (var claim in claims.Where(c => !absent.Contains(c.RegisterReference!)).DistinctBy(c => c.RegisterReference))
            {
                var device = claim.OfferingId is { } offering ? devices[offering] : null;
                if (claim == mismatchedDevice)
                {
                    device += " Mk II";
                }
                rows.Add(new Row(claim.RegisterReference!, AsRegistersWrite(names[claim.SupplierId], rng), device, Counting(register, rng)));
            }
            for (var i = 0; i < 12; i++)
            {
                var filler = Filler(register, i, rng);
                if (!claims.Any(c => c.RegisterReference == filler.Reference))
                {
                    rows.Insert(rng.Next(rows.Count + 1), filler);
                }
            }
            var text = new StringBuilder(register.Header).Append("\r\n");
            foreach (var row in rows)
            {
                text.Append(register.Line(row)).Append("\r\n");
            }
            files.Add(($"{register.Slug}-{SnapshotDate:yyyy-MM-dd}.csv", text.ToString()));
        }
        return files;
    }

    private static string Counting(Register register, Random rng) =>
        register.Slug == "dspt" ? (rng.Next(4) == 0 ? "Standards Exceeded" : "Standards Met") : "Registered";

    private static string AsRegistersWrite(string name, Random rng) => rng.Next(4) switch
    {
        0 => name.ToUpperInvariant(),
        1 when name.EndsWith(" Ltd", StringComparison.Ordinal) => name[..^4] + " Limited",
        _ => name,
    };

    private static readonly string[] FillerNames =
    [
        "Harbourside Home Care", "Fernlea Community Services", "Ashgrove Health Partnership", "Moorland Support Services", "Riverbank Care Agency",
        "Copperfield Clinics", "Larkspur Living", "Stonebridge Domiciliary Care", "Willowmere Healthcare", "Brackenfield Nursing", "Kestrel Care Group",
        "Oakhollow Digital Health",
    ];

    // Organisations the marketplace does not know, some not (or no longer) counting on the register.
    private static Row Filler(Register register, int i, Random rng)
    {
        string N(int digits) => rng.Next(0, (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture);
        var name = FillerNames[i] + (i % 3 == 0 ? " Limited" : " Ltd");
        var reference = register.Slug switch
        {
            "dspt" => $"8{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}{N(2)}",
            "cqc" => $"1-{rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)}",
            "ico" => $"Z{(char)('A' + rng.Next(2))}{N(6)}",
            _ => $"MHRA-GB-{N(6)}",
        };
        var status = (register.Slug, i % 4) switch
        {
            ("dspt", 1) => "Approaching Standards",
            ("dspt", 2) => "Standards Not Met",
            ("dspt", _) => "Standards Met",
            (_, 1) => "Deregistered",
            _ => "Registered",
        };
        return new Row(reference, name, register.Slug == "mhra" ? FillerNames[(i + 5) % FillerNames.Length] + " Monitor" : null, status);
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
