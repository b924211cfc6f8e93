using System.Security.Claims;
using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Functions.Pages;

/// <summary>Who is signed in, as the header shows them.</summary>
public sealed record Viewer(string UserId, string DisplayName, MarketplaceRole? Role, string? OrganisationId, string? OrganisationName)
{
    public bool Is(MarketplaceRole role) => Role == role;
}

/// <summary>What every page needs besides its own model: the viewer, the antiforgery token for its forms, where it is.</summary>
public sealed record PageContext(Viewer? Viewer, string AntiforgeryField, string AntiforgeryToken, string Path, bool Development)
{
    /// <summary>The page's context; <paramref name="lookUpOrganisation"/> is false on error pages, which must not need storage.</summary>
    public static async Task<PageContext> ForAsync(HttpContext http, bool lookUpOrganisation = true)
    {
        var user = http.User;
        Viewer? viewer = null;
        if (user.Identity?.IsAuthenticated == true)
        {
            var actor = user.ToActor();
            MarketplaceRole? role = actor.Roles.Count > 0 ? actor.Roles.Min() : null;
            string? organisationName = null;
            if (lookUpOrganisation && Ids.IsId(actor.OrganisationId))
            {
                var organisations = http.RequestServices.GetRequiredService<IOrganisations>();
                organisationName = (await organisations.FindAsync(actor.OrganisationId, http.RequestAborted))?.Name;
            }
            viewer = new Viewer(actor.UserId, user.FindFirstValue("name") ?? actor.UserId, role, actor.OrganisationId, organisationName ?? actor.OrganisationId);
        }
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var development = http.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
        return new PageContext(viewer, tokens.FormFieldName, tokens.RequestToken ?? "", http.Request.Path + http.Request.QueryString, development);
    }
}

/// <summary>One field at fault: the id of its input (the error summary links to it) and what to do about it.</summary>
public sealed record FieldError(string FieldId, string Message);
