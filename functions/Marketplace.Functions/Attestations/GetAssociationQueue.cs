using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary><c>GET /api/associations/{id}/queue</c>: the submitted attestations awaiting one association, oldest first.</summary>
public static class GetAssociationQueue
{
    public sealed record AssociationQueue(string AssociationId, IReadOnlyList<QueuedAttestation> Attestations);

    public sealed record QueuedAttestation(Attestation Attestation, string SupplierName, string StandardName);

    public static RouteHandlerBuilder MapGetAssociationQueue(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/associations/{id}/queue", HandleAsync)
            .WithName("GetAssociationQueue")
            .WithTags("Attestations")
            .WithSummary("Lists submitted attestations of the association's members for standards in its remit, oldest submission first.")
            .AllowRoles(MarketplaceRole.Association, MarketplaceRole.Admin)
            .ScopedToOrganisation("association",
                (MarketplaceRole.Association, OrganisationRelation.NamedAssociation),
                (MarketplaceRole.Admin, OrganisationRelation.AnyOrganisation));

    public static async Task<Results<Ok<AssociationQueue>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, AttestationStore store, CatalogueTables tables, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await tables.Organisations.FindAsync(id, ct) is not { Document: { Kind: OrganisationKind.Association } association })
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such association.", $"There is no association {id}.");
        }
        if (!AttestationAccess.MayReadQueue(user.ToActor(), id))
        {
            return ProblemResults.Of(403, Problems.Forbidden, "Not your association's queue.", $"Only {association.Name}'s validators (and admins) see its queue.");
        }
        var standards = new Dictionary<string, Standard>(StringComparer.Ordinal);
        await foreach (var standard in tables.Standards.ListAsync(null, ct))
        {
            standards[standard.Code] = standard;
        }
        var suppliers = new Dictionary<string, Organisation?>(StringComparer.Ordinal);
        var queued = new List<QueuedAttestation>();
        await foreach (var attestation in store.ListByStatusAsync(AttestationStatus.Submitted, ct))
        {
            if (!suppliers.TryGetValue(attestation.SupplierId, out var supplier))
            {
                supplier = suppliers[attestation.SupplierId] = (await tables.Organisations.FindAsync(attestation.SupplierId, ct))?.Document;
            }
            if (supplier is not null && standards.GetValueOrDefault(attestation.StandardCode) is { } standard
                && AttestationAccess.AwaitsDecisionBy(attestation, supplier, standard, association))
            {
                queued.Add(new QueuedAttestation(attestation, supplier.Name, standard.Name));
            }
        }
        // Submissions from before submittedAt was recorded (the seed) count as the oldest.
        return TypedResults.Ok(new AssociationQueue(id,
            [.. queued.OrderBy(q => q.Attestation.SubmittedAt ?? DateTimeOffset.MinValue).ThenBy(q => q.Attestation.Id, StringComparer.Ordinal)]));
    }
}
