using System.Globalization;
using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary><c>GET /api/suppliers/{id}/attestations</c>: a supplier's attestations in every status, filtered.</summary>
public static class ListSupplierAttestations
{
    /// <summary>Longest look-ahead for <c>expiringWithinDays</c> (ten years).</summary>
    public const int MaxExpiringWithinDays = 3650;

    public sealed record SupplierAttestations(string SupplierId, IReadOnlyList<Attestation> Attestations);

    public static RouteHandlerBuilder MapListSupplierAttestations(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/suppliers/{id}/attestations", HandleAsync)
            .WithName("ListSupplierAttestations")
            .WithTags("Attestations")
            .WithSummary("Lists a supplier's attestations by id. status filters by one or more statuses (comma-separated, e.g. " +
                "status=draft,submitted); expiringWithinDays=N keeps those whose expiry date falls from today to N days ahead.")
            .AllowAttestationReaders("supplier");

    public static async Task<Results<Ok<SupplierAttestations>, ProblemHttpResult>> HandleAsync(
        string id, string? status, string? expiringWithinDays, ClaimsPrincipal user,
        AttestationStore store, CatalogueTables tables, TimeProvider time, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await tables.Organisations.FindAsync(id, ct) is not { Document: { Kind: OrganisationKind.Supplier } supplier })
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such supplier.", $"There is no supplier {id}.");
        }
        if (!AttestationAccess.MayRead(user.ToActor(), supplier))
        {
            return ProblemResults.Of(403, Problems.Forbidden, "Not yours to see.",
                $"{id}'s attestations are visible to it, validators of its associations, commissioners and admins.");
        }
        var errors = new Dictionary<string, string[]>();
        // The Functions host turns repeated query keys into one comma-separated value, so lists are always comma-separated.
        var statuses = (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (statuses.Except(AttestationWorkflow.Statuses).ToList() is { Count: > 0 } unknown)
        {
            errors["status"] = [$"Unknown status {string.Join(", ", unknown)}; use {string.Join(", ", AttestationWorkflow.Statuses)}."];
        }
        int? days = null;
        if (expiringWithinDays is not null)
        {
            if (int.TryParse(expiringWithinDays, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= MaxExpiringWithinDays)
            {
                days = parsed;
            }
            else
            {
                errors["expiringWithinDays"] = [$"A whole number of days from 0 to {MaxExpiringWithinDays}."];
            }
        }
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var found = new List<Attestation>();
        await foreach (var attestation in store.ListBySupplierAsync(id, ct))
        {
            if ((statuses.Count == 0 || statuses.Contains(attestation.Status))
                && (days is not { } d || (attestation.ExpiresOn is { } expires && expires >= today && expires <= today.AddDays(d))))
            {
                found.Add(attestation);
            }
        }
        return TypedResults.Ok(new SupplierAttestations(id, [.. found.OrderBy(a => a.Id, StringComparer.Ordinal)]));
    }
}
