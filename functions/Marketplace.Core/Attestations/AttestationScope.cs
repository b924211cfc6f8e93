using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>An attestation a caller may act on, with what the decision was made from.</summary>
public sealed record ScopedAttestation(StoredDocument<Attestation> Stored, AttestationContext Context)
{
    /// <summary>The attestation as stored.</summary>
    public Attestation Attestation => Stored.Document;
}

/// <summary>
/// The first two steps of every attestation use case, in this order: the attestation (or, to start one, the caller's
/// supplier) exists (404), then the caller's organisation may do this to it (403, decided by
/// <see cref="AttestationAccess"/>). Pages ask it before reading a form.
/// </summary>
public sealed class AttestationScope(IAttestationRecords records, IOrganisations organisations, IStandards standards)
{
    /// <summary>The attestation and its parties, or why not.</summary>
    public async Task<Outcome<ScopedAttestation>> OpenAsync(Actor actor, string id, AttestationOperation operation, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await records.FindAsync(id, ct) is not { } stored)
        {
            return Failure.NotFound("attestation", id);
        }
        var attestation = stored.Document;
        // The seed and the create rules guarantee both; a record naming neither is corrupt, not the caller's fault.
        var supplier = await organisations.FindAsync(attestation.SupplierId, ct)
            ?? throw new InvalidDataException($"Attestation {id} names supplier {attestation.SupplierId}, which is not in the organisations table.");
        var standard = await standards.FindAsync(attestation.StandardCode, ct)
            ?? throw new InvalidDataException($"Attestation {id} names standard {attestation.StandardCode}, which is not in the register.");
        var actorOrganisation = Ids.IsId(actor.OrganisationId) ? await organisations.FindAsync(actor.OrganisationId, ct) : null;
        var context = new AttestationContext(standard, supplier, actorOrganisation);
        return AttestationAccess.Refuse(actor, operation, attestation, context) is { } refused
            ? refused
            : new ScopedAttestation(stored, context);
    }

    /// <summary>
    /// As <see cref="OpenAsync"/>, then the precondition: 428 without If-Match, 412 when it is not the stored version.
    /// What every change to an attestation starts from; its <c>Stored.ETag</c> is then the version the write is based on.
    /// </summary>
    public async Task<Outcome<ScopedAttestation>> OpenToChangeAsync(Actor actor, string id, AttestationOperation operation, string? ifMatch, CancellationToken ct)
    {
        var scoped = await OpenAsync(actor, id, operation, ct);
        if (!scoped.Succeeded)
        {
            return scoped.Failure;
        }
        var version = Precondition.Require(ifMatch, scoped.Value.Stored.ETag);
        return version.Succeeded ? scoped : version.Failure;
    }

    /// <summary>
    /// The caller's own supplier, under which it starts attestations: 404 when its organisation is not in the
    /// marketplace, 403 when it is not a supplier (or the caller does not act for it as one).
    /// </summary>
    public async Task<Outcome<Organisation>> OpenOwnSupplierAsync(Actor actor, CancellationToken ct)
    {
        var own = actor.OrganisationId is { } organisationId ? await organisations.FindAsync(organisationId, ct) : null;
        if (own is null && actor.OrganisationId is not null)
        {
            return Failure.NotFound("organisation", actor.OrganisationId);
        }
        return AttestationAccess.RefuseStart(actor, own, offering: null) is { } refused ? refused : own!;
    }
}
