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
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;

namespace Marketplace.Functions.Pages.Catalogue;

public partial class ComparePage
{
    public const int MaxOfferings = 4;

    private PageLabels Labels => Data.Labels;

    /// <summary>A declaration by the vocabulary's name, with its figure when measured: "Responder on site (45 minutes)".</summary>
    private static string Capability(CapabilityDeclaration declaration) =>
        Capabilities.Find(declaration.Capability) is { } definition
            ? declaration.Value is { } value && definition.Measure is { } measure ? $"{definition.Name} ({DeclaredCapabilities.Figure(value, measure)})" : definition.Name
            : declaration.Capability;

    private static string Join(IEnumerable<string> items) => items.ToList() is { Count: > 0 } list ? string.Join("; ", list) : "None";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/catalogue/compare", HandleAsync)
            .WithName("ComparePage")
            .WithSummary("Compares up to four offerings.")
            .AsWebPage()
            .AllowAnyone();

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, GetOffering getOffering, GetSupplierProfile getSupplierProfile, PageLabels labels,
        CancellationToken ct)
    {
        var page = await PageContext.ForAsync(http);
        // Repeated keys from the browser, or one comma-separated value through the Functions host.
        var ids = http.Request.Query["offering"].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        var errors = new List<FieldError>();
        if (ids.Count > MaxOfferings)
        {
            errors.Add(new FieldError("compare-caption", $"Choose up to {MaxOfferings} offerings to compare; you chose {ids.Count}. Go back and untick some."));
            return Views.Of<ComparePage>(new Model(page, [], errors, labels), StatusCodes.Status400BadRequest);
        }
        var found = new List<OfferingDetails>();
        foreach (var id in ids)
        {
            var details = await OfferingDetails.LoadAsync(id, actor, getOffering, getSupplierProfile, ct);
            if (details.Offering is null)
            {
                errors.Add(new FieldError("compare-caption", $"There is no offering {id}."));
            }
            else
            {
                found.Add(details);
            }
        }
        return Views.Of<ComparePage>(new Model(page, found, errors, labels), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
