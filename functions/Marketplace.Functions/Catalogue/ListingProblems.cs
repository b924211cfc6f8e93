using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Functions.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Catalogue;

/// <summary>Maps the listing rules' refusals to problem answers.</summary>
internal static class ListingProblems
{
    public static string? OrganisationOf(ClaimsPrincipal user) => user.FindFirstValue(MarketplaceClaimTypes.OrganisationId);

    public static ProblemHttpResult For(ListingDecision decision, string offeringId) => decision switch
    {
        ListingDecision.NotFound => ProblemResults.Of(404, Problems.Problems.NotFound, "No such offering.", $"There is no offering {offeringId}."),
        ListingDecision.NotOwner => ProblemResults.Of(403, Problems.Problems.Forbidden, "Not your listing.",
            $"Offering {offeringId} belongs to another supplier; only its own supplier's users may change it."),
        ListingDecision.Retired => ProblemResults.Of(409, Problems.Problems.Conflict, "The offering is retired.",
            $"Offering {offeringId} has been retired; retired listings are kept unchanged as history. List a new offering instead.",
            new Dictionary<string, object?> { ["offeringStatus"] = OfferingStatus.Retired }),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a refusal."),
    };
}
