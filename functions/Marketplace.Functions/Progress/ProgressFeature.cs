using Marketplace.Core.Catalogue;
using Marketplace.Core.Progress;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Background;
using Marketplace.Storage;
using Marketplace.Storage.Progress;

namespace Marketplace.Functions.Progress;

/// <summary>Progress figures: the counters and what keeps them current, the open data, and (in Pages) the progress pages.</summary>
public static class ProgressFeature
{
    /// <summary>Call after the storage and shortlisting features: it wraps their search-update and shortlist stores.</summary>
    public static WebApplicationBuilder AddProgress(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IAggregateStore, TableAggregates>();
        services.AddSingleton<IAwardRecords, TableAwardRecords>();
        services.AddSingleton<AggregateUpdateQueue>();
        services.AddSingleton<UpdateAggregates>();
        services.AddSingleton<Core.Progress.ReconcileAggregates>();
        services.AddSingleton<ReadProgress>();
        services.AddSingleton<ReadCommissionerProgress>();
        services.AddSingleton<ReadAssociationProgress>();
        // The counters hear of the same writes search does (listings, attestation decisions) and of every award saved.
        Decorate<ISearchIndexUpdates>(services, (inner, sp) => new AggregatesFollowOfferings(inner, sp.GetRequiredService<AggregateUpdateQueue>()));
        Decorate<ICommissionerRecords<ShortlistDocument>>(services, (inner, sp) => new AggregatesFollowAwards(inner, sp.GetRequiredService<AggregateUpdateQueue>()));
        services.AddSingleton(sp => UpdateAggregatesFunction.Define(sp.GetRequiredService<StorageNames>()));
        services.AddSingleton(_ => ReconcileAggregatesFunction.Define());
        return builder;
    }

    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder app)
    {
        app.MapOpenData();
        return app;
    }

    private static void Decorate<TService>(IServiceCollection services, Func<TService, IServiceProvider, TService> wrap) where TService : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(registered);
        services.AddSingleton(sp => wrap((TService)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)), sp));
    }
}
