using Marketplace.Core.Outcomes;
using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>What a caller asks to do with one attestation.</summary>
public enum AttestationOperation
{
    /// <summary>Read it, its history or its evidence.</summary>
    Read,
    /// <summary>Add an evidence file.</summary>
    UploadEvidence,
    /// <summary>Submit it for validation.</summary>
    Submit,
    /// <summary>Withdraw a submission.</summary>
    Withdraw,
    /// <summary>Validate it.</summary>
    Validate,
    /// <summary>Reject it.</summary>
    Reject,
    /// <summary>Revoke a validation.</summary>
    Revoke,
    /// <summary>Mark it expired (the app's own nightly job).</summary>
    Expire,
}

/// <summary>
/// Who may see and decide a supplier's attestations: the one organisation-scope decision every attestation use case
/// asks, after the resource is found and before anything else (so another organisation learns nothing from 428, 409 or 412).
/// </summary>
public static class AttestationAccess
{
    /// <summary>The operation a workflow action is.</summary>
    public static AttestationOperation OperationOf(AttestationAction action) => action switch
    {
        AttestationAction.Submit => AttestationOperation.Submit,
        AttestationAction.Withdraw => AttestationOperation.Withdraw,
        AttestationAction.Validate => AttestationOperation.Validate,
        AttestationAction.Reject => AttestationOperation.Reject,
        AttestationAction.Revoke => AttestationOperation.Revoke,
        _ => AttestationOperation.Expire,
    };

    /// <summary>Why <paramref name="actor"/> may not do <paramref name="operation"/> to <paramref name="attestation"/>, or null when they may.</summary>
    public static string? WhyNot(Actor actor, AttestationOperation operation, Attestation attestation, AttestationContext context) => operation switch
    {
        AttestationOperation.Read => MayRead(actor, context.Supplier) ? null
            : $"Attestation {attestation.Id} is visible to its supplier, validators of the supplier's associations, commissioners and admins.",
        AttestationOperation.UploadEvidence => IsOwner(actor, attestation.SupplierId) ? null
            : $"Only {attestation.SupplierId}'s own users upload evidence to its attestations.",
        AttestationOperation.Submit or AttestationOperation.Withdraw => IsOwner(actor, attestation.SupplierId) ? null
            : $"Only {attestation.SupplierId}'s own users may {Name(operation)} its attestations.",
        AttestationOperation.Validate or AttestationOperation.Reject or AttestationOperation.Revoke =>
            MayDecide(actor, context.ActorOrganisation, context.Supplier, context.Standard) ? null
            : $"Only a validator of an association that {attestation.SupplierId} belongs to, and whose remit covers {attestation.StandardCode} " +
              $"({string.Join(", ", context.Standard.ValidatingAssociations)}), may {Name(operation)} this attestation.",
        _ => "Attestations expire on their own; nobody expires one by hand.",
    };

    /// <summary>The 403 for <see cref="WhyNot"/>, or null when the caller may.</summary>
    public static Failure? Refuse(Actor actor, AttestationOperation operation, Attestation attestation, AttestationContext context) =>
        WhyNot(actor, operation, attestation, context) is { } why
            ? Failure.Forbidden(operation == AttestationOperation.Read ? "Not yours to see." : "Not allowed.", why)
            : null;

    /// <summary>A supplier's attestations as a whole (listing them) are visible to the same readers as each one.</summary>
    public static Failure? RefuseList(Actor actor, Organisation supplier) =>
        MayRead(actor, supplier) ? null
            : Failure.Forbidden("Not yours to see.", $"{supplier.Id}'s attestations are visible to it, validators of its associations, commissioners and admins.");

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

    /// <summary>An association's queue is for its own validators and admins.</summary>
    public static Failure? RefuseQueue(Actor actor, Organisation association) =>
        MayReadQueue(actor, association.Id) ? null
            : Failure.Forbidden("Not your association's queue.", $"Only {association.Name}'s validators (and admins) see its queue.");

    private static string Name(AttestationOperation operation) => operation.ToString().ToLowerInvariant();

    /// <summary>
    /// The supplier itself, validators of the associations it belongs to, commissioners (who rely on them) and admins.
    /// Other suppliers and other associations may not.
    /// </summary>
    public static bool MayRead(Actor actor, Organisation supplier) =>
        actor.Has(MarketplaceRole.Admin)
        || actor.Has(MarketplaceRole.Commissioner)
        || actor.ActsFor(supplier.Id, MarketplaceRole.Supplier)
        || (actor.Has(MarketplaceRole.Association) && actor.OrganisationId is { } association && supplier.Memberships.Contains(association, StringComparer.Ordinal));

    /// <summary>Only the supplier's own users change its attestations and upload its evidence.</summary>
    public static bool IsOwner(Actor actor, string supplierId) => actor.ActsFor(supplierId, MarketplaceRole.Supplier);

    /// <summary>
    /// An association's remit: the standard is on the association's <c>validates</c> list and the standard names the
    /// association among its <c>validatingAssociations</c>. They are two views of one relation; both must agree.
    /// </summary>
    public static bool Covers(Organisation association, Standard standard) =>
        association.Kind == OrganisationKind.Association
        && association.Validates.Contains(standard.Code, StringComparer.Ordinal)
        && standard.ValidatingAssociations.Contains(association.Id, StringComparer.Ordinal);

    /// <summary>
    /// Only a member's own association decides (DOMAIN.md): the caller is a validator of an association the supplier
    /// belongs to, and the standard is in that association's remit.
    /// </summary>
    public static bool MayDecide(Actor actor, Organisation? actorOrganisation, Organisation supplier, Standard standard) =>
        actorOrganisation is not null
        && actor.ActsFor(actorOrganisation.Id, MarketplaceRole.Association)
        && supplier.Memberships.Contains(actorOrganisation.Id, StringComparer.Ordinal)
        && Covers(actorOrganisation, standard);

    /// <summary>A submitted attestation of one of the association's members, for a standard in its remit.</summary>
    public static bool AwaitsDecisionBy(Attestation attestation, Organisation supplier, Standard standard, Organisation association) =>
        attestation.Status == AttestationStatus.Submitted
        && attestation.SupplierId == supplier.Id
        && supplier.Memberships.Contains(association.Id, StringComparer.Ordinal)
        && Covers(association, standard);

    /// <summary>An association's queue is for its own validators (and admins).</summary>
    public static bool MayReadQueue(Actor actor, string associationId) =>
        actor.Has(MarketplaceRole.Admin) || actor.ActsFor(associationId, MarketplaceRole.Association);
}
