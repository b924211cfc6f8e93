using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Who may see and change a commissioner's specifications and shortlists, decided once for every route in one order:
/// the record exists (404), the caller acts for its commissioner or is an Admin reading (403), and for a change the
/// version it is based on was sent (428) and is still the stored one (412).
/// </summary>
public sealed class CommissionerAccess(
    ICommissionerRecords<SpecificationDocument> specifications, ICommissionerRecords<ShortlistDocument> shortlists, IOrganisations organisations)
{
    /// <summary>The specification, for its owner.</summary>
    public Task<Outcome<StoredDocument<SpecificationDocument>>> SpecificationAsync(Actor actor, string id, CancellationToken ct) =>
        LoadAsync(specifications, actor, id, "specification", s => s.CommissionerId, ct);

    /// <summary>The shortlist, for its owner (or an Admin where the route lets one read).</summary>
    public Task<Outcome<StoredDocument<ShortlistDocument>>> ShortlistAsync(Actor actor, string id, CancellationToken ct) =>
        LoadAsync(shortlists, actor, id, "shortlist", s => s.CommissionerId, ct);

    /// <summary>The specification to change and the version the change is based on.</summary>
    public async Task<Outcome<(StoredDocument<SpecificationDocument> Current, string IfMatch)>> SpecificationForChangeAsync(
        Actor actor, string id, string? ifMatch, CancellationToken ct) => ForChange(await SpecificationAsync(actor, id, ct), ifMatch);

    /// <summary>The shortlist to change and the version the change is based on.</summary>
    public async Task<Outcome<(StoredDocument<ShortlistDocument> Current, string IfMatch)>> ShortlistForChangeAsync(
        Actor actor, string id, string? ifMatch, CancellationToken ct) => ForChange(await ShortlistAsync(actor, id, ct), ifMatch);

    /// <summary>The specification's audit trail.</summary>
    public async Task<Outcome<RecordHistory>> SpecificationHistoryAsync(Actor actor, string id, CancellationToken ct)
    {
        var found = await SpecificationAsync(actor, id, ct);
        return found.Succeeded ? new RecordHistory(id, await specifications.HistoryAsync(id, ct)) : found.Failure;
    }

    /// <summary>The shortlist's audit trail.</summary>
    public async Task<Outcome<RecordHistory>> ShortlistHistoryAsync(Actor actor, string id, CancellationToken ct)
    {
        var found = await ShortlistAsync(actor, id, ct);
        return found.Succeeded ? new RecordHistory(id, await shortlists.HistoryAsync(id, ct)) : found.Failure;
    }

    /// <summary>A commissioner's specifications, most recently changed first.</summary>
    public async Task<Outcome<IReadOnlyList<SpecificationDocument>>> SpecificationsOfAsync(Actor actor, string commissionerId, CancellationToken ct) =>
        await CommissionerAsync(actor, commissionerId, ct) is { } refused ? refused
            : Outcome.Of<IReadOnlyList<SpecificationDocument>>([.. (await specifications.OfCommissionerAsync(commissionerId, ct))
                .OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)]);

    /// <summary>A commissioner's shortlists, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<ShortlistDocument>>> ShortlistsOfAsync(Actor actor, string commissionerId, CancellationToken ct) =>
        await CommissionerAsync(actor, commissionerId, ct) is { } refused ? refused
            : Outcome.Of<IReadOnlyList<ShortlistDocument>>([.. (await shortlists.OfCommissionerAsync(commissionerId, ct))
                .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)]);

    /// <summary>The caller's own commissioner organisation (only commissioners specify and shortlist).</summary>
    public async Task<Outcome<Organisation>> OwnCommissionerAsync(Actor actor, CancellationToken ct) =>
        actor.OrganisationId is { } id && await organisations.FindAsync(id, ct) is { Kind: OrganisationKind.Commissioner } found
            ? found
            : Failure.Forbidden("Only commissioners specify and shortlist.", $"Your organisation ({actor.OrganisationId ?? "none"}) is not a commissioner in the marketplace.");

    private async Task<Failure?> CommissionerAsync(Actor actor, string commissionerId, CancellationToken ct) =>
        await organisations.FindAsync(commissionerId, ct) is not { Kind: OrganisationKind.Commissioner }
            ? Failure.NotFound("commissioner", commissionerId)
            : Refusal(actor, commissionerId, "list");

    private static async Task<Outcome<StoredDocument<T>>> LoadAsync<T>(
        ICommissionerRecords<T> records, Actor actor, string id, string what, Func<T, string> ownerOf, CancellationToken ct) where T : class
    {
        if (!Ids.IsId(id) || await records.FindAsync(id, ct) is not { } stored)
        {
            return Failure.NotFound(what, id);
        }
        return Refusal(actor, ownerOf(stored.Document), what) is { } refused ? refused : stored;
    }

    private static Outcome<(StoredDocument<T>, string)> ForChange<T>(Outcome<StoredDocument<T>> found, string? ifMatch)
    {
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var version = Precondition.Require(ifMatch, found.Value.ETag);
        return version.Succeeded ? (found.Value, version.Value) : version.Failure;
    }

    // An Admin reads any commissioner's records; the route's role rule decides where an Admin may come at all.
    private static Failure? Refusal(Actor actor, string commissionerId, string what) =>
        actor.Has(MarketplaceRole.Admin) && !actor.Has(MarketplaceRole.Commissioner) || actor.OrganisationId == commissionerId
            ? null
            : Failure.Forbidden($"This {what} belongs to another commissioner.", $"Only {commissionerId} can see or change it.");
}

/// <summary>A record's audit events, oldest first.</summary>
public sealed record RecordHistory(string Id, IReadOnlyList<Audit.AuditEvent> Events);
