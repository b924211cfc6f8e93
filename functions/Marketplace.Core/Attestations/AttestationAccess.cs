using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Attestations;

/// <summary>What a caller asks to do with one attestation: read it, add evidence to it, or take a workflow action.</summary>
public readonly record struct AttestationOperation(string Name, AttestationAction? Action)
{
    /// <summary>Read it, its history or its evidence.</summary>
    public static readonly AttestationOperation Read = new("read", null);

    /// <summary>Add an evidence file.</summary>
    public static readonly AttestationOperation UploadEvidence = new("upload evidence to", null);

    /// <summary>Take a workflow action.</summary>
    public static AttestationOperation Of(AttestationAction action) => new(AttestationWorkflow.NameOf(action), action);
}

/// <summary>
/// Who may see and decide a supplier's attestations: the one organisation-scope decision every attestation use case
/// asks, after the resource is found and before anything else (so another organisation learns nothing from 428, 409 or 412).
/// </summary>
public static class AttestationAccess
{
    /// <summary>Why <paramref name="actor"/> may not do <paramref name="operation"/> to <paramref name="attestation"/>, or null when they may.</summary>
    public static string? WhyNot(Actor actor, AttestationOperation operation, Attestation attestation, AttestationContext context) => operation.Action switch
    {
        null when operation == AttestationOperation.Read => MayRead(actor, context.Supplier) ? null
            : $"Attestation {attestation.Id} is visible to its supplier, validators of the supplier's associations, commissioners and admins.",
        null => IsOwner(actor, attestation.SupplierId) ? null
            : $"Only {attestation.SupplierId}'s own users upload evidence to its attestations.",
        AttestationAction.Submit or AttestationAction.Withdraw => IsOwner(actor, attestation.SupplierId) ? null
            : $"Only {attestation.SupplierId}'s own users may {operation.Name} its attestations.",
        AttestationAction.Verify or AttestationAction.Reject or AttestationAction.Revoke =>
            MayDecide(actor, context.ActorOrganisation, context.Supplier, context.Standard) ? null
            : $"Only a validator of an association that {attestation.SupplierId} belongs to, and whose remit covers {attestation.StandardCode} " +
              $"({string.Join(", ", context.Standard.ValidatingAssociations)}), may {operation.Name} this attestation.",
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
