using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Attestations;

/// <summary>
/// An upload overtaken between writing its blob and recording it: the attestation is submitted while the blob write is
/// held at the storage SDK's pipeline (the one seam between the app and Azurite), so the record step must fail and
/// remove the blob it wrote.
/// </summary>
public sealed class EvidenceRaceTests
{
    private const string Supplier = "downs-careline-systems";

    [Fact]
    public async Task An_upload_overtaken_by_a_submission_is_refused_and_its_blob_removed()
    {
        var hold = new HoldBlobWrites("raced.pdf");
        await using var app = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["Background:RunInProcess"] = "false" },
            services: s => s.AddSingleton(sp => HeldBlobService(sp, hold)));
        await app.Services.GetRequiredService<CatalogueImport>().RunAsync(RepositoryPaths.Combine("catalogue-seed"), _ => { }, CancellationToken.None);
        var calls = new AttestationCalls(app);
        var (draft, etag) = await calls.CreateAsync(Supplier, "CQC", null, "CQC-1-raced");
        using var supplier = await calls.SupplierAsync(Supplier);

        var upload = supplier.SendAsync(AttestationCalls.Upload(draft.Id, "raced.pdf", AttestationCalls.Pdf));
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var submitted = await supplier.SendAsync(AttestationCalls.Act(draft.Id, "submit", etag));
        hold.Release();
        var response = await upload;

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal("submitted", problem.GetProperty("currentStatus").GetString());
        Assert.True(hold.Written, "The blob write was never let through, so the clean-up was not exercised.");
        var container = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(app.Names.EvidenceContainer);
        var left = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{Supplier}/{draft.Id}/" }))
        {
            left.Add(blob.Name);
        }
        Assert.Empty(left);
        Assert.Empty((await calls.GetAsync(supplier, draft.Id)).Attestation.Evidence);
        Assert.DoesNotContain((await calls.HistoryAsync(draft.Id)).EnumerateArray(), e => e.GetProperty("action").GetString() == "upload-evidence");
    }

    private static BlobServiceClient HeldBlobService(IServiceProvider services, HoldBlobWrites hold)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(hold, HttpPipelinePosition.PerCall);
        return new BlobServiceClient(services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:ConnectionString"], options);
    }

    /// <summary>Holds the first write of a blob whose name ends with <paramref name="name"/> until released.</summary>
    private sealed class HoldBlobWrites(string name) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => reached.Task;
        public bool Written { get; private set; }

        public void Release() => released.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var held = message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.EndsWith("/" + name, StringComparison.Ordinal) && !Written;
            if (held)
            {
                reached.TrySetResult();
                await released.Task;
            }
            await ProcessNextAsync(message, pipeline);
            if (held)
            {
                Written = message.Response.Status == 201;
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The app uploads evidence asynchronously.");
    }
}
