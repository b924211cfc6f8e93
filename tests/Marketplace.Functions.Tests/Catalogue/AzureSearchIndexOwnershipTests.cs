using System.Net;
using System.Text.Json;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Marketplace.Functions.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Catalogue;

/// <summary>
/// With Azure AI Search, the index definition belongs to the deployment (create-search-index, run by azd's
/// postprovision hook as the deploying user); the running app, whose identity has only Search Index Data
/// Contributor, writes documents and never the definition. Checked through the SDK's recorded transport.
/// </summary>
public sealed class AzureSearchIndexOwnershipTests
{
    private static readonly Dictionary<string, string?> AzureSearch = new()
    {
        ["Search:Provider"] = "AzureAISearch",
        ["Search:Endpoint"] = "https://srch-test.search.windows.net",
        ["Search:IndexName"] = "offerings",
    };

    private static (HttpStatusCode, string) Answer(RecordedRequest request) => request.Uri.AbsolutePath switch
    {
        var path when path.EndsWith("/docs/$count", StringComparison.Ordinal) => (HttpStatusCode.OK, "0"),
        var path when path.Contains("/docs", StringComparison.Ordinal) => (HttpStatusCode.OK, """{ "value": [] }"""),
        _ => (HttpStatusCode.Created, request.Body),
    };

    private static Action<IServiceCollection> Recorded(RecordingTransport transport) => services =>
    {
        var options = new SearchClientOptions { Transport = transport };
        options.Retry.MaxRetries = 0;
        // A key credential: the recorded transport answers, so no token is ever needed.
        services.AddSingleton(new SearchIndexClient(new Uri("https://srch-test.search.windows.net"), new AzureKeyCredential("not-a-real-key"), options));
    };

    [Fact]
    public async Task Create_search_index_puts_the_index_definition()
    {
        var transport = new RecordingTransport(Answer);
        await using var app = await MarketplaceApp.StartAsync(overrides: AzureSearch, services: Recorded(transport));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CreateSearchIndexCommand.RunAsync(app.Services, output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var put = Assert.Single(transport.Requests, r => r.Method == "PUT");
        Assert.Equal("/indexes('offerings')", put.Uri.AbsolutePath);
        Assert.Equal("offerings", (string?)put.Json!["name"]);
        Assert.Contains(put.Json["fields"]!.AsArray(), f => (string?)f!["name"] == "id" && (bool?)f["key"] == true);
        Assert.Contains("'offerings' created or updated", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_search_index_refuses_the_local_Lucene_provider()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CreateSearchIndexCommand.RunAsync(app.Services, output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("Search__Provider=AzureAISearch", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_starting_on_Azure_AI_Search_reads_and_writes_documents_but_never_the_index_definition()
    {
        var transport = new RecordingTransport(Answer);
        await using var app = await MarketplaceApp.StartAsync(overrides: AzureSearch, services: Recorded(transport));
        using var client = app.CreateClient();

        // Standalone, the nightly reindex also runs at start-up: wait for its listing of the index, then ask for health.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Snapshot(transport).Any(r => r.Uri.AbsolutePath.EndsWith("/docs/search.post.search", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var health = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var requests = Snapshot(transport);
        Assert.Contains(requests, r => r.Uri.AbsolutePath.EndsWith("/docs/search.post.search", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Uri.AbsolutePath.EndsWith("/docs/$count", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Contains("/docs", r.Uri.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_names_a_missing_index_instead_of_creating_it()
    {
        var transport = new RecordingTransport(_ => (HttpStatusCode.NotFound, """{ "error": { "code": "", "message": "The index 'offerings' was not found." } }"""));
        await using var app = await MarketplaceApp.StartAsync(overrides: AzureSearch, services: Recorded(transport));
        using var client = app.CreateClient();

        var health = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        var search = report.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "search");
        Assert.Equal("index missing", search.GetProperty("detail").GetString());
        Assert.DoesNotContain(Snapshot(transport), r => r.Method is "PUT" or "DELETE");
    }

    private static List<RecordedRequest> Snapshot(RecordingTransport transport)
    {
        lock (transport.Requests)
        {
            return [.. transport.Requests];
        }
    }
}
