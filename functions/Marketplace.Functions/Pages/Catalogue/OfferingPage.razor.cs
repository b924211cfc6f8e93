using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Marketplace.Core.Assessments;

namespace Marketplace.Functions.Pages.Catalogue;

public partial class OfferingPage
{
    private PageLabels Labels => Data.Labels;

    private static string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } list ? string.Join(", ", list) : "None";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/catalogue/offerings/{id}", HandleAsync)
            .WithName("OfferingPage")
            .WithSummary("An offering's page.")
            .AsWebPage()
            .AllowAnyone();
        app.MapPost("/catalogue/offerings/{id}/assessment", AssessAsync)
            .WithName("RecordBuyerAssessmentForm")
            .WithSummary("Records the commissioner's own DTAC assessment of the offering's current version.")
            .AsWebPage()
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("offering", (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation));
        app.MapGet("/catalogue/offerings/{id}/capabilities/{capability}/evidence", OpenEvidenceAsync)
            .WithName("OpenCapabilityEvidencePage")
            .WithSummary("Opens a declaration's evidence file through a short-lived link.")
            .AsWebPage()
            .AllowCapabilityEvidenceReaders();
    }

    private static async Task<IResult> OpenEvidenceAsync(string id, string capability, HttpContext http, Actor actor, OpenCapabilityEvidence open, CancellationToken ct)
    {
        var link = await open.RunAsync(actor, id, capability, ct);
        return link.Succeeded ? Results.Redirect(link.Value.Url.ToString()) : await PageErrors.ResultAsync(http, link.Failure);
    }

    private static Task<IResult> HandleAsync(string id, string? done, HttpContext http, Actor actor, GetOffering getOffering, GetSupplierProfile getSupplierProfile,
        ListBuyerAssessments listAssessments, PageLabels labels, CancellationToken ct) =>
        ViewAsync(id, http, actor, getOffering, getSupplierProfile, listAssessments, labels, [], new Dictionary<string, string>(),
            done == "assessed" ? "Your DTAC assessment is saved. It counts in your shortlists from now on." : null, ct);

    private static async Task<IResult> ViewAsync(string id, HttpContext http, Actor actor, GetOffering getOffering, GetSupplierProfile getSupplierProfile,
        ListBuyerAssessments listAssessments, PageLabels labels, IReadOnlyList<FieldError> errors, IReadOnlyDictionary<string, string> posted, string? done,
        CancellationToken ct)
    {
        var details = await OfferingDetails.LoadAsync(id, actor, getOffering, getSupplierProfile, ct);
        if (details.Failure is { } failure)
        {
            return await PageErrors.ResultAsync(http, failure);
        }
        var offering = details.Offering!;
        var page = await PageContext.ForAsync(http);
        var forSupplier = actor.ActsFor(offering.SupplierId, MarketplaceRole.Supplier);
        var canAssess = actor.Has(MarketplaceRole.Commissioner) && offering.Status == OfferingStatus.Active;
        BuyerAssessments.Model? assessments = null;
        if (forSupplier || canAssess)
        {
            var shown = forSupplier && await listAssessments.RunAsync(actor, id, ct) is { Succeeded: true } listed ? listed.Value : [];
            var own = canAssess ? await listAssessments.OwnAsync(actor, id, RecordBuyerAssessment.Codes.Dtac, ct) : null;
            assessments = new BuyerAssessments.Model(page, id, offering.ProductVersion, forSupplier, shown, canAssess, own, errors, posted);
        }
        return Views.Of<OfferingPage>(new Model(page, offering, details.SupplierName, details.Vouched, details.Standards, labels, assessments, done,
                details.EvidenceReadable, forSupplier),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> AssessAsync(string id, HttpContext http, Actor actor, GetOffering getOffering, GetSupplierProfile getSupplierProfile,
        ListBuyerAssessments listAssessments, RecordBuyerAssessment record, PageLabels labels, CancellationToken ct)
    {
        // The offering first (404), whatever the form says.
        if ((await getOffering.RunAsync(actor, id, ct)).Failure is { } missing)
        {
            return await PageErrors.ResultAsync(http, missing);
        }
        var (form, refusal) = await PageForms.ReadAsync(http);
        if (form is null)
        {
            return refusal!;
        }
        var fields = BuyerAssessments.Areas.SelectMany(a => new[] { a.Id, $"{a.Id}-notes" }).Concat(["usability-notes", "assessment-notes"]);
        var posted = fields.ToDictionary(f => f, f => form.Text(f), StringComparer.Ordinal);
        AreaResult? Area(string field) => posted[field] switch
        {
            "pass" => new AreaResult(true, posted[$"{field}-notes"]),
            "fail" => new AreaResult(false, posted[$"{field}-notes"]),
            _ => null,
        };
        var request = new BuyerAssessmentRequest
        {
            StandardCode = RecordBuyerAssessment.Codes.Dtac,
            ProductVersion = form.Text("product-version") is { Length: > 0 } version ? version : null,
            // A missing choice stays null: the use case names the area.
            Dtac = new DtacResult(Area("clinical-safety")!, Area("data-protection")!, Area("technical-security")!, Area("interoperability")!, posted["usability-notes"]),
            Notes = posted["assessment-notes"],
        };
        var recorded = await record.RunAsync(actor, id, request, form.Text("etag"), ct);
        if (recorded.Succeeded)
        {
            return Results.Redirect($"/catalogue/offerings/{id}?done=assessed#your-assessment");
        }
        var failure = recorded.Failure;
        IReadOnlyList<FieldError> errors = failure.Kind switch
        {
            FailureKind.Invalid => [.. failure.Errors.Select(e => FieldErrorOf(e.Key, e.Value.FirstOrDefault() ?? ""))],
            FailureKind.Stale or FailureKind.PreconditionRequired =>
                [new FieldError("save-assessment", "Someone in your organisation changed this assessment after you opened the page. The page now shows it; check it and save again")],
            FailureKind.Conflict => [new FieldError("save-assessment", failure.Detail)],
            _ => [],
        };
        return errors.Count == 0
            ? await PageErrors.ResultAsync(http, failure)
            : await ViewAsync(id, http, actor, getOffering, getSupplierProfile, listAssessments, labels, errors, posted, null, ct);
    }

    // The use case's fields (dtac.technicalSecurity.notes) as the form's (technical-security-notes), in words a commissioner reads.
    private static FieldError FieldErrorOf(string field, string message)
    {
        var area = BuyerAssessments.Areas.FirstOrDefault(a => field.StartsWith($"dtac.{Camel(a.Id)}", StringComparison.Ordinal));
        return (area.Id, field) switch
        {
            (not null, _) when field.EndsWith(".notes", StringComparison.Ordinal) => new FieldError($"{area.Id}-notes",
                message.StartsWith("say why", StringComparison.Ordinal) ? $"Enter why {area.Title.ToLowerInvariant()} fails; the supplier will see it" : $"Notes on {area.Title.ToLowerInvariant()}: {message}"),
            (not null, _) => new FieldError(area.Id, $"Select pass or fail for {area.Title.ToLowerInvariant()}"),
            (_, "dtac.usabilityAndAccessibility") => new FieldError("usability-notes", $"Usability and accessibility notes: {message}"),
            (_, "notes") => new FieldError("assessment-notes", $"Overall notes: {message}"),
            _ => new FieldError("save-assessment", message),
        };
    }

    private static string Camel(string kebab)
    {
        var parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
