using Marketplace.Core.CallOffs;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.CallOffs;
using Marketplace.Functions.Hosting;
using Marketplace.Storage.Shortlisting;

namespace Marketplace.Functions.Shortlisting;

/// <summary>Templates, specifications and shortlists: the use cases, the stores they use, and their routes.</summary>
public static class ShortlistingFeature
{
    public static WebApplicationBuilder AddShortlisting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OcdsOptions>().Bind(builder.Configuration.GetSection(OcdsOptions.Section)).ValidateOnStartWith<OcdsOptions, OcdsOptionsValidator>();
        services.AddSingleton<ITemplates>(sp => sp.GetRequiredService<ShortlistingTables>());
        services.AddSingleton<ICommissionerRecords<SpecificationDocument>>(sp =>
            new TableCommissionerRecords<SpecificationDocument>(sp.GetRequiredService<ShortlistingTables>().Specifications));
        services.AddSingleton<ICommissionerRecords<ShortlistDocument>>(sp =>
            new TableCommissionerRecords<ShortlistDocument>(sp.GetRequiredService<ShortlistingTables>().Shortlists));
        services.AddSingleton<IShortlistCandidates, ProjectedShortlistCandidates>();
        services.AddSingleton<CommissionerAccess>();
        services.AddSingleton<SpecificationCheck>();
        services.AddSingleton<Templates>();
        services.AddSingleton<CreateSpecification>();
        services.AddSingleton<ReplaceSpecification>();
        services.AddSingleton<CreateShortlist>();
        services.AddOptions<ShortlistAdmissionOptions>().Bind(builder.Configuration.GetSection(ShortlistAdmissionOptions.Section)).ValidateOnStartWith<ShortlistAdmissionOptions, ShortlistAdmissionOptionsValidator>();
        services.AddSingleton<ShortlistAdmission>();
        services.AddSingleton<LockShortlist>();
        services.AddSingleton<DecideEquivalent>();
        services.AddSingleton<RecordOutcome>();
        // Call-offs follow from a locked shortlist: its route, award checks and further competition.
        services.AddSingleton<ICommissionerRecords<Competition>>(sp => new TableCommissionerRecords<Competition>(sp.GetRequiredService<ShortlistingTables>().Competitions));
        services.AddSingleton<ICompetitionQueries, TableCompetitionQueries>();
        services.AddSingleton<CallOffRoutes>();
        services.AddSingleton<FurtherCompetitions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapShortlisting(this IEndpointRouteBuilder app)
    {
        app.MapTemplates();
        app.MapSpecifications();
        app.MapShortlists();
        app.MapCallOffs();
        return app;
    }
}
