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
using Marketplace.Core.Registers;

namespace Marketplace.Functions.Pages.Admin;

public partial class RegisterImportsPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    private static string Label(string status) => status switch
    {
        RegisterImportStatus.Queued => "Queued",
        RegisterImportStatus.Running => "Running",
        RegisterImportStatus.Done => "Done",
        _ => "Refused",
    };

    private static string Colour(string status) => status switch
    {
        RegisterImportStatus.Done => "nhsuk-tag--green",
        RegisterImportStatus.Running => "nhsuk-tag--blue",
        RegisterImportStatus.Queued => "nhsuk-tag--grey",
        _ => "nhsuk-tag--red",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/registers", ShowAsync).WithName("RegisterImportsPage").WithSummary("The register imports and the snapshot upload form.")
            .AsWebPage().AllowRoles(MarketplaceRole.Admin);
        app.MapPost("/admin/registers", UploadAsync).WithName("UploadRegisterSnapshotForm").WithSummary("Uploads a register snapshot and queues its import.")
            .AsWebPage().AllowRoles(MarketplaceRole.Admin);
    }

    private static Task<IResult> ShowAsync(string? done, HttpContext http, Actor actor, ListRegisterImports list, CancellationToken ct) =>
        ViewAsync(http, actor, list, null, DateField.Parts.Empty, [], done is { Length: > 0 } key ? $"Snapshot {key} uploaded. Its import is queued." : null, ct);

    private static async Task<IResult> ViewAsync(HttpContext http, Actor actor, ListRegisterImports list, string? register, DateField.Parts date,
        IReadOnlyList<FieldError> errors, string? done, CancellationToken ct)
    {
        var imports = await list.RunAsync(actor, ct);
        if (!imports.Succeeded)
        {
            return await PageErrors.ResultAsync(http, imports.Failure);
        }
        var page = await PageContext.ForAsync(http);
        return Views.Of<RegisterImportsPage>(new Model(page, imports.Value, register, date, errors, done),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, Actor actor, ListRegisterImports list, UploadRegisterSnapshot upload, CancellationToken ct)
    {
        var (posted, refusal) = await PageForms.ReadAsync(http);
        if (posted is null)
        {
            return refusal!;
        }
        var errors = new List<FieldError>();
        var register = posted.Text("register");
        if (PublicRegisters.BySlug(register) is null)
        {
            errors.Add(new FieldError("register", "Select a register"));
        }
        var parts = DateField.Parts.From(posted, "snapshot-date");
        var date = parts.ToDate("snapshot-date", "Date the register published it", required: true, errors);
        var file = posted.Files.GetFile("snapshot");
        if (file is not { Length: > 0 })
        {
            errors.Add(new FieldError("snapshot", "Select the register's CSV file"));
        }
        if (errors.Count == 0)
        {
            await using var content = file!.OpenReadStream();
            var uploaded = await upload.RunAsync(actor, register, date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), file.Length, content, ct);
            if (uploaded.Succeeded)
            {
                return Results.Redirect($"/admin/registers?done={Uri.EscapeDataString(uploaded.Value.Key)}");
            }
            var failure = uploaded.Failure;
            if (failure.Kind == FailureKind.Forbidden)
            {
                return await PageErrors.ResultAsync(http, failure);
            }
            errors.Add(failure.Errors.ContainsKey("date")
                ? new FieldError("snapshot-date-day", "The date must be today or in the past")
                : new FieldError("snapshot", failure.Kind == FailureKind.TooLarge ? "The selected file must be smaller than 64 MB" : failure.Detail));
        }
        return await ViewAsync(http, actor, list, register, parts, errors, null, ct);
    }
}
