using System.Globalization;
using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>A supplier's attestations, in id order.</summary>
public sealed record SupplierAttestations(string SupplierId, IReadOnlyList<Attestation> Attestations);

/// <summary>A supplier's attestations in every status, filtered by status and coming expiry.</summary>
public sealed class ListSupplierAttestations(IAttestationRecords records, IOrganisations organisations, TimeProvider clock)
{
    /// <summary>Longest look-ahead for <c>expiringWithinDays</c> (ten years).</summary>
    public const int MaxExpiringWithinDays = 3650;

    /// <summary>
    /// The supplier's attestations: <paramref name="status"/> keeps one or more statuses (comma-separated);
    /// <paramref name="expiringWithinDays"/> keeps those whose expiry date falls from today to that many days ahead.
    /// 404 for no such supplier, 403 for a caller who may not see them, 400 naming each filter at fault.
    /// </summary>
    public async Task<Outcome<SupplierAttestations>> RunAsync(Actor actor, string supplierId, string? status, string? expiringWithinDays, CancellationToken ct)
    {
        if (!Ids.IsId(supplierId) || await organisations.FindAsync(supplierId, ct) is not { Kind: OrganisationKind.Supplier } supplier)
        {
            return Failure.NotFound("supplier", supplierId);
        }
        if (AttestationAccess.RefuseList(actor, supplier) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
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
            return Failure.Invalid(errors);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = new List<Attestation>();
        await foreach (var attestation in records.ListBySupplierAsync(supplierId, ct))
        {
            if ((statuses.Count == 0 || statuses.Contains(attestation.Status))
                && (days is not { } d || (attestation.ExpiresOn is { } expires && expires >= today && expires <= today.AddDays(d))))
            {
                found.Add(attestation);
            }
        }
        return new SupplierAttestations(supplierId, [.. found.OrderBy(a => a.Id, StringComparer.Ordinal)]);
    }
}
