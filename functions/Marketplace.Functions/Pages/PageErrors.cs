using System.Diagnostics;
using Marketplace.Functions.Pages.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Pages;

/// <summary>Error pages in the design system's style: for a status alone, for a use case's refusal, or for an exception.</summary>
internal static class PageErrors
{
    public static async Task RenderAsync(HttpContext http, int status, string? title, string? detail)
    {
        var result = await ResultAsync(http, status, title, detail, lookUpOrganisation: false);
        await result.ExecuteAsync(http);
    }

    public static async Task<IResult> ResultAsync(HttpContext http, int status, string? title, string? detail, bool lookUpOrganisation = true)
    {
        var page = await PageContext.ForAsync(http, lookUpOrganisation);
        var correlationId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        return Views.Of<ErrorPage>(new ErrorPage.Model(page, status, title, detail, correlationId), status);
    }

    /// <summary>The page for a use case's refusal: its status by kind, its title and detail.</summary>
    public static Task<IResult> ResultAsync(HttpContext http, Failure failure) =>
        ResultAsync(http, OutcomeResults.StatusOf(failure.Kind), failure.Title, failure.Detail);
}

/// <summary>Renders a page component with its model.</summary>
internal static class Views
{
    public static IResult Of<TComponent>(object model, int status = StatusCodes.Status200OK) where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(new Dictionary<string, object?> { ["Data"] = model }) { StatusCode = status };
}
