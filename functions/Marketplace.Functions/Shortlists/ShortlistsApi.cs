namespace Marketplace.Functions.Shortlists;

/// <summary>Shortlists: scored from a specification, locked, ended by a call-off outcome, exported as CSV or OCDS, with their audit trail.</summary>
public static class ShortlistsApi
{
    public static WebApplicationBuilder AddShortlists(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OcdsOptions>().Bind(builder.Configuration.GetSection(OcdsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapShortlists(this IEndpointRouteBuilder app)
    {
        app.MapCreateShortlist();
        app.MapGetShortlist();
        app.MapListCommissionerShortlists();
        app.MapLockShortlist();
        app.MapRecordShortlistOutcome();
        app.MapExportShortlist();
        app.MapVerifyShortlist();
        app.MapGetShortlistHistory();
        return app;
    }
}
