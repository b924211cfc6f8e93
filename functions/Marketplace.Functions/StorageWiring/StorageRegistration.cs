using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Storage.Queues;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Hosting;
using Marketplace.Storage;
using Marketplace.Storage.Access;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Storage.Search;
using Marketplace.Storage.Shortlisting;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.StorageWiring;

/// <summary>
/// Table, Blob and Queue clients from configuration: a connection string locally (Azurite), or the account's
/// endpoints and the app's managed identity in Azure. One client per service, registered once.
/// </summary>
public static class StorageRegistration
{
    public static WebApplicationBuilder AddMarketplaceStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(StorageOptions.Section);
        services.AddOptions<StorageOptions>().Bind(section).ValidateOnStartWith<StorageOptions, StorageOptionsValidator>();
        var storage = section.Get<StorageOptions>() ?? new StorageOptions();
        var search = builder.Configuration.GetSection(CatalogueSearchOptions.Section).Get<CatalogueSearchOptions>() ?? new CatalogueSearchOptions();
        services.AddOptions<CatalogueSearchOptions>().Bind(builder.Configuration.GetSection(CatalogueSearchOptions.Section))
            .Validate(o => o.Provider != SearchProvider.AzureAISearch || o.Endpoint is not null, "Search:Endpoint is required for Azure AI Search.")
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                clients.AddTableServiceClient(storage.ConnectionString);
                clients.AddBlobServiceClient(storage.ConnectionString);
                clients.AddQueueServiceClient(storage.ConnectionString).ConfigureOptions(UseHostQueueEncoding);
            }
            else if (storage.TableUri is not null && storage.BlobUri is not null && storage.QueueUri is not null)
            {
                clients.AddTableServiceClient(storage.TableUri);
                clients.AddBlobServiceClient(storage.BlobUri);
                clients.AddQueueServiceClient(storage.QueueUri).ConfigureOptions(UseHostQueueEncoding);
            }
            if (search.Provider == SearchProvider.AzureAISearch && search.Endpoint is not null)
            {
                var endpoint = search.Endpoint;
                clients.AddClient<SearchIndexClient, SearchClientOptions>((options, credential, _) => new SearchIndexClient(endpoint, credential, options));
            }
            // Managed identity in Azure (AZURE_CLIENT_ID picks a user-assigned one); unused with a connection string, so
            // the credential chain is built only when a token is first needed.
            clients.UseCredential(new DeferredCredential(() => new DefaultAzureCredential()));
            clients.ConfigureDefaults(options =>
            {
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 3;
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
            });
        });

        services.AddSingleton(new StorageNames(builder.Configuration["Storage:NamePrefix"]));
        services.AddSingleton<StorageProvisioner>();
        services.AddHostedService<ProvisionStorageInBackground>();
        services.AddSingleton<CatalogueTables>();
        services.AddSingleton<TableReferenceData>();
        services.AddSingleton<IOrganisations>(sp => sp.GetRequiredService<TableReferenceData>());
        services.AddSingleton<IFrameworks>(sp => sp.GetRequiredService<TableReferenceData>());
        services.AddSingleton<IStandards>(sp => sp.GetRequiredService<TableReferenceData>());
        services.AddSingleton<CatalogueImport>();
        services.AddSingleton<ShortlistingTables>();
        services.AddOptions<ShortlistingOptions>().Bind(builder.Configuration.GetSection(ShortlistingOptions.Section)).ValidateOnStartWith<ShortlistingOptions, ShortlistingOptionsValidator>();
        services.AddSingleton<CandidateProjection>();
        services.AddSingleton<IOfferingSearchSource, TableOfferingSearchSource>();
        services.AddSingleton<ISearchIndexUpdates, SearchIndexUpdates>();
        services.AddSingleton<IOrganisationMemberships, TableOrganisationMemberships>();

        if (search.Provider == SearchProvider.AzureAISearch)
        {
            services.AddSingleton(sp => new AzureSearchCatalogueIndex(
                sp.GetRequiredService<SearchIndexClient>(),
                sp.GetRequiredService<IOptions<CatalogueSearchOptions>>().Value.IndexName));
            services.AddSingleton<ICatalogueIndex>(sp => sp.GetRequiredService<AzureSearchCatalogueIndex>());
            services.AddSingleton<ICatalogueSearch>(sp => sp.GetRequiredService<AzureSearchCatalogueIndex>());
        }
        else
        {
            services.AddSingleton(sp => new LuceneCatalogueIndex(ResolvePath(builder.Environment, search.LucenePath)));
            services.AddSingleton<ICatalogueIndex>(sp => sp.GetRequiredService<LuceneCatalogueIndex>());
            services.AddSingleton<ICatalogueSearch>(sp => sp.GetRequiredService<LuceneCatalogueIndex>());
            services.AddSingleton<ICatalogueIndexGeneration>(sp => sp.GetRequiredService<LuceneCatalogueIndex>());
        }
        return builder;
    }

    // The Functions host's queue trigger reads base64 messages by default, so everything we enqueue is base64 too.
    private static void UseHostQueueEncoding(QueueClientOptions options) => options.MessageEncoding = QueueMessageEncoding.Base64;

    private static string? ResolvePath(IHostEnvironment environment, string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path, environment.ContentRootPath);
}
