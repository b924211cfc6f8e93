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

public partial class CapabilitiesPage
{
    /// <summary>The declaration form as typed, so an error never loses it.</summary>
    public sealed record DeclarationForm(string Capability = "", string Statement = "", string Value = "");

    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private static string NameOf(string capability) => Capabilities.Find(capability)?.Name ?? capability;

    private static string Where(string field) => field switch
    {
        "features" => "feature list",
        _ => field,
    };

    private static readonly (MarketplaceRole, OrganisationRelation) Owner = (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/supplier/listings/{id}/capabilities", ShowAsync).WithName("CapabilitiesPage")
            .WithSummary("An offering's declared capabilities, with suggestions, to declare, change and withdraw them.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
        app.MapPost("/supplier/listings/{id}/capabilities", DeclareAsync).WithName("DeclareCapabilityForm")
            .WithSummary("Declares a capability, or changes its declaration.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
        app.MapPost("/supplier/listings/{id}/capabilities/{capability}/withdraw", WithdrawAsync).WithName("WithdrawCapabilityForm")
            .WithSummary("Withdraws a declaration.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
        app.MapPost("/supplier/listings/{id}/capabilities/{capability}/evidence", UploadAsync).WithName("UploadCapabilityEvidenceForm")
            .WithSummary("Uploads the evidence file of a declaration.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier).ScopedToOrganisation("offering", Owner);
    }

    private static async Task<IResult> ViewAsync(HttpContext http, Actor actor, StoredDocument<Offering> current, DeclarationForm form, string? changing,
        IReadOnlyList<FieldError> errors, string? done, CancellationToken ct)
    {
        var suggestions = await http.RequestServices.GetRequiredService<SuggestCapabilities>().RunAsync(actor, current.Document.Id, ct);
        return Views.Of<CapabilitiesPage>(new Model(await PageContext.ForAsync(http), current.Document, current.ETag, suggestions.Succeeded ? suggestions.Value : [],
                form, changing, errors, done),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ShowAsync(string id, string? declare, string? change, string? done, string? capability, HttpContext http, Actor actor,
        GetOffering getOffering, CancellationToken ct)
    {
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        if (!current.Succeeded)
        {
            return await PageErrors.ResultAsync(http, current.Failure);
        }
        var declared = CapabilityDeclarations.StoredFor(current.Value.Document.Capabilities, change);
        var form = declared is not null
            ? new DeclarationForm(declared.Capability, declared.Statement, declared.Value?.ToString(CultureInfo.InvariantCulture) ?? "")
            : new DeclarationForm(Capabilities.Find(declare)?.Slug ?? "");
        var doneText = Capabilities.Find(capability)?.Name is { } name
            ? done switch
            {
                "declared" => $"{name} is declared.",
                "changed" => $"Your declaration of {name} is saved.",
                "withdrawn" => $"{name} is withdrawn.",
                "evidence" => $"The evidence file for {name} is uploaded.",
                _ => null,
            }
            : null;
        return await ViewAsync(http, actor, current.Value, form, declared?.Capability, [], doneText, ct);
    }

    private static async Task<IResult> DeclareAsync(string id, HttpContext http, Actor actor, GetOffering getOffering, ReplaceOffering replaceOffering, CancellationToken ct)
    {
        // 404, 403 or 409 before the form is read: a caller who may not change the listing learns nothing from its fields.
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        if (!current.Succeeded)
        {
            return await PageErrors.ResultAsync(http, current.Failure);
        }
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var form = new DeclarationForm(posted.Text("capability"), posted.Text("statement"), posted.Text("value"));
        var declarations = current.Value.Document.Capabilities;
        var existing = CapabilityDeclarations.StoredFor(declarations, form.Capability);
        var changing = existing?.Capability;
        var errors = new List<FieldError>();
        if (form.Capability.Length == 0)
        {
            errors.Add(new FieldError("capability", "Select a capability"));
        }
        int? value = null;
        if (form.Value.Length > 0)
        {
            if (int.TryParse(form.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var figure))
            {
                value = figure;
            }
            else
            {
                errors.Add(new FieldError("value", "The figure must be a whole number, like 30"));
            }
        }
        if (errors.Count > 0)
        {
            return await ViewAsync(http, actor, current.Value, form, changing, errors, null, ct);
        }
        // A declaration changed keeps its place (and the date and evidence the marketplace checks it against); a new one goes last.
        var declaration = (existing ?? new CapabilityDeclaration { Capability = form.Capability, Statement = "" }) with { Statement = form.Statement, Value = value };
        IReadOnlyList<CapabilityDeclaration> next = existing is null
            ? [.. declarations, declaration]
            : [.. declarations.Select(d => d == existing ? declaration : d)];
        var index = existing is null ? declarations.Count : declarations.ToList().IndexOf(existing);
        var replaced = await replaceOffering.RunAsync(actor, id, current.Value.Document with { Capabilities = next }, posted.Text("etag"), ct);
        if (replaced.Succeeded)
        {
            return Results.Redirect($"/supplier/listings/{Uri.EscapeDataString(id)}/capabilities?done={(existing is null ? "declared" : "changed")}&capability={Uri.EscapeDataString(form.Capability)}");
        }
        IReadOnlyList<FieldError> refused = replaced.Failure.Kind switch
        {
            FailureKind.Invalid => [.. replaced.Failure.Errors.Select(e => FieldErrorOf(e.Key, e.Value.First(), index))],
            FailureKind.Stale or FailureKind.PreconditionRequired => [StaleError("capability")],
            _ => [],
        };
        return refused.Count == 0
            ? await PageErrors.ResultAsync(http, replaced.Failure)
            : await ViewAsync(http, actor, current.Value, form, changing, refused, null, ct);
    }

    private static async Task<IResult> WithdrawAsync(string id, string capability, HttpContext http, Actor actor, GetOffering getOffering, ReplaceOffering replaceOffering,
        CancellationToken ct)
    {
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        if (!current.Succeeded)
        {
            return await PageErrors.ResultAsync(http, current.Failure);
        }
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var declarations = current.Value.Document.Capabilities;
        if (CapabilityDeclarations.StoredFor(declarations, capability) is not { } withdrawn)
        {
            return await PageErrors.ResultAsync(http, CapabilityEvidence.NotDeclared(id, capability));
        }
        var replaced = await replaceOffering.RunAsync(actor, id, current.Value.Document with { Capabilities = [.. declarations.Where(d => d != withdrawn)] },
            posted.Text("etag"), ct);
        return replaced switch
        {
            { Succeeded: true } => Results.Redirect($"/supplier/listings/{Uri.EscapeDataString(id)}/capabilities?done=withdrawn&capability={Uri.EscapeDataString(capability)}"),
            { Failure.Kind: FailureKind.Stale or FailureKind.PreconditionRequired } =>
                await ViewAsync(http, actor, current.Value, new DeclarationForm(), null, [StaleError("declared")], null, ct),
            _ => await PageErrors.ResultAsync(http, replaced.Failure!),
        };
    }

    private static async Task<IResult> UploadAsync(string id, string capability, HttpContext http, Actor actor, GetOffering getOffering,
        UploadCapabilityEvidence upload, CancellationToken ct)
    {
        var current = await getOffering.RunForChangeAsync(actor, id, ct);
        if (!current.Succeeded)
        {
            return await PageErrors.ResultAsync(http, current.Failure);
        }
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var declared = CapabilityDeclarations.StoredFor(current.Value.Document.Capabilities, capability);
        var form = declared is null ? new DeclarationForm() : new DeclarationForm(declared.Capability, declared.Statement, declared.Value?.ToString(CultureInfo.InvariantCulture) ?? "");
        Task<IResult> ErrorAsync(string message) => ViewAsync(http, actor, current.Value, form, declared?.Capability, [new FieldError("evidence", message)], null, ct);
        if (posted.Files.GetFile("evidence") is not { Length: > 0 } file)
        {
            return await ErrorAsync("Select a PDF, PNG or JPEG file to upload");
        }
        await using var content = file.OpenReadStream();
        var uploaded = await upload.RunAsync(actor, id, capability, file.Length, content, posted.Text("etag"), ct);
        return uploaded.Failure switch
        {
            null => Results.Redirect($"/supplier/listings/{Uri.EscapeDataString(id)}/capabilities?done=evidence&capability={Uri.EscapeDataString(capability)}"),
            { Kind: FailureKind.UnsupportedMediaType } => await ErrorAsync("The selected file must be a PDF, PNG or JPEG"),
            { Kind: FailureKind.TooLarge } => await ErrorAsync("The selected file must be smaller than 20 MB"),
            { Kind: FailureKind.Stale or FailureKind.PreconditionRequired } => await ErrorAsync(StaleError("evidence").Message),
            { Kind: FailureKind.Invalid } invalid => await ErrorAsync(invalid.Detail),
            var failure => await PageErrors.ResultAsync(http, failure),
        };
    }

    private static FieldError StaleError(string field) =>
        new(field, "Someone else changed this offering after you opened the page. The page now shows their changes: check them and try again");

    // The use case names fields by their place in the listing (capabilities[3].statement); the form has one declaration.
    private static FieldError FieldErrorOf(string field, string message, int index)
    {
        var part = field.StartsWith($"capabilities[{index}].", StringComparison.Ordinal) ? field[(field.IndexOf('.') + 1)..] : field;
        return part switch
        {
            "statement" or "value" => new FieldError(part, message.TrimEnd('.')),
            "capability" when message.Contains("not a capability", StringComparison.Ordinal) => new FieldError("capability", "Select a capability from the list"),
            "capabilities" => new FieldError("capability", $"An offering declares at most {CapabilityDeclarations.MaxDeclarations} capabilities: withdraw one before declaring another"),
            _ => new FieldError("capability", message.TrimEnd('.')),
        };
    }
}
