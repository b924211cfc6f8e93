using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Functions.Access;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary><c>GET /api/attestations/{id}/history</c>: every audit event of an attestation, oldest first.</summary>
public static class GetAttestationHistory
{
    public sealed record AttestationHistory(string AttestationId, IReadOnlyList<AuditEvent> Events);

    public static RouteHandlerBuilder MapGetAttestationHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/attestations/{id}/history", HandleAsync)
            .WithName("GetAttestationHistory")
            .WithTags("Attestations")
            .WithSummary("Returns the attestation's audit trail, oldest first: who did what, when, from which status to which, why, and evidence hashes.")
            .AllowAttestationReaders("attestation");

    public static async Task<Results<Ok<AttestationHistory>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, CancellationToken ct)
    {
        var (stored, problem) = await GetAttestation.ReadAsync(id, user, store, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        return TypedResults.Ok(new AttestationHistory(id, await store.HistoryAsync(id, ct)));
    }
}
