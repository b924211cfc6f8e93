using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Http;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary>Maps the listing rules' refusals to problem answers.</summary>
internal static class ListingProblems
{
    public static string? OrganisationOf(ClaimsPrincipal user) => user.FindFirstValue(MarketplaceClaimTypes.OrganisationId);

    /// <summary>
    /// The shared start of every change to a listing: If-Match present (428), offering found (404), owned by the
    /// caller's organisation (403) and still active (409). On success, the stored offering and the If-Match value.
    /// </summary>
    public static Task<(StoredDocument<Offering>? Current, string IfMatch, ProblemHttpResult? Problem)> LoadForChangeAsync(
        string id, ClaimsPrincipal user, HttpRequest request, CatalogueTables tables, CancellationToken ct) =>
        LoadForChangeAsync(id, user, request.Headers.IfMatch.ToString(), tables, ct);

    /// <inheritdoc cref="LoadForChangeAsync(string, ClaimsPrincipal, HttpRequest, CatalogueTables, CancellationToken)"/>
    public static async Task<(StoredDocument<Offering>? Current, string IfMatch, ProblemHttpResult? Problem)> LoadForChangeAsync(
        string id, ClaimsPrincipal user, string? ifMatchValue, CatalogueTables tables, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(ifMatchValue, out var ifMatch, out var missing))
        {
            return (null, "", missing);
        }
        var current = await tables.Offerings.FindAsync(id, ct);
        var decision = ListingRules.Decide(current?.Document, OrganisationOf(user));
        return decision == ListingDecision.Allowed ? (current, ifMatch, null) : (null, ifMatch, For(decision, id));
    }

    public static string UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(MarketplaceClaimTypes.ObjectId) ?? "";

    public static ProblemHttpResult For(ListingDecision decision, string offeringId) => decision switch
    {
        ListingDecision.NotFound => ProblemResults.Of(404, Problems.NotFound, "No such offering.", $"There is no offering {offeringId}."),
        ListingDecision.NotOwner => ProblemResults.Of(403, Problems.Forbidden, "Not your listing.",
            $"Offering {offeringId} belongs to another supplier; only its own supplier's users may change it."),
        ListingDecision.Retired => ProblemResults.Of(409, Problems.Conflict, "The offering is retired.",
            $"Offering {offeringId} has been retired; retired listings are kept unchanged as history. List a new offering instead.",
            new Dictionary<string, object?> { ["offeringStatus"] = OfferingStatus.Retired }),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a refusal."),
    };
}
