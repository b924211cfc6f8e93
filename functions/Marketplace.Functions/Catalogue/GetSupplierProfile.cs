using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary><c>GET /api/suppliers/{id}</c>: a supplier's public profile: who they are, their associations, active offerings and standards held.</summary>
public static class GetSupplierProfile
{
    public sealed record SupplierProfile(
        Organisation Supplier,
        IReadOnlyList<AssociationMembership> Memberships,
        IReadOnlyList<OfferingSummary> Offerings,
        IReadOnlyList<StandardHeld> StandardsHeld);

    public sealed record AssociationMembership(string Id, string Name);

    public sealed record OfferingSummary(string Id, string Name, string Category, string Summary, OfferingPrice Price);

    /// <summary>A standard held through a validated, unexpired attestation, for the organisation or one offering.</summary>
    public sealed record StandardHeld(string Code, string Name, string? OfferingId, string? ValidatedBy, string? ValidatedByName, DateOnly? ExpiresOn);

    public static RouteHandlerBuilder MapGetSupplierProfile(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/suppliers/{id}", HandleAsync)
            .WithName("GetSupplierProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Catalogue")
            .WithSummary("Returns a supplier's profile, association memberships, active offerings and the standards it holds today.")
            .AllowAnyone();

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> HandleAsync(string id, CatalogueTables tables, TimeProvider time, CancellationToken ct)
    {
        if (await tables.Organisations.FindAsync(id, ct) is not { Document: { Kind: OrganisationKind.Supplier } supplier })
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such supplier.", $"There is no supplier {id}.");
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var filter = TableFilter.Equal("SupplierId", id);
        var offerings = new List<OfferingSummary>();
        await foreach (var offering in tables.Offerings.ListAsync($"{filter} and {TableFilter.Equal("Status", OfferingStatus.Active)}", ct))
        {
            offerings.Add(new OfferingSummary(offering.Id, offering.Name, offering.Category, offering.Summary, offering.Price));
        }
        var held = new List<Attestation>();
        await foreach (var attestation in tables.Attestations.ListAsync(filter, ct))
        {
            if (attestation.CountsOn(today))
            {
                held.Add(attestation);
            }
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organisationId in supplier.Memberships.Concat(held.Select(a => a.DecidedBy).OfType<string>()).Distinct())
        {
            names[organisationId] = (await tables.Organisations.FindAsync(organisationId, ct))?.Document.Name ?? organisationId;
        }
        var standards = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var standard in tables.Standards.ListAsync(null, ct))
        {
            standards[standard.Code] = standard.Name;
        }
        return TypedResults.Ok(new SupplierProfile(
            supplier,
            [.. supplier.Memberships.Select(m => new AssociationMembership(m, names[m]))],
            [.. offerings.OrderBy(o => o.Name, StringComparer.Ordinal)],
            [.. held.OrderBy(a => a.StandardCode, StringComparer.Ordinal).ThenBy(a => a.OfferingId, StringComparer.Ordinal)
                .Select(a => new StandardHeld(a.StandardCode, standards.GetValueOrDefault(a.StandardCode, a.StandardCode), a.OfferingId,
                    a.DecidedBy, a.DecidedBy is null ? null : names[a.DecidedBy], a.ExpiresOn))]));
    }
}
