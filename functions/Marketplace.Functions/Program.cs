using Marketplace.Functions.Access;
using Marketplace.Functions.Administration;
using Marketplace.Functions.Assessments;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Background;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.FunctionMetadata;
using Marketplace.Functions.Health;
using Marketplace.Functions.Hosting;
using Marketplace.Functions.OpenApi;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Progress;
using Marketplace.Functions.Registers;
using Marketplace.Functions.Shortlisting;
using Marketplace.Functions.Http;
using Marketplace.Functions.Standards;
using Marketplace.Functions.StorageWiring;
using Marketplace.Functions.Validation;

var builder = WebApplication.CreateBuilder(args);
// Development no longer builds every registration's call site before the first answer (≈ 10 ms of each start, issue 15):
// ServiceRegistrationTests builds them for each environment instead. Scopes are still checked in Development.
builder.Host.UseDefaultServiceProvider((context, options) =>
{
    options.ValidateOnBuild = false;
    options.ValidateScopes = context.HostingEnvironment.IsDevelopment();
});
builder.UseHostingMode()
    .AddRequestCorrelation()
    .AddHostForwarding()
    .AddAbuseLimits()
    .AddMarketplaceStorage()
    .AddSharedKeyRing()
    .AddAttestations()
    .AddCatalogue()
    .AddAdministration()
    .AddAccess()
    .AddMarketplaceSignIn()
    .AddBackgroundFunctions()
    .AddShortlisting()
    .AddAssessments()
    .AddRegisters()
    // After storage and shortlisting: it wraps their search-update and shortlist stores.
    .AddProgress()
    // Before the problem-details setup: a failing page answers with an HTML error page, an API route with problem+json.
    .AddMarketplacePages();
builder.Services.AddMarketplaceProblemDetails();
builder.Services.AddWireJson();
builder.Services.AddMarketplaceOpenApi();
builder.Services.AddDocumentSchemas();
builder.Services.AddDependencyChecks();
builder.AddMarketplaceClock();
builder.Services.AddActors();
// Malformed bodies reach the exception handler, which names the problem, instead of a bare 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

builder.Services.ReadKeyRingOnFirstUse();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseRequestCorrelation();
app.UseExceptionHandler();
app.UseMarketplaceStatusCodePages();
app.UseAuthenticationOfCredentials();
app.UseAuthorization();
app.UseAbuseLimits();

var operations = app.MapFeature("", "Operations");
operations.MapReadiness();
operations.MapGetHealth();
operations.MapMarketplaceOpenApi();
app.MapAccess();
app.MapDevelopmentClock();
app.MapOpenIdConnectCallbacks();
app.MapCatalogue();
app.MapStandards();
app.MapAttestations();
app.MapAdministration();
app.MapShortlisting();
app.MapAssessments();
app.MapRegisters();
app.MapProgress();
app.MapFeature("", "Host invocations").MapBackgroundFunctions();
app.MapFeature("", "Pages").MapMarketplacePages();
app.BuildEndpointsOnce();

if (args is ["generate-function-json", var outputFolder, ..])
{
    // The request schemas load at a request's first use, not at start: a broken one fails the package here instead.
    _ = app.Services.GetRequiredService<Marketplace.Schemas.DocumentSchemas>();
    var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints);
    foreach (var path in FunctionTable.Write(FunctionTable.From(endpoints), outputFolder))
    {
        Console.WriteLine(path);
    }
    return;
}

if (args is ["seed", var seedFolder, ..])
{
    await CatalogueSeedCommand.RunAsync(app.Services, seedFolder);
    return;
}

if (args is ["create-search-index", ..])
{
    Environment.ExitCode = await CreateSearchIndexCommand.RunAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
    return;
}

app.Run();

/// <summary>The function app's entry point; public so tests can host it.</summary>
public partial class Program;
