using Marketplace.Core.Catalogue;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>
/// What a supplier sends to start an attestation: the standard, optionally one of its offerings, and the
/// certificate's number and dates. <c>expiresOn</c> may be left out to take the standard's validity period.
/// <c>equivalent</c>, when given, claims an equivalent of the standard instead (what is held, who issued it, why).
/// </summary>
public sealed record AttestationRequest(
    string? StandardCode,
    string? OfferingId,
    string? CertificateNumber,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    EquivalentClaimRequest? Equivalent = null);

/// <summary>A claimed equivalent as sent: every field required.</summary>
public sealed record EquivalentClaimRequest(string? Name, string? IssuedBy, string? Reason);

/// <summary>The rules for starting an attestation.</summary>
public static class AttestationRules
{
    /// <summary>Longest certificate number kept (the schema's limit).</summary>
    public const int MaxCertificateNumberLength = 80;

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
    /// </summary>
    public static AttestationDecision Create(AttestationRequest request, string supplierId, Standard? standard, Offering? offering, string id, DateOnly today)
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
            Equivalent = equivalent,
        });
    }

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
