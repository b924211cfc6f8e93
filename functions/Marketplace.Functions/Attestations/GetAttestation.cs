using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary><c>GET /api/attestations/{id}</c>: one attestation with its ETag, for those allowed to see it.</summary>
public static class GetAttestation
{
    public static RouteHandlerBuilder MapGetAttestation(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/attestations/{id}", HandleAsync)
            .WithName("GetAttestation")
            .WithTags("Attestations")
            .WithSummary("Returns one attestation and its ETag (send it as If-Match with a workflow action).")
            .AllowAttestationReaders("attestation");

    public static async Task<Results<Ok<Attestation>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, HttpResponse response, CancellationToken ct)
    {
        var (stored, problem) = await ReadAsync(id, user, store, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        Preconditions.SetETag(response, stored.ETag);
        return TypedResults.Ok(stored.Document);
    }

    /// <summary>The attestation if it exists (else 404) and the caller may read it (else 403).</summary>
    internal static async Task<(StoredDocument<Attestation>? Stored, ProblemHttpResult? Problem)> ReadAsync(
        string id, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await store.FindAsync(id, ct) is not { } stored)
        {
            return (null, AttestationProblems.NotFound(id));
        }
        var supplier = await tables.Organisations.FindAsync(stored.Document.SupplierId, ct);
        return supplier is not null && AttestationAccess.MayRead(user.ToActor(), supplier.Document)
            ? (stored, null)
            : (null, AttestationProblems.NotReadable(id));
    }
}
