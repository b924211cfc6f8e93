namespace Marketplace.CatalogueGenerator;

/// <summary>
/// Certification bodies (DOMAIN.md): TEC Quality, the independent body that certifies the TSA Quality Standards
/// Framework, and fictional bodies accredited for Cyber Essentials (IASME certification bodies), ISO 27001 and
/// ISO 13485 (UKAS-accredited) and EN 50518.
/// </summary>
internal static class Certifiers
{
    public const string TecQuality = "tec-quality";

    public static IReadOnlyList<Organisation> Documents { get; } =
    [
        Certifier(TecQuality, "TEC Quality",
            "Independent certification body for the TSA Quality Standards Framework, open to members and non-members of the TEC Services Association; audits each service against the framework's modules.",
            "north-west", ["TSA-QSF"]),
        Certifier("brackenford-cyber-assurance", "Brackenford Cyber Assurance (fictional)",
            "Fictional IASME certification body issuing Cyber Essentials and Cyber Essentials Plus certificates after self-assessment review or technical audit.",
            "midlands", ["CYBER-ESSENTIALS", "CYBER-ESSENTIALS-PLUS"]),
        Certifier("kestrel-point-certification", "Kestrel Point Certification (fictional)",
            "Fictional IASME certification body and UKAS-accredited certifier of information security management systems (ISO/IEC 27001).",
            "north-east-and-yorkshire", ["CYBER-ESSENTIALS", "CYBER-ESSENTIALS-PLUS", "ISO27001"]),
        Certifier("alderwick-certification-services", "Alderwick Certification Services (fictional)",
            "Fictional UKAS-accredited certification body for ISO/IEC 27001 and ISO 13485 management systems.",
            "south-east", ["ISO27001", "ISO13485"]),
        Certifier("harbourline-alarm-centre-certification", "Harbourline Alarm Centre Certification (fictional)",
            "Fictional UKAS-accredited certification body for monitoring and alarm receiving centres (BS EN 50518) and medical-device quality systems (ISO 13485).",
            "south-west", ["EN50518", "ISO13485"]),
    ];

    /// <summary>The certification bodies accredited for a standard.</summary>
    public static IReadOnlyList<string> For(string code) => [.. Documents.Where(c => c.AccreditedFor!.Contains(code)).Select(c => c.Id)];

    private static Organisation Certifier(string id, string name, string summary, string region, IReadOnlyList<string> accreditedFor) => new()
    {
        Id = id,
        Kind = "certifier",
        Name = name,
        Summary = summary,
        Website = $"https://www.{id}.example/",
        ContactEmail = $"certification@{id}.example",
        Region = region,
        AccreditedFor = accreditedFor,
    };
}

/// <summary>
/// What each verification route makes of a generated attestation (DOMAIN.md). A certifier-route claim names a
/// certification body accredited for it, which is the one that decided it; a declaration is the supplier's own:
/// declared rather than verified, never rejected or revoked by anyone (a supplier withdraws it), with its release,
/// Clinical Safety Officer and test house where they apply, and some vouched for by one of the supplier's associations.
/// Choices follow from the attestation's number, not the shared random draws, so nothing else in the seed moves.
/// </summary>
internal static class SeedRoutes
{
    private static readonly string[] ClinicalSafetyOfficers =
        ["Dr Aisha Rahman", "Dr Owen Pritchard", "Sister Mairead Kelly", "Dr Tomasz Nowak", "Dr Helen Ashworth", "Gareth Lloyd RN", "Dr Priya Venkatesh"];

    private static readonly string[] TestHouses =
        ["Northgate Test Laboratories (fictional)", "Selbourne Interoperability Lab (fictional)", "Ridgeway Accessibility Audits (fictional)"];

    private static readonly Dictionary<string, string[]> Rejections = new(StringComparer.Ordinal)
    {
        ["TSA-QSF"] = ["The certificate lists the monitoring module only; the response service named here is not certified.",
            "No QSF certificate with this number is on our records for this organisation."],
        ["CYBER-ESSENTIALS"] = ["No certificate with this number is on our records; the self-assessment was not completed.",
            "The certificate was issued to a parent company, not to the supplier named."],
        ["CYBER-ESSENTIALS-PLUS"] = ["The technical audit was not completed, so no Plus certificate was issued.",
            "The certificate number is for Cyber Essentials, not Cyber Essentials Plus."],
        ["ISO27001"] = ["The certificate's scope does not cover the service named in this attestation.",
            "The statement of applicability supplied is not the one certified."],
        ["ISO13485"] = ["The certificate's scope covers distribution only, not the design and manufacture of the device.",
            "No certificate with this number is on our records for this organisation."],
        ["EN50518"] = ["The certificate covers the primary receiving centre only; the secondary site named here was not audited.",
            "No certificate with this number is on our records for this centre."],
    };

    private static readonly Dictionary<string, string[]> Revocations = new(StringComparer.Ordinal)
    {
        ["TSA-QSF"] = ["Certification withdrawn after the annual surveillance audit found major non-conformities in the response module.",
            "Certification suspended: the surveillance audit was not booked within the cycle."],
        ["CYBER-ESSENTIALS"] = ["Certificate withdrawn: the organisation disclosed unsupported operating systems within scope."],
        ["CYBER-ESSENTIALS-PLUS"] = ["Certificate withdrawn: the retest after the technical audit failed."],
        ["ISO27001"] = ["Certificate suspended after the surveillance audit raised unresolved major non-conformities.",
            "Certificate withdrawn at the organisation's request when the service left the certified scope."],
        ["ISO13485"] = ["Certificate suspended after the surveillance audit found gaps in design controls."],
        ["EN50518"] = ["Certificate withdrawn: the receiving centre moved premises without a re-audit."],
    };

    public static Attestation Apply(Attestation attestation, Standard standard, IReadOnlyList<string> memberships, int number) => standard.Route switch
    {
        "certifier" => Certified(attestation, standard, number),
        "declaration" => Declared(attestation, standard, memberships, number),
        _ => attestation,
    };

    private static Attestation Certified(Attestation a, Standard standard, int number)
    {
        var accredited = Certifiers.For(standard.Code);
        var certifier = accredited[number % accredited.Count];
        return a with
        {
            CertifierId = certifier,
            DecidedBy = a.DecidedBy is null ? null : certifier,
            Reason = a.Status switch
            {
                "rejected" => Pick(Rejections[standard.Code], number),
                "revoked" => Pick(Revocations[standard.Code], number),
                _ => null,
            },
        };
    }

    private static Attestation Declared(Attestation a, Standard standard, IReadOnlyList<string> memberships, int number)
    {
        // A declaration is nobody's to verify, reject or revoke: a supplier declares it, or takes it back.
        var status = a.Status switch
        {
            "verified" or "submitted" => "declared",
            "rejected" or "revoked" => "withdrawn",
            _ => a.Status,
        };
        var perRelease = standard.Validity.Kind == StandardsRegister.PerRelease;
        var declared = a with
        {
            Status = status,
            DecidedBy = null,
            DecidedAt = null,
            Reason = null,
            ProductRelease = perRelease ? Release(standard.Code, a.IssuedOn, number) : null,
            ClinicalSafetyOfficer = standard.Code == "DCB0129" ? Pick(ClinicalSafetyOfficers, number) : null,
            TestedBy = standard.Code != "DCB0129" && number % 3 == 0 ? Pick(TestHouses, number / 3) : null,
        };
        if (status == "declared" && number % 4 == 0 && memberships.Count > 0)
        {
            var declaredAt = declared.SubmittedAt ?? a.IssuedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            declared = declared with
            {
                Endorsements = [new Endorsement { AssociationId = memberships[number % memberships.Count], EndorsedAt = Earlier(declaredAt.AddDays(3 + (number % 10))) }],
            };
        }
        return declared;
    }

    private static string Release(string code, DateOnly issued, int number) =>
        code == "WCAG21-AA"
            ? $"{issued.Year % 100}.{1 + (number % 4)}"
            : $"{issued.Year % 100}.{1 + (number % 4)}.{number % 10}";

    private static DateTime Earlier(DateTime at)
    {
        var latest = CatalogueGenerator.Today.AddDays(-1).ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
        return at < latest ? at : latest;
    }

    private static string Pick(string[] choices, int number) => choices[number % choices.Length];
}
