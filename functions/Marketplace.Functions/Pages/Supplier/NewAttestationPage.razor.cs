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
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;

namespace Marketplace.Functions.Pages.Supplier;

public partial class NewAttestationPage
{
    public sealed record Form(string Standard, string Offering, string Certificate, DateField.Parts Issued, DateField.Parts Expires,
        string Certifier = "", string Register = "", string Release = "", string Cso = "", string TestedBy = "");

    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field || e.FieldId.StartsWith(field + "-", StringComparison.Ordinal))?.Message;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/supplier/attestations/new", ShowAsync).WithName("NewAttestationPage").WithSummary("Form to start an attestation.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);
        app.MapPost("/supplier/attestations/new", CreateAsync).WithName("CreateAttestationForm").WithSummary("Starts an attestation.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);
    }

    private static async Task<IResult> ViewAsync(HttpContext http, Actor actor, PrepareAttestation prepare, Form form, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var choices = await prepare.RunAsync(actor, ct);
        if (!choices.Succeeded)
        {
            return await PageErrors.ResultAsync(http, choices.Failure);
        }
        return Views.Of<NewAttestationPage>(new Model(await PageContext.ForAsync(http), form, choices.Value.Standards, choices.Value.Offerings, choices.Value.Certifiers, errors),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static Task<IResult> ShowAsync(HttpContext http, Actor actor, PrepareAttestation prepare, CancellationToken ct) =>
        ViewAsync(http, actor, prepare, new Form("", "", "", DateField.Parts.Empty, DateField.Parts.Empty), [], ct);

    private static async Task<IResult> CreateAsync(HttpContext http, Actor actor, PrepareAttestation prepare, CreateAttestation create, CancellationToken ct)
    {
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var form = new Form(posted.Text("standard"), posted.Text("offering"), posted.Text("certificate"), DateField.Parts.From(posted, "issued"), DateField.Parts.From(posted, "expires"),
            posted.Text("certifier"), posted.Text("register-reference"), posted.Text("release"), posted.Text("cso"), posted.Text("tested-by"));
        var errors = new List<FieldError>();
        var issued = form.Issued.ToDate("issued", "Date issued", required: false, errors);
        var expires = form.Expires.ToDate("expires", "Expiry date", required: false, errors);
        if (errors.Count > 0)
        {
            return await ViewAsync(http, actor, prepare, form, errors, ct);
        }
        var request = new AttestationRequest(NullIfEmpty(form.Standard), NullIfEmpty(form.Offering), NullIfEmpty(form.Certificate), issued, expires,
            NullIfEmpty(form.Certifier), NullIfEmpty(form.Register), NullIfEmpty(form.Release), NullIfEmpty(form.Cso), NullIfEmpty(form.TestedBy));
        var created = await create.RunAsync(actor, request, ct);
        if (created.Succeeded)
        {
            return Results.Redirect($"/attestations/{created.Value.Document.Id}?done=created");
        }
        if (created.Failure.Kind != FailureKind.Invalid)
        {
            return await PageErrors.ResultAsync(http, created.Failure);
        }
        // The use case names its fields as the API does (standardCode, offeringId, …); the form's inputs have their own ids.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["standardCode"] = "standard", ["offeringId"] = "offering", ["certificateNumber"] = "certificate", ["issuedOn"] = "issued-day", ["expiresOn"] = "expires-day",
            ["certifierId"] = "certifier", ["registerReference"] = "register-reference", ["productRelease"] = "release", ["clinicalSafetyOfficer"] = "cso", ["testedBy"] = "tested-by",
        };
        errors.AddRange(created.Failure.Errors.SelectMany(e => e.Value.Select(m => new FieldError(fields.GetValueOrDefault(e.Key, "standard"), Readable(e.Key, m)))));
        return await ViewAsync(http, actor, prepare, form, errors, ct);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Readable(string field, string message) => field switch
    {
        "standardCode" when message.StartsWith("Required", StringComparison.Ordinal) => "Choose a standard",
        "certificateNumber" when message.StartsWith("Required", StringComparison.Ordinal) => "Enter the certificate, registration or declaration reference",
        "issuedOn" when message.StartsWith("Required", StringComparison.Ordinal) => "Enter the date the certificate was issued",
        "issuedOn" => "Date issued: " + message,
        "expiresOn" => "Expiry date: " + message.Replace("issuedOn", "the date issued", StringComparison.Ordinal),
        _ => message,
    };
}
