using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>
/// What a supplier sends to start an attestation: the standard, optionally one of its offerings, and the
/// certificate's number and dates. <c>expiresOn</c> may be left out to take the standard's validity period. What else
/// it needs depends on the standard's route: the certification body (<c>certifierId</c>) for a certifier-route
/// standard, the register's reference for a register-route one, the product release for a per-release one, the
/// Clinical Safety Officer for DCB0129, and optionally the test house behind a declaration.
/// <c>equivalent</c>, when given, claims an equivalent of the standard instead (what is held, who issued it, why).
/// </summary>
public sealed record AttestationRequest(
    string? StandardCode,
    string? OfferingId,
    string? CertificateNumber,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    string? CertifierId = null,
    string? RegisterReference = null,
    string? ProductRelease = null,
    string? ClinicalSafetyOfficer = null,
    string? TestedBy = null,

    EquivalentClaimRequest? Equivalent = null);

/// <summary>A claimed equivalent as sent: every field required.</summary>
public sealed record EquivalentClaimRequest(string? Name, string? IssuedBy, string? Reason);

/// <summary>The rules for starting an attestation.</summary>
public static class AttestationRules
{
    /// <summary>Longest certificate number kept (the schema's limit).</summary>
    public const int MaxCertificateNumberLength = 80;

    /// <summary>The clinical safety standard, whose declarations name the Clinical Safety Officer who signed the safety case.</summary>
    public const string ClinicalSafetyStandard = "DCB0129";

    /// <summary>A new attestation id: <c>att-</c> and 12 random hex digits.</summary>
    public static string NewAttestationId(Guid random) => "att-" + random.ToString("N")[..12];

    /// <summary>The required fields the request leaves out (checked before anything is looked up).</summary>
    public static IReadOnlyList<Refusal> Missing(AttestationRequest request)
    {
        var missing = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(request.StandardCode))
        {
            missing.Add(new Refusal(RefusalKind.InvalidField, "Required: the code of a standard in the register (GET /api/standards).", "standardCode"));
        }
        if (string.IsNullOrWhiteSpace(request.CertificateNumber))
        {
            missing.Add(new Refusal(RefusalKind.InvalidField, "Required: the certificate, registration or declaration reference.", "certificateNumber"));
        }
        if (request.IssuedOn is null)
        {
            missing.Add(new Refusal(RefusalKind.InvalidField, "Required: the date the certificate was issued (yyyy-mm-dd).", "issuedOn"));
        }
        return missing;
    }

    /// <summary>
    /// Checks a request from <paramref name="supplierId"/> and makes the draft. <paramref name="standard"/> and
    /// <paramref name="offering"/> are what the register and catalogue hold for the codes given (null when absent).
    /// An organisation-level claim needs a standard whose scope includes <c>organisation</c>; a claim on an offering
    /// needs the supplier's own active offering of a kind (product or service) in the standard's scope.
    /// <paramref name="certifier"/> is the organisation <c>certifierId</c> names (null when absent).
    /// </summary>
    public static AttestationDecision Create(AttestationRequest request, string supplierId, Standard? standard, Offering? offering, Organisation? certifier, string id, DateOnly today)
    {
        var errors = new List<Refusal>(Missing(request));
        void Invalid(string field, string message) => errors.Add(new Refusal(RefusalKind.InvalidField, message, field));

        if (!string.IsNullOrWhiteSpace(request.StandardCode) && standard is null)
        {
            Invalid("standardCode", $"There is no standard {request.StandardCode} in the register (GET /api/standards).");
        }
        if (request.OfferingId is not null)
        {
            if (offering is null)
            {
                Invalid("offeringId", $"There is no offering {request.OfferingId}.");
            }
            else if (offering.SupplierId != supplierId)
            {
                return AttestationDecision.Refuse(new Refusal(RefusalKind.Forbidden, $"Offering {offering.Id} belongs to another supplier; attest only for your own offerings.", "offeringId"));
            }
            else if (offering.Status != OfferingStatus.Active)
            {
                Invalid("offeringId", $"Offering {offering.Id} is retired; retired listings do not change.");
            }
            else if (standard is not null && !standard.Scope.Contains(offering.Kind, StringComparer.Ordinal))
            {
                Invalid("standardCode", $"{standard.Code} applies to {string.Join(" and ", standard.Scope)}, not to a {offering.Kind} like {offering.Id}.");
            }
        }
        else if (standard is not null && !standard.Scope.Contains("organisation", StringComparer.Ordinal))
        {
            Invalid("offeringId", $"{standard.Code} applies to {string.Join(" and ", standard.Scope)}, not to a whole organisation: name the offering it is for.");
        }
        var certificate = request.CertificateNumber?.Trim();
        if (!string.IsNullOrEmpty(certificate) && (certificate.Length > MaxCertificateNumberLength || certificate.Any(char.IsControl)))
        {
            Invalid("certificateNumber", $"At most {MaxCertificateNumberLength} characters, none of them control characters.");
        }
        if (request.IssuedOn is { } issued && issued > today)
        {
            Invalid("issuedOn", $"Cannot be in the future (today is {today:yyyy-MM-dd}).");
        }
        var expires = request.ExpiresOn ?? (request.IssuedOn is { } from && standard?.ValidityMonths is { } months ? from.AddMonths(months) : null);
        if (expires is { } until && request.IssuedOn is { } start)
        {
            if (until <= start)
            {
                Invalid("expiresOn", "Must be after issuedOn.");
            }
            else if (until < today)
            {
                Invalid("expiresOn", $"The certificate expired on {until:yyyy-MM-dd}{(request.ExpiresOn is null ? $" ({standard!.ValidityMonths} months after issue)" : "")}; attest with a current one.");
            }
        }
        var equivalent = request.Equivalent is null ? null : EquivalentOf(request.Equivalent, errors);
        // A claimed equivalent is about what is held instead: the standard's own route (its certifier, its register
        // reference, its release) does not apply to it; the buyer decides it.
        var (registerReference, registerError) = request.Equivalent is null ? Registers.RegisterReferences.Check(request.RegisterReference, standard) : (null, null);
        if (registerError is not null)
        {
            Invalid(Registers.RegisterReferences.Field, registerError);
        }
        if (standard is not null && request.Equivalent is null)
        {
            errors.AddRange(RouteRefusals(request, standard, certifier));
        }
        if (errors.Count > 0)
        {
            return new AttestationDecision(null, errors[0]) { Errors = errors };
        }
        return AttestationDecision.Allow(new Attestation
        {
            Id = id,
            SupplierId = supplierId,
            StandardCode = standard!.Code,
            OfferingId = offering?.Id,
            CertificateNumber = certificate!,
            IssuedOn = request.IssuedOn!.Value,
            ExpiresOn = expires,
            Status = AttestationStatus.Draft,
            CertifierId = certifier?.Id,
            RegisterReference = registerReference,
            ProductRelease = Trimmed(request.ProductRelease),
            ClinicalSafetyOfficer = Trimmed(request.ClinicalSafetyOfficer),
            TestedBy = Trimmed(request.TestedBy),
            Equivalent = equivalent,
        });
    }

    /// <summary>
    /// What the standard's route asks of the request (DOMAIN.md): a certifier-route claim names a certification body
    /// accredited for it, and no other claim names one; the buyer assesses buyer-assessed standards itself; per-release
    /// standards name the release, DCB0129 its Clinical Safety Officer; only declarations name a test house and only
    /// register-route claims a register reference.
    /// </summary>
    public static IEnumerable<Refusal> RouteRefusals(AttestationRequest request, Standard standard, Organisation? certifier)
    {
        Refusal Invalid(string field, string message) => new(RefusalKind.InvalidField, message, field);
        if (standard.Route == VerificationRoute.BuyerAssessed)
        {
            yield return Invalid("standardCode", $"{standard.Code} is assessed by the buyer for each product version ({standard.ConfirmedBy}); " +
                "commissioners record their own assessment on the offering's page, so suppliers do not attest to it.");
            yield break;
        }
        if (standard.Route == VerificationRoute.Certifier)
        {
            if (string.IsNullOrWhiteSpace(request.CertifierId))
            {
                yield return Invalid("certifierId", $"Required: the certification body that certified you for {standard.Code} (an organisation of kind certifier accredited for it).");
            }
            else if (certifier is null)
            {
                yield return Invalid("certifierId", $"There is no certification body {request.CertifierId}.");
            }
            else if (certifier.Kind != OrganisationKind.Certifier)
            {
                yield return Invalid("certifierId", $"{certifier.Id} is not a certification body.");
            }
            else if (!certifier.AccreditedFor.Contains(standard.Code, StringComparer.Ordinal))
            {
                yield return Invalid("certifierId", $"{certifier.Name} is not accredited for {standard.Code}.");
            }
        }
        else if (request.CertifierId is not null)
        {
            yield return Invalid("certifierId", $"{standard.Code} is confirmed by {standard.ConfirmedBy}, not a certification body: leave certifierId out.");
        }
        if (request.TestedBy is not null && standard.Route != VerificationRoute.Declaration)
        {
            yield return Invalid("testedBy", $"Only a declaration names the test house behind it; {standard.Code} is not a declaration.");
        }
        var needsRelease = standard.Validity.Kind == ValidityKind.PerRelease || standard.Code == ClinicalSafetyStandard;
        if (needsRelease && string.IsNullOrWhiteSpace(request.ProductRelease))
        {
            yield return Invalid("productRelease", $"Required: {standard.Code} holds for one product release; name the release or version it covers.");
        }
        if (standard.Code == ClinicalSafetyStandard && string.IsNullOrWhiteSpace(request.ClinicalSafetyOfficer))
        {
            yield return Invalid("clinicalSafetyOfficer", "Required: the named Clinical Safety Officer who signed the clinical safety case report.");
        }
        if (request.ClinicalSafetyOfficer is not null && standard.Code != ClinicalSafetyStandard)
        {
            yield return Invalid("clinicalSafetyOfficer", $"Only a {ClinicalSafetyStandard} declaration names a Clinical Safety Officer.");
        }
        foreach (var (field, value, max) in new[] { ("registerReference", request.RegisterReference, 40), ("productRelease", request.ProductRelease, 40),
            ("clinicalSafetyOfficer", request.ClinicalSafetyOfficer, 120), ("testedBy", request.TestedBy, 120) })
        {
            if (Trimmed(value) is { } text && (text.Length > max || text.Any(char.IsControl)))
            {
                yield return Invalid(field, $"At most {max} characters, none of them control characters.");
            }
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Longest equivalent name and issuer kept (the schema's limit); the reason takes up to 1000 characters.</summary>
    public const int MaxEquivalentTextLength = 200;

    private static EquivalentClaim? EquivalentOf(EquivalentClaimRequest claim, List<Refusal> errors)
    {
        string? Text(string? value, string field, int max, string what)
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(new Refusal(RefusalKind.InvalidField, $"Required for a claimed equivalent: {what}.", field));
                return null;
            }
            if (text.Length > max || text.Any(c => char.IsControl(c) && c is not ('\n' or '\r')))
            {
                errors.Add(new Refusal(RefusalKind.InvalidField, $"At most {max} characters, without control characters.", field));
                return null;
            }
            return text;
        }
        var name = Text(claim.Name, "equivalent.name", MaxEquivalentTextLength, "the standard or registration you hold instead");
        var issuedBy = Text(claim.IssuedBy, "equivalent.issuedBy", MaxEquivalentTextLength, "who issued or certifies it");
        var reason = Text(claim.Reason, "equivalent.reason", AttestationDecisions.MaxReasonLength, "why it meets the same need");
        return name is null || issuedBy is null || reason is null ? null : new EquivalentClaim(name, issuedBy, reason);
    }
}
