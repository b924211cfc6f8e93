using Marketplace.Functions.Pages.Admin;
using Marketplace.Functions.Pages.Association;
using Marketplace.Functions.Pages.Attestations;
using Marketplace.Functions.Pages.Certifier;
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Functions.Pages.Commissioner;
using Marketplace.Functions.Pages.Progress;
using Marketplace.Functions.Pages.SignIn;
using Marketplace.Functions.Pages.Supplier;
using Microsoft.AspNetCore.Diagnostics;

namespace Marketplace.Functions.Pages;

/// <summary>Marks an endpoint as a web page: its errors are HTML pages, and it is not part of the OpenAPI document.</summary>
public sealed record WebPageMetadata;

/// <summary>
/// The web pages: server-rendered HTML on the NHS.UK design system (Razor components rendered by
/// <c>RazorComponentResult</c>), each one a named minimal-API endpoint with its own access rule, so it is also a
/// function in the generated function.json set. Pages call the same handlers and stores as the API.
/// </summary>
public static class WebPages
{
    public static readonly WebPageMetadata Marker = new();

    public static WebApplicationBuilder AddMarketplacePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "marketplace_antiforgery";
            // Secure over HTTPS (in Azure, where the host's X-Forwarded-Proto says so); plain HTTP on a laptop still works.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.AddSingleton(_ => PageLabels.Load(Path.Combine(AppContext.BaseDirectory, "schemas", "vocabulary.schema.json")));
        // Registered before the problem-details handler, so that a failing page answers with the HTML error page.
        builder.Services.AddExceptionHandler<PageExceptionHandler>();
        return builder;
    }

    /// <summary>A web page: HTML errors, left out of the OpenAPI document (it documents the JSON API).</summary>
    public static TBuilder AsWebPage<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker).ExcludeFromDescription();

    /// <summary>
    /// Whether an answer should be an HTML page: the request reached a page, or it reached no endpoint at all outside
    /// <c>/api</c> and the browser asked for HTML. API routes keep answering problem+json.
    /// </summary>
    public static bool WantsPage(HttpContext context)
    {
        // The exception handler clears the endpoint before its handlers run; the feature keeps the one that failed.
        if ((context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) is { } endpoint)
        {
            return endpoint.Metadata.GetMetadata<WebPageMetadata>() is not null;
        }
        var request = context.Request;
        return !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    public static IEndpointRouteBuilder MapMarketplacePages(this IEndpointRouteBuilder app)
    {
        StaticAssets.Map(app);
        SignInPage.Map(app);
        SearchPage.Map(app);
        OfferingPage.Map(app);
        ComparePage.Map(app);
        StandardsPage.Map(app);
        OrganisationPage.Map(app);
        ListingsPage.Map(app);
        InvitationsPage.Map(app);
        InvitationPage.Map(app);
        ListingFormPage.Map(app);
        CapabilitiesPage.Map(app);
        AttestationsPage.Map(app);
        NewAttestationPage.Map(app);
        AttestationPage.Map(app);
        QueuePage.Map(app);
        AssociationPage.Map(app);
        ShortlistsPage.Map(app);
        SpecificationFormPage.Map(app);
        SpecificationPage.Map(app);
        ShortlistPage.Map(app);
        CompetitionPage.Map(app);
        ScoreResponsePage.Map(app);
        RegisterImportsPage.Map(app);
        ProgressPage.Map(app);
        CommissionerProgressPage.Map(app);
        AssociationProgressPage.Map(app);
        return app;
    }

    /// <summary>Bare error statuses (unknown page, 401/403 from sign-in): HTML pages for pages, problem details for the API.</summary>
    public static IApplicationBuilder UseMarketplaceStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (WantsPage(http))
            {
                await PageErrors.RenderAsync(http, http.Response.StatusCode, null, null);
                return;
            }
            // What UseStatusCodePages() does by default once AddProblemDetails is registered.
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
            {
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync($"Status Code: {http.Response.StatusCode}");
            }
        });
}

/// <summary>An exception on a page is the design system's error page (500, or 503 when storage or search is down).</summary>
public sealed partial class PageExceptionHandler(ILogger<PageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WebPages.WantsPage(httpContext) || httpContext.Response.HasStarted)
        {
            return false;
        }
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            Azure.RequestFailedException { Status: 0 or >= 500 } or HttpRequestException or TimeoutException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path, status);
        }
        await PageErrors.RenderAsync(httpContext, status, null, null);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed and answered {Status}")]
    private partial void LogUnhandled(Exception exception, string method, string path, int status);
}
