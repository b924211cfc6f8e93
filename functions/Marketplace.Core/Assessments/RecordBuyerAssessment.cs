using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Assessments;

/// <summary>
/// A commissioner records its own assessment of an offering's current version against a buyer-assessed standard, or
/// replaces the one it recorded before: the offering exists (404) → the caller acts for a commissioner (403) → a
/// replacement names the version it replaces (428, 412) → the rules (400 by field; 409 when the offering is retired or
/// its version moved on) → saved with its audit event (412 when it lost a race).
/// </summary>
public sealed class RecordBuyerAssessment(IOfferings offerings, IOrganisations organisations, IStandards standards, IBuyerAssessments assessments, TimeProvider clock)
{
    /// <summary>Longest notes kept, per area and overall.</summary>
    public const int MaxNotesLength = 2000;

    /// <summary>The stored assessment and whether it is new (201) or replaced one (200); or why not.</summary>
    public async Task<Outcome<(StoredDocument<BuyerAssessment> Assessment, bool Created)>> RunAsync(
        Actor actor, string offeringId, BuyerAssessmentRequest request, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Ids.IsId(offeringId) || await offerings.FindAsync(offeringId, ct) is not { } stored)
        {
            return Failure.NotFound("offering", offeringId);
        }
        if (!actor.Has(MarketplaceRole.Commissioner) || actor.OrganisationId is not { } commissionerId
            || await organisations.FindAsync(commissionerId, ct) is not { Kind: OrganisationKind.Commissioner } commissioner)
        {
            return Failure.Forbidden("Only commissioners assess offerings.", "A buyer assessment is recorded by the commissioner organisation that relies on it.");
        }
        var offering = stored.Document;
        var code = request.StandardCode ?? "";
        var existing = Ids.IsStandardCode(code) ? await assessments.FindAsync(BuyerAssessment.IdOf(commissionerId, offeringId, code), ct) : null;
        string? version = null;
        if (existing is not null)
        {
            var required = Precondition.Require(ifMatch, existing.ETag);
            if (!required.Succeeded)
            {
                return required.Failure;
            }
            version = required.Value;
        }

        var errors = await CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (offering.Status == OfferingStatus.Retired)
        {
            return OfferingAccess.Frozen(offeringId, offering)!;
        }
        if (request.ProductVersion is { } assessed && !string.Equals(assessed, offering.ProductVersion, StringComparison.Ordinal))
        {
            return Failure.Conflict("The product version has changed.",
                $"You assessed version {assessed}, but the offering now lists {(offering.ProductVersion is null ? "no version" : "version " + offering.ProductVersion)}. Assess the current version.",
                extensions: new Dictionary<string, object?> { ["reason"] = "product-version-changed", ["productVersion"] = offering.ProductVersion });
        }

        var now = clock.GetUtcNow();
        var passed = code == Codes.Dtac ? request.Dtac!.Passed : request.NiceEsf!.Met;
        var assessment = new BuyerAssessment
        {
            Id = BuyerAssessment.IdOf(commissionerId, offeringId, code),
            OfferingId = offeringId,
            SupplierId = offering.SupplierId,
            CommissionerId = commissionerId,
            CommissionerName = commissioner.Name,
            StandardCode = code,
            ProductVersion = offering.ProductVersion,
            Dtac = code == Codes.Dtac ? Trimmed(request.Dtac!) : null,
            NiceEsf = code == Codes.NiceEsf ? request.NiceEsf : null,
            Notes = request.Notes?.Trim() ?? "",
            Evidence = existing?.Document.Evidence,
            Outcome = passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed,
            AssessedAt = now,
            AssessedBy = actor.UserId,
        };
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, BuyerAssessment.SubjectKind, assessment.Id, existing is null ? "assess" : "reassess",
            existing?.Document.Outcome, assessment.Outcome, now) with
        {
            Detail = $"{code} of offering {offeringId}{(offering.ProductVersion is null ? "" : " version " + offering.ProductVersion)}: {assessment.Outcome}",
        };
        if (existing is null)
        {
            return await assessments.AddAsync(assessment, change, ct) is { } added
                ? (added, true)
                : Failure.Conflict("Someone recorded this assessment meanwhile.", "Read it again and send its ETag as If-Match to replace it.");
        }
        return await assessments.ReplaceAsync(assessment, existing.Document, version!, change, ct) is { } replaced ? (replaced, false) : Failure.Stale();
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(BuyerAssessmentRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = request.StandardCode;
        var standard = Ids.IsStandardCode(code) ? await standards.FindAsync(code, ct) : null;
        if (standard is null)
        {
            errors["standardCode"] = [$"'{code}' is not a standard in the register"];
        }
        else if (standard.Route != VerificationRoute.BuyerAssessed)
        {
            errors["standardCode"] = [$"{code} is confirmed by {standard.ConfirmedBy}, not assessed by the buyer; only buyer-assessed standards (DTAC, NICE ESF) are recorded here"];
        }
        else if (code == Codes.Dtac && request.Dtac is null)
        {
            errors["dtac"] = ["a DTAC assessment gives pass or fail for clinical safety, data protection, technical security and interoperability"];
        }
        else if (code == Codes.NiceEsf && request.NiceEsf is null)
        {
            errors["niceEsf"] = ["a NICE ESF assessment gives the tier (A, B or C) and whether its evidence is met"];
        }
        if (code == Codes.Dtac && request.Dtac is { } dtac)
        {
            foreach (var (name, area) in new[] { ("clinicalSafety", dtac.ClinicalSafety), ("dataProtection", dtac.DataProtection), ("technicalSecurity", dtac.TechnicalSecurity), ("interoperability", dtac.Interoperability) })
            {
                if (area is null)
                {
                    errors[$"dtac.{name}"] = ["give pass or fail for this area"];
                }
                else if (!area.Passed && string.IsNullOrWhiteSpace(area.Notes))
                {
                    errors[$"dtac.{name}.notes"] = ["say why the area fails: the supplier sees it"];
                }
                else if (area.Notes?.Length > MaxNotesLength)
                {
                    errors[$"dtac.{name}.notes"] = [$"at most {MaxNotesLength} characters"];
                }
            }
            if (dtac.UsabilityAndAccessibility?.Length > MaxNotesLength)
            {
                errors["dtac.usabilityAndAccessibility"] = [$"at most {MaxNotesLength} characters"];
            }
        }
        if (code == Codes.NiceEsf && request.NiceEsf is { } esf && esf.Tier is not ("A" or "B" or "C"))
        {
            errors["niceEsf.tier"] = ["the tier is A, B or C"];
        }
        if (request.Notes?.Length > MaxNotesLength)
        {
            errors["notes"] = [$"at most {MaxNotesLength} characters"];
        }
        if (request.ProductVersion is { Length: 0 or > 40 })
        {
            errors["productVersion"] = ["1 to 40 characters, as the offering lists it"];
        }
        return errors;
    }

    private static DtacResult Trimmed(DtacResult dtac) => dtac with
    {
        ClinicalSafety = dtac.ClinicalSafety with { Notes = dtac.ClinicalSafety.Notes?.Trim() ?? "" },
        DataProtection = dtac.DataProtection with { Notes = dtac.DataProtection.Notes?.Trim() ?? "" },
        TechnicalSecurity = dtac.TechnicalSecurity with { Notes = dtac.TechnicalSecurity.Notes?.Trim() ?? "" },
        Interoperability = dtac.Interoperability with { Notes = dtac.Interoperability.Notes?.Trim() ?? "" },
        UsabilityAndAccessibility = dtac.UsabilityAndAccessibility?.Trim() ?? "",
    };

    /// <summary>The buyer-assessed standards this form knows how to record.</summary>
    public static class Codes
    {
        /// <summary>Digital Technology Assessment Criteria.</summary>
        public const string Dtac = "DTAC";
        /// <summary>NICE Evidence Standards Framework.</summary>
        public const string NiceEsf = "NICE-ESF";
    }
}
