using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>What a caller asks to do with one attestation: read it, add evidence to it, endorse it, or take a workflow action.</summary>
public readonly record struct AttestationOperation(string Name, AttestationAction? Action)
{
    /// <summary>Read it, its history or its evidence.</summary>
    public static readonly AttestationOperation Read = new("read", null);

    /// <summary>Add an evidence file.</summary>
    public static readonly AttestationOperation UploadEvidence = new("upload evidence to", null);

    /// <summary>An association vouches for a member's declaration.</summary>
    public static readonly AttestationOperation Endorse = new("endorse", null);

    /// <summary>Take a workflow action.</summary>
    public static AttestationOperation Of(AttestationAction action) => new(AttestationWorkflow.NameOf(action), action);
}

/// <summary>
/// Who may see and decide a supplier's attestations: the one organisation-scope decision every attestation use case
/// asks, after the resource is found and before anything else (so another organisation learns nothing from 428, 409 or 412).
/// Certification bodies decide (only the one the attestation names, for schemes it is accredited for); associations
/// read their members' attestations and vouch for their declarations, and decide nothing.
/// </summary>
public static class AttestationAccess
{
    /// <summary>Why <paramref name="actor"/> may not do <paramref name="operation"/> to <paramref name="attestation"/>, or null when they may.</summary>
    public static string? WhyNot(Actor actor, AttestationOperation operation, Attestation attestation, AttestationContext context) => operation.Action switch
    {
        null when operation == AttestationOperation.Read => MayRead(actor, context.Supplier, attestation) ? null
            : $"Attestation {attestation.Id} is visible to its supplier, the certification body it names, the supplier's associations, commissioners and admins.",
        null when operation == AttestationOperation.Endorse => MayEndorse(actor, context.Supplier) ? null
            : $"Only an association that {attestation.SupplierId} belongs to may endorse its declarations.",
        null => IsOwner(actor, attestation.SupplierId) ? null
            : $"Only {attestation.SupplierId}'s own users upload evidence to its attestations.",
        AttestationAction.Submit or AttestationAction.Withdraw => IsOwner(actor, attestation.SupplierId) ? null
            : $"Only {attestation.SupplierId}'s own users may {operation.Name} its attestations.",
        AttestationAction.Verify or AttestationAction.Reject or AttestationAction.Revoke =>
            MayDecide(actor, context.ActorOrganisation, attestation, context.Standard) ? null
            : $"Only the certification body this attestation names ({attestation.CertifierId ?? "none"}), accredited for {attestation.StandardCode}, may {operation.Name} it.",
        _ => "Attestations expire on their own; nobody expires one by hand.",
    };

    /// <summary>The 403 for <see cref="WhyNot"/>, or null when the caller may.</summary>
    public static Failure? Refuse(Actor actor, AttestationOperation operation, Attestation attestation, AttestationContext context) =>
        WhyNot(actor, operation, attestation, context) is { } why
            ? Failure.Forbidden(operation == AttestationOperation.Read ? "Not yours to see." : "Not allowed.", why)
            : null;

    /// <summary>A supplier's attestations as a whole (listing them) are visible to the supplier, its associations, commissioners and admins.</summary>
    public static Failure? RefuseList(Actor actor, Organisation supplier) =>
        MayReadAll(actor, supplier) ? null
            : Failure.Forbidden("Not yours to see.", $"{supplier.Id}'s attestations are visible to it, its associations, commissioners and admins.");

    /// <summary>
    /// Only a supplier's own users start its attestations, and only for its own offerings (<paramref name="offering"/>,
    /// when the claim names one that exists).
    /// </summary>
    public static Failure? RefuseStart(Actor actor, Organisation? actorOrganisation, Offering? offering) =>
        actorOrganisation is not { Kind: OrganisationKind.Supplier } || !IsOwner(actor, actorOrganisation.Id)
            ? Failure.Forbidden("Only suppliers attest.", $"Your organisation ({actor.OrganisationId ?? "none"}) is not a supplier in the marketplace.")
            : offering is not null && offering.SupplierId != actorOrganisation.Id
                ? Failure.Forbidden("Not allowed.", $"Offering {offering.Id} belongs to another supplier; attest only for your own offerings.")
                : null;

    /// <summary>A certification body's queue is for its own people and admins.</summary>
    public static Failure? RefuseQueue(Actor actor, Organisation certifier) =>
        MayReadQueue(actor, certifier.Id) ? null
            : Failure.Forbidden("Not your certification body's queue.", $"Only {certifier.Name}'s people (and admins) see its queue.");

    /// <summary>Every attestation of a supplier: the supplier itself, associations it belongs to (read only), commissioners and admins.</summary>
    public static bool MayReadAll(Actor actor, Organisation supplier) =>
        actor.Has(MarketplaceRole.Admin)
        || actor.Has(MarketplaceRole.Commissioner)
        || actor.ActsFor(supplier.Id, MarketplaceRole.Supplier)
        || IsMemberAssociation(actor, supplier);

    /// <summary>One attestation: those who may read all of the supplier's, and the certification body it names.</summary>
    public static bool MayRead(Actor actor, Organisation supplier, Attestation attestation) =>
        MayReadAll(actor, supplier)
        || (attestation.CertifierId is { } certifier && actor.ActsFor(certifier, MarketplaceRole.Certifier));

    /// <summary>Only the supplier's own users change its attestations and upload its evidence.</summary>
    public static bool IsOwner(Actor actor, string supplierId) => actor.ActsFor(supplierId, MarketplaceRole.Supplier);

    /// <summary>A certification body's accreditation covers the standard, which is one certification bodies confirm.</summary>
    public static bool Accredits(Organisation certifier, Standard standard) =>
        certifier.Kind == OrganisationKind.Certifier
        && standard.Route == VerificationRoute.Certifier
        && certifier.AccreditedFor.Contains(standard.Code, StringComparer.Ordinal);

    /// <summary>
    /// Only the certification body the attestation names decides it, and only while accredited for the standard:
    /// membership of any association plays no part (DOMAIN.md; Procurement Act 2023 s.56).
    /// </summary>
    public static bool MayDecide(Actor actor, Organisation? actorOrganisation, Attestation attestation, Standard standard) =>
        actorOrganisation is not null
        && actor.ActsFor(actorOrganisation.Id, MarketplaceRole.Certifier)
        && attestation.CertifierId == actorOrganisation.Id
        && Accredits(actorOrganisation, standard);

    /// <summary>An association the supplier belongs to vouches for its declarations (never a gate).</summary>
    public static bool MayEndorse(Actor actor, Organisation supplier) => IsMemberAssociation(actor, supplier);

    /// <summary>A submitted attestation naming the certification body, for a scheme it is accredited for.</summary>
    public static bool AwaitsDecisionBy(Attestation attestation, Standard standard, Organisation certifier) =>
        attestation.Status == AttestationStatus.Submitted
        && attestation.CertifierId == certifier.Id
        && Accredits(certifier, standard);

    /// <summary>A certification body's queue is for its own people (and admins).</summary>
    public static bool MayReadQueue(Actor actor, string certifierId) =>
        actor.Has(MarketplaceRole.Admin) || actor.ActsFor(certifierId, MarketplaceRole.Certifier);

    private static bool IsMemberAssociation(Actor actor, Organisation supplier) =>
        actor.Has(MarketplaceRole.Association) && actor.OrganisationId is { } association && supplier.Memberships.Contains(association, StringComparer.Ordinal);
}
