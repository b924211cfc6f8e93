using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;

namespace Marketplace.Functions.Pages.Supplier;

public partial class ListingsPage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/supplier/listings", HandleAsync).WithName("SupplierListingsPage").WithSummary("The supplier's listings.").AsWebPage()
            .AllowRoles(MarketplaceRole.Supplier);

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, GetSupplierProfile getSupplierProfile, PageLabels labels,
        string? added, string? changed, string? retired, CancellationToken ct)
    {
        var (profile, refusal) = await SupplierPages.ProfileAsync(http, actor, getSupplierProfile, ct);
        if (profile is null)
        {
            return refusal!;
        }
        string? Name(string? id) => profile.Offerings.FirstOrDefault(o => o.Id == id)?.Name ?? id;
        var done = added is not null ? $"{Name(added)} is listed and searchable now."
            : changed is not null ? $"Your changes to {Name(changed)} are saved."
            : retired is not null ? $"Listing {retired} is retired and has left search."
            : null;
        return Views.Of<ListingsPage>(new Model(await PageContext.ForAsync(http), profile, done, labels));
    }
}
