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

public partial class StandardsPage
{
    public static string RouteInWords(string route) => route switch
    {
        VerificationRoute.Certifier => "Certified by an independent body",
        VerificationRoute.Register => "Checked against the public register",
        VerificationRoute.BuyerAssessed => "Assessed by the buyer",
        VerificationRoute.Declaration => "Declared by the supplier",
        _ => route,
    };

    public static string ValidityInWords(ValidityRule rule) => rule.Kind switch
    {
        ValidityKind.Months when rule.Months is int months && months % 12 == 0 => months == 12 ? "12 months" : $"{months / 12} years",
        ValidityKind.Months => $"{rule.Months} months",
        ValidityKind.PerRelease => "Until the product release or version changes",
        ValidityKind.WhileRegistered => "While registered",
        ValidityKind.EditionBound => "For the edition of the standard declared",
        ValidityKind.OpenEnded => "Open-ended",
        _ => rule.Kind,
    };

    private static string NationName(string nation) => nation switch
    {
        Nation.England => "England",
        Nation.Scotland => "Scotland",
        Nation.Wales => "Wales",
        Nation.NorthernIreland => "Northern Ireland",
        _ => nation,
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/standards", HandleAsync).WithName("StandardsPage").WithSummary("The standards register: how each standard is confirmed.")
            .AsWebPage()
            .AllowAnyone();

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, ReadStandardsRegister read, CancellationToken ct)
    {
        var register = await read.RunAsync(actor, ct);
        if (!register.Succeeded)
        {
            return await PageErrors.ResultAsync(http, register.Failure);
        }
        return Views.Of<StandardsPage>(new Model(await PageContext.ForAsync(http), register.Value));
    }
}
