using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Assessments;
using Marketplace.Functions.Access;
using Marketplace.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Assessments;

/// <summary>Buyer assessments: a commissioner's own DTAC or NICE ESF assessment of an offering version.</summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        var group = app.MapFeature("/api", "Assessments");
        group.MapPost("/offerings/{id}/assessments", RecordAsync)
            .WithName("RecordBuyerAssessment")
            .ValidateBodyAgainst("buyer-assessment-request.schema.json")
            .Accepts<BuyerAssessmentRequest>("application/json")
            .ProducesProblems(400, 403, 404, 409, 412, 428)
            .WithSummary("Records the caller's commissioner's own assessment of the offering's current product version against a buyer-assessed " +
                "standard: DTAC (pass or fail for clinical safety, data protection, technical security and interoperability, with notes; passes only " +
                "when all four pass) or NICE-ESF (tier A, B or C, met or not). 201 when new; replacing the commissioner's earlier assessment of the " +
                "same offering and standard needs If-Match with its ETag (428 without, 412 when stale). 409 when the offering is retired or its version " +
                "is no longer the productVersion sent. It counts only in this commissioner's shortlists, while the offering's version is unchanged. Audited.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("offering", (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation));
        group.MapGet("/offerings/{id}/assessments", ListAsync)
            .WithName("ListBuyerAssessments")
            .ProducesProblems(403, 404)
            .WithSummary("Lists buyer assessments of the offering, newest first: a commissioner sees its own; the offering's supplier sees every " +
                "commissioner's, with its name and outcome; an Admin sees all. Another supplier is refused (403).")
            .AllowRoles(MarketplaceRole.Commissioner, MarketplaceRole.Supplier, MarketplaceRole.Admin)
            .ScopedToOrganisation("offering", (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation),
                (MarketplaceRole.Supplier, OrganisationRelation.OwningSupplier), (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));
        group.MapPut("/offerings/{id}/assessments/{standardCode}/evidence/{fileName}", UploadEvidenceAsync)
            .WithName("UploadAssessmentEvidence")
            .ProducesProblems(400, 403, 404, 409, 411, 412, 413, 415, 428)
            .WithSummary("Attaches one evidence file to the caller's commissioner's own assessment of the offering against the standard, with " +
                "If-Match (the assessment's ETag): PDF, PNG or JPEG sniffed from its bytes, at most 20 MiB, Content-Length required, as for " +
                "attestation evidence. 409 before the assessment is recorded or when another file is attached; the same bytes again change nothing.")
            .AllowRoles(MarketplaceRole.Commissioner)
            .ScopedToOrganisation("offering", (MarketplaceRole.Commissioner, OrganisationRelation.AnyOrganisation));
        return app;
    }

    public static async Task<Results<Ok<BuyerAssessment>, ProblemHttpResult>> UploadEvidenceAsync(string id, string standardCode, string fileName,
        HttpRequest request, HttpResponse response, Actor actor, UploadAssessmentEvidence upload, CancellationToken ct) =>
        (await upload.RunAsync(actor, id, standardCode, fileName, request.ContentLength, request.Body, request.Headers.IfMatch.ToString(), ct)).ToOkWithETag(response);

    public static async Task<Results<Created<BuyerAssessment>, Ok<BuyerAssessment>, ProblemHttpResult>> RecordAsync(
        string id, JsonBody<JsonElement> body, Actor actor, RecordBuyerAssessment record, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var outcome = await record.RunAsync(actor, id, body.Value.Deserialize<BuyerAssessmentRequest>(JsonSerializerOptions.Web)!, request.Headers.IfMatch.ToString(), ct);
        if (!outcome.Succeeded)
        {
            return outcome.Failure.ToProblem();
        }
        var (stored, created) = outcome.Value;
        response.Headers.ETag = stored.ETag;
        return created
            ? TypedResults.Created($"/api/offerings/{id}/assessments", stored.Document)
            : TypedResults.Ok(stored.Document);
    }

    public static async Task<Results<Ok<IReadOnlyList<BuyerAssessment>>, ProblemHttpResult>> ListAsync(
        string id, Actor actor, ListBuyerAssessments list, CancellationToken ct) =>
        (await list.RunAsync(actor, id, ct)).ToResult(TypedResults.Ok);
}
