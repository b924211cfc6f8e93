using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary><c>GET /api/attestations/{id}/evidence/{fileName}</c>: a short-lived read-only link to one evidence file.</summary>
public static class GetEvidenceLink
{
    public static RouteHandlerBuilder MapGetEvidenceLink(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/attestations/{id}/evidence/{fileName}", HandleAsync)
            .WithName("GetEvidenceLink")
            .WithTags("Attestations")
            .WithSummary("Answers { url, expiresOn }: a read-only link to the evidence file, valid for at most 15 minutes.")
            .AllowAttestationReaders("attestation");

    public static async Task<Results<Ok<EvidenceLink>, ProblemHttpResult>> HandleAsync(
        string id, string fileName, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, EvidenceBlobs blobs, CancellationToken ct)
    {
        var (stored, problem) = await GetAttestation.ReadAsync(id, user, store, tables, ct);
        if (stored is null)
        {
            return problem!;
        }
        var name = Uri.UnescapeDataString(fileName);
        if (stored.Document.Evidence.FirstOrDefault(e => e.FileName == name) is not { } file)
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such evidence file.",
                $"Attestation {id} has no evidence file {name}; its files are: {string.Join(", ", stored.Document.Evidence.Select(e => e.FileName))}.");
        }
        return TypedResults.Ok(await blobs.ReadLinkAsync(EvidenceBlobs.PathOf(stored.Document.SupplierId, id, file.FileName), file.ContentType,
            EvidenceBlobs.MaxLinkLifetime, ct));
    }
}
