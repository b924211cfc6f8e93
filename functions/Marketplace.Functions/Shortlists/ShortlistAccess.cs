using System.Security.Claims;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Functions.Specifications;
using Marketplace.Storage;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Shortlists;

/// <summary>Loads a shortlist for its owning commissioner (or an Admin where the route allows one).</summary>
internal static class ShortlistAccess
{
    public static async Task<(StoredDocument<ShortlistDocument>? Stored, ProblemHttpResult? Problem)> LoadAsync(
        string id, ClaimsPrincipal user, ShortlistingTables tables, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await tables.Shortlists.FindAsync(id, ct) is not { } stored)
        {
            return (null, ProblemResults.Of(404, Problems.NotFound, "No such shortlist.", $"There is no shortlist '{id}'."));
        }
        return SpecificationAccess.RequireOwner(user, stored.Document.CommissionerId, "shortlist") is { } forbidden ? (null, forbidden) : (stored, null);
    }

    /// <summary>The shortlist to change and the If-Match value sent with the change: 404/403 as for reading, then 428 without one.</summary>
    public static async Task<(StoredDocument<ShortlistDocument>? Stored, string IfMatch, ProblemHttpResult? Problem)> LoadForChangeAsync(
        string id, ClaimsPrincipal user, string? ifMatchValue, ShortlistingTables tables, CancellationToken ct)
    {
        var (stored, problem) = await LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return (null, "", problem);
        }
        return Preconditions.TryGetIfMatch(ifMatchValue, out var ifMatch, out var missing) ? (stored, ifMatch, null) : (null, "", missing);
    }

    /// <summary>A 409 problem with the domain's conflict code.</summary>
    public static ProblemHttpResult Conflict((string Code, string Detail) conflict, string title) =>
        ProblemResults.Of(409, Problems.Conflict, title, conflict.Detail, new Dictionary<string, object?> { ["reason"] = conflict.Code });
}
