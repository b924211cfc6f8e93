using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Http;
using Marketplace.Storage;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Specifications;

/// <summary>Who may see a commissioner's records, and how a specification is checked against its template and framework.</summary>
internal static class SpecificationAccess
{
    /// <summary>The caller's commissioner organisation, or a 403 when the caller acts for none.</summary>
    public static async Task<(Organisation? Commissioner, ProblemHttpResult? Problem)> CommissionerOfAsync(ClaimsPrincipal user, CatalogueTables tables, CancellationToken ct)
    {
        var organisationId = user.FindFirstValue(MarketplaceClaimTypes.OrganisationId);
        if (Ids.IsId(organisationId) && await tables.Organisations.FindAsync(organisationId!, ct) is { Document.Kind: OrganisationKind.Commissioner } found)
        {
            return (found.Document, null);
        }
        return (null, ProblemResults.Of(403, Problems.Forbidden, "Only commissioners specify and shortlist.",
            $"Your organisation ({organisationId ?? "none"}) is not a commissioner in the marketplace."));
    }

    /// <summary>403 unless the caller acts for <paramref name="commissionerId"/> (an Admin reads any).</summary>
    public static ProblemHttpResult? RequireOwner(ClaimsPrincipal user, string commissionerId, string what)
    {
        var roles = user.ToActor().Roles;
        if (roles.Contains(MarketplaceRole.Admin) && !roles.Contains(MarketplaceRole.Commissioner))
        {
            return null;
        }
        return user.FindFirstValue(MarketplaceClaimTypes.OrganisationId) == commissionerId
            ? null
            : ProblemResults.Of(403, Problems.Forbidden, $"This {what} belongs to another commissioner.",
                $"Only {commissionerId} can see or change it.");
    }

    /// <summary>404 unless <paramref name="id"/> is a commissioner organisation; else 403 unless the caller acts for it (an Admin reads any).</summary>
    public static async Task<ProblemHttpResult?> RequireCommissionerAsync(string id, ClaimsPrincipal user, CatalogueTables tables, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await tables.Organisations.FindAsync(id, ct) is not { Document.Kind: OrganisationKind.Commissioner })
        {
            return ProblemResults.Of(404, Problems.NotFound, "No such commissioner.", $"There is no commissioner '{id}'.");
        }
        return RequireOwner(user, id, "list");
    }

    /// <summary>The specification, if it exists and the caller owns it; else 404 or 403.</summary>
    public static async Task<(StoredDocument<SpecificationDocument>? Stored, ProblemHttpResult? Problem)> LoadAsync(
        string id, ClaimsPrincipal user, ShortlistingTables tables, CancellationToken ct)
    {
        if (!Ids.IsId(id) || await tables.Specifications.FindAsync(id, ct) is not { } stored)
        {
            return (null, ProblemResults.Of(404, Problems.NotFound, "No such specification.", $"There is no specification '{id}'."));
        }
        return RequireOwner(user, stored.Document.CommissionerId, "specification") is { } forbidden ? (null, forbidden) : (stored, null);
    }

    /// <summary>The specification to change and the If-Match value sent with the change: 404/403 as for reading, then 428 without one.</summary>
    public static async Task<(StoredDocument<SpecificationDocument>? Stored, string IfMatch, ProblemHttpResult? Problem)> LoadForChangeAsync(
        string id, ClaimsPrincipal user, string? ifMatchValue, ShortlistingTables tables, CancellationToken ct)
    {
        var (stored, problem) = await LoadAsync(id, user, tables, ct);
        if (stored is null)
        {
            return (null, "", problem);
        }
        return Preconditions.TryGetIfMatch(ifMatchValue, out var ifMatch, out var missing) ? (stored, ifMatch, null) : (null, "", missing);
    }

    /// <summary>
    /// The template version and framework a specification needs, and every problem with it by field (400): unknown
    /// template or version, a lot of no framework, and the template's rules (<see cref="SpecificationRules"/>).
    /// </summary>
    public static async Task<(KeyRequirementsTemplate? Template, Framework? Framework, ProblemHttpResult? Problem)> CheckAsync(
        Specification specification, ShortlistingTables shortlisting, CatalogueTables catalogue, CancellationToken ct)
    {
        var template = Ids.IsId(specification.TemplateId)
            ? (await shortlisting.Templates.FindAsync(ShortlistingTables.KeyOf(specification.TemplateId, specification.TemplateVersion), ct))?.Document
            : null;
        Framework? framework = null;
        await foreach (var candidate in catalogue.Frameworks.ListAsync(null, ct))
        {
            if (candidate.Lots.Any(l => l.Id == specification.LotId))
            {
                framework = candidate;
                break;
            }
        }
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string path, string message) => (errors.TryGetValue(path, out var list) ? list : errors[path] = []).Add(message);
        if (template is null)
        {
            var versions = Ids.IsId(specification.TemplateId) ? await shortlisting.VersionsOfAsync(specification.TemplateId, ct) : [];
            if (versions.Count == 0)
            {
                Add("templateId", $"there is no template '{specification.TemplateId}'");
            }
            else
            {
                Add("templateVersion", $"template '{specification.TemplateId}' has versions {string.Join(", ", versions.Select(v => v.Version))}");
            }
        }
        if (framework is null)
        {
            Add("lotId", $"'{specification.LotId}' is not a lot of any framework");
        }
        if (template is not null)
        {
            foreach (var error in SpecificationRules.Validate(specification, template, framework))
            {
                if (!(error.Path == "lotId" && framework is null))
                {
                    Add(error.Path, error.Message);
                }
            }
        }
        return errors.Count > 0
            ? (null, null, ProblemResults.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray())))
            : (template, framework, null);
    }
}
