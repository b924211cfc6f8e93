using Marketplace.Core.Access;
using Marketplace.Core.Registers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Registers;

/// <summary>A register the marketplace checks, and the columns its snapshot must have.</summary>
public sealed record RegisterView(string Register, string StandardCode, string Name, IReadOnlyList<string> Columns, string ReferenceColumn,
    string NameColumn, string StatusColumn, IReadOnlyList<string> CountingStatuses, string ReferenceExample, string ReferenceFormat, bool MatchesProductName)
{
    public static RegisterView Of(PublicRegister r) => new(r.Slug, r.StandardCode, r.Name, r.Columns, r.ReferenceColumn, r.NameColumn, r.StatusColumn,
        r.CountingStatuses, r.ReferenceExample, r.FormatRule, r.MatchesProductName);
}

/// <summary>Public-register checks over HTTP: Admins upload snapshots and follow their imports.</summary>
public static class RegistersApi
{
    public static IEndpointRouteBuilder MapRegisters(this IEndpointRouteBuilder app)
    {
        var api = app.MapFeature("/api", "Registers");

        api.MapGet("/registers", () => TypedResults.Ok(PublicRegisters.All.Select(RegisterView.Of).ToList()))
            .WithName("ListRegisters")
            .WithSummary("Admin only. The public registers checked (dspt, cqc, ico, mhra): the standard each confirms, the CSV columns a snapshot must have " +
                "(extra columns are ignored), which statuses count as registered, and the reference format.")
            .AllowRoles(MarketplaceRole.Admin);

        api.MapPut("/registers/{register}/snapshots/{date}", UploadAsync)
            .WithName("UploadRegisterSnapshot")
            .WithSummary("Admin only. Uploads a register's published CSV for one date (raw body, Content-Length required, at most 64 MiB; the same date " +
                "again replaces it) to the register-snapshots container as {register}/{date}.csv, and queues its import: 202 with the import's status. " +
                "The import checks the whole file first (UTF-8, the register's columns, each reference once) and refuses a malformed one without " +
                "changing anything; then verifies submitted attestations whose reference and name match, and lapses verified ones no longer registered.")
            .AllowRoles(MarketplaceRole.Admin);

        api.MapGet("/registers/imports", async (Actor actor, ListRegisterImports list, CancellationToken ct) => (await list.RunAsync(actor, ct)).ToResult(TypedResults.Ok))
            .WithName("ListRegisterImports")
            .WithSummary("Admin only. Every register snapshot import, newest snapshot first: register, snapshot date, file, status (queued, running, done, " +
                "refused with its message), rows read, attestations verified, reinstated and lapsed.")
            .AllowRoles(MarketplaceRole.Admin);
        return app;
    }

    private static async Task<Results<Accepted<RegisterImport>, ProblemHttpResult>> UploadAsync(string register, string date, HttpRequest request, Actor actor,
        UploadRegisterSnapshot upload, CancellationToken ct)
    {
        var outcome = await upload.RunAsync(actor, register, date, request.ContentLength, request.Body, ct);
        return outcome.Succeeded ? TypedResults.Accepted("/api/registers/imports", outcome.Value) : outcome.Failure.ToProblem();
    }
}
