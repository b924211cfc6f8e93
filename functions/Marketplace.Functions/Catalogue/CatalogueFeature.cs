using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Search;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Catalogue;

/// <summary>The catalogue's use cases and the stores they use (the one catalogue file that knows storage).</summary>
public static class CatalogueFeature
{
    /// <summary>The catalogue's use cases and the storage adapters behind their ports.</summary>
    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IOfferings, TableOfferings>();
        services.AddSingleton<ISupplierAttestations, TableSupplierAttestations>();
        services.AddSingleton<CachedCatalogueLabels>();
        services.AddSingleton<ICatalogueLabels>(sp => sp.GetRequiredService<CachedCatalogueLabels>());
        services.AddScoped<CreateOffering>();
        services.AddScoped<GetOffering>();
        services.AddScoped<ReplaceOffering>();
        services.AddScoped<RetireOffering>();
        services.AddScoped<GetSupplierProfile>();
        services.AddScoped<UploadCapabilityEvidence>();
        services.AddScoped<OpenCapabilityEvidence>();
        services.AddScoped<SuggestCapabilities>();
        services.AddScoped<SearchCatalogue>();
        services.AddSingleton(sp => new SearchResponseCache(sp.GetService<ICatalogueIndexGeneration>(),
            sp.GetRequiredService<IOptions<CatalogueSearchOptions>>().Value.ResultCacheMegabytes * 1024L * 1024,
            sp.GetRequiredService<ILogger<SearchResponseCache>>()));
        return builder;
    }
}
