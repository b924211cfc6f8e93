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
using Marketplace.Core.Audit;

namespace Marketplace.Functions.Pages.Attestations;

public partial class AttestationPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private string ActionText(AttestationAction action) => action switch
    {
        AttestationAction.Submit when Data.Standard.Route == VerificationRoute.Declaration => "Declare",
        AttestationAction.Submit => "Submit for verification",
        AttestationAction.Withdraw when Data.Attestation.Status == AttestationStatus.Declared => "Withdraw declaration",
        AttestationAction.Withdraw => "Withdraw submission",
        AttestationAction.Verify => "Verify",
        AttestationAction.Reject => "Reject",
        AttestationAction.Revoke => "Revoke verification",
        _ => action.ToString(),
    };

    // How this claim is confirmed, in words a buyer reads: who verified it, or whose declaration it is and who vouches.
    private string RouteText()
    {
        var a = Data.Attestation;
        string Name(string id) => Data.Names.GetValueOrDefault(id, id);
        var text = a.Status switch
        {
            AttestationStatus.Verified when a.DecidedBy is { } by => $"Verified by {Name(by)}.",
            AttestationStatus.Submitted when a.CertifierId is { } c => $"Awaiting verification by {Name(c)}.",
            _ when Data.Standard.Route == VerificationRoute.Declaration =>
                $"Declared by the supplier{(a.TestedBy is { } t ? $", tested by {t}" : ", not independently tested")}.",
            _ when a.CertifierId is { } c => $"Certification body: {Name(c)}.",
            _ => $"Confirmed by {Data.Standard.ConfirmedBy}.",
        };
        return a.Endorsements.Count == 0 ? text : $"{text} Vouched for by {string.Join(" and ", a.Endorsements.Select(e => Name(e.AssociationId)))}.";
    }

    private static string Describe(AuditEvent change) =>
        string.Join(" ", new[]
        {
            change.Action.Replace('-', ' '),
            change.From is { } from && change.To is { } to && from != to ? $"({from} → {to})" : change.To is { } created && change.From is null ? $"(now {created})" : null,
            change.Detail,
            change.Reason is { } reason ? $"Reason: {reason}" : null,
        }.OfType<string>());

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/attestations/{id}", ShowAsync).WithName("AttestationPage").WithSummary("An attestation's page.").AsWebPage()
            .AllowAttestationReaders("attestation");
        app.MapGet("/attestations/{id}/evidence/{fileName}", OpenEvidenceAsync).WithName("OpenEvidencePage")
            .WithSummary("Opens an evidence file through a short-lived link.").AsWebPage().AllowAttestationReaders("attestation");
        app.MapPost("/attestations/{id}/evidence", UploadAsync).WithName("UploadEvidenceForm").WithSummary("Uploads an evidence file.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("attestation", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier));
        foreach (var action in new[] { AttestationAction.Submit, AttestationAction.Withdraw, AttestationAction.Verify, AttestationAction.Reject, AttestationAction.Revoke })
        {
            var supplierAction = action is AttestationAction.Submit or AttestationAction.Withdraw;
            var builder = app.MapPost($"/attestations/{{id}}/{AttestationWorkflow.NameOf(action)}",
                    (string id, HttpContext http, Actor actor, AttestationScope scope, ChangeAttestationStatus change, ReviewAttestation review, CancellationToken ct) =>
                        ActAsync(action, id, http, actor, scope, change, review, ct))
                .WithName($"{action}AttestationForm").WithSummary($"{action}s an attestation.").AsWebPage();
            _ = supplierAction
                ? builder.AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("attestation", (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier))
                : builder.AllowRoles(MarketplaceRole.Certifier).ScopedToOrganisation("attestation", (MarketplaceRole.Certifier, OrganisationRelation.DecidingCertifier));
        }
        app.MapPost("/attestations/{id}/endorse", EndorseAsync).WithName("EndorseAttestationForm").WithSummary("Vouches for a member's declaration.").AsWebPage()
            .AllowRoles(MarketplaceRole.Association).ScopedToOrganisation("attestation", (MarketplaceRole.Association, OrganisationRelation.MemberAssociation));
    }

    private static Task<IResult> ShowAsync(string id, string? done, HttpContext http, Actor actor, ReviewAttestation review, CancellationToken ct) =>
        ViewAsync(id, http, actor, review, [], new Dictionary<string, string>(), done switch
        {
            "created" => "Draft saved. Add evidence where the standard needs it, then submit it (a declaration is declared at once).",
            "uploaded" => "Evidence file uploaded.",
            "submit" => "Submitted. It is now declared, or waiting for its certification body or register check.",
            "withdraw" => "Withdrawn.",
            "verify" => "Verified. The standard now shows in search.",
            "reject" => "Rejected. The supplier can see your reason.",
            "revoke" => "Verification revoked. The standard has left search.",
            "endorse" => "You now vouch for this declaration.",
            _ => null,
        }, ct);

    private static async Task<IResult> ViewAsync(string id, HttpContext http, Actor actor, ReviewAttestation review,
        IReadOnlyList<FieldError> errors, IReadOnlyDictionary<string, string> reasons, string? done, CancellationToken ct)
    {
        var reviewed = await review.RunAsync(actor, id, ct);
        if (!reviewed.Succeeded)
        {
            return await PageErrors.ResultAsync(http, reviewed.Failure);
        }
        var r = reviewed.Value;
        var attestation = r.Stored.Document;
        var page = await PageContext.ForAsync(http);
        return Views.Of<AttestationPage>(new Model(page, attestation, r.Stored.ETag, r.Context.Standard, r.Context.Supplier.Name, r.OfferingName,
                attestation.DecidedBy is { } by ? r.OrganisationNames.GetValueOrDefault(by, by) : null, r.History, r.OrganisationNames, r.IsOwner, r.Actions,
                r.ExpiresSoon, errors, reasons, done, r.CanEndorse, r.EvidenceScans),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> OpenEvidenceAsync(string id, string fileName, HttpContext http, Actor actor, OpenEvidence open, CancellationToken ct)
    {
        var link = await open.RunAsync(actor, id, fileName, ct);
        return link.Succeeded ? Results.Redirect(link.Value.Url.ToString()) : await PageErrors.ResultAsync(http, link.Failure);
    }

    private static async Task<IResult> UploadAsync(string id, HttpContext http, Actor actor, AttestationScope scope, UploadEvidence upload, ReviewAttestation review,
        CancellationToken ct)
    {
        // Only the owner, whatever the form says (asked before the form is read).
        if ((await scope.OpenAsync(actor, id, AttestationOperation.UploadEvidence, ct)).Failure is { } refused)
        {
            return await PageErrors.ResultAsync(http, refused);
        }
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        if (posted.Files.GetFile("evidence") is not { Length: > 0 } file)
        {
            return await ViewAsync(id, http, actor, review, [new FieldError("evidence", "Select a PDF, PNG or JPEG file to upload")], new Dictionary<string, string>(), null, ct);
        }
        await using var content = file.OpenReadStream();
        var uploaded = await upload.RunAsync(actor, id, Path.GetFileName(file.FileName), file.Length, content, ct);
        if (uploaded.Failure is { } failure)
        {
            var message = failure.Kind switch
            {
                FailureKind.UnsupportedMediaType => "The selected file must be a PDF, PNG or JPEG",
                FailureKind.TooLarge => "The selected file must be smaller than 20 MB",
                _ => failure.Detail,
            };
            return await ViewAsync(id, http, actor, review, [new FieldError("evidence", message)], new Dictionary<string, string>(), null, ct);
        }
        return Results.Redirect($"/attestations/{id}?done=uploaded");
    }

    private static async Task<IResult> EndorseAsync(string id, HttpContext http, Actor actor, AttestationScope scope, EndorseAttestation endorse,
        ReviewAttestation review, CancellationToken ct)
    {
        if ((await scope.OpenAsync(actor, id, AttestationOperation.Endorse, ct)).Failure is { } refused)
        {
            return await PageErrors.ResultAsync(http, refused);
        }
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var endorsed = await endorse.RunAsync(actor, id, posted.Text("etag"), ct);
        return endorsed.Succeeded
            ? Results.Redirect($"/attestations/{id}?done=endorse")
            : await ViewAsync(id, http, actor, review, [new FieldError("endorse-button", endorsed.Failure.Kind is FailureKind.Stale or FailureKind.PreconditionRequired
                ? "Someone else changed this attestation after you opened it. This page now shows its latest state; check it and try again"
                : endorsed.Failure.Detail)], new Dictionary<string, string>(), null, ct);
    }

    private static async Task<IResult> ActAsync(AttestationAction action, string id, HttpContext http, Actor actor, AttestationScope scope,
        ChangeAttestationStatus change, ReviewAttestation review, CancellationToken ct)
    {
        // Who may comes first, whatever the form says (asked before the form is read).
        if ((await scope.OpenAsync(actor, id, AttestationOperation.Of(action), ct)).Failure is { } refused)
        {
            return await PageErrors.ResultAsync(http, refused);
        }
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var reasonField = $"{AttestationWorkflow.NameOf(action)}-reason";
        var withReason = action is AttestationAction.Reject or AttestationAction.Revoke;
        var reason = withReason ? posted.Text(reasonField) : null;
        var reasons = reason is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [reasonField] = reason };
        if (withReason && string.IsNullOrWhiteSpace(reason))
        {
            return await ViewAsync(id, http, actor, review,
                [new FieldError(reasonField, $"Enter a reason to {AttestationWorkflow.NameOf(action)}; the supplier will see it")], reasons, null, ct);
        }
        var changed = await change.RunAsync(actor, id, action, reason, posted.Text("etag"), ct);
        if (changed.Succeeded)
        {
            return Results.Redirect(action is AttestationAction.Verify or AttestationAction.Reject
                ? $"/certifier/queue?done={AttestationWorkflow.NameOf(action)}&id={Uri.EscapeDataString(id)}"
                : $"/attestations/{id}?done={AttestationWorkflow.NameOf(action)}");
        }
        var failure = changed.Failure;
        var field = withReason ? reasonField : $"{AttestationWorkflow.NameOf(action)}-button";
        var message = failure switch
        {
            { Kind: FailureKind.Stale or FailureKind.PreconditionRequired } =>
                "Someone else changed this attestation after you opened it. This page now shows its latest state; check it and try again",
            { Code: Problems.EvidenceRequired } => "Upload at least one evidence file before submitting: this standard requires evidence",
            _ => failure.Detail,
        };
        return await ViewAsync(id, http, actor, review,
            [new FieldError(failure.Kind == FailureKind.Conflict && action == AttestationAction.Submit ? "evidence" : field, message)], reasons, null, ct);
    }
}
