using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Marketplace.Storage.Access;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Provisioning;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Storage.Tests.Provisioning;

/// <summary>The storage adapters against a real Azurite.</summary>
public sealed class StorageAdapterTests
{
    private sealed record Clients(TableServiceClient Tables, BlobServiceClient Blobs, QueueServiceClient Queues, StorageNames Names);

    private static async Task<Clients> ConnectAsync()
    {
        var azurite = await Azurite.Shared;
        return new Clients(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString), new StorageNames(UniqueNames.Prefix()));
    }

    [Fact]
    public async Task Provisioning_creates_every_table_container_and_queue_and_is_idempotent()
    {
        var c = await ConnectAsync();
        var provisioner = new StorageProvisioner(c.Tables, c.Blobs, c.Queues, c.Names, NullLogger<StorageProvisioner>.Instance);

        await provisioner.EnsureCreatedAsync(CancellationToken.None);
        await provisioner.EnsureCreatedAsync(CancellationToken.None);

        var tables = new List<string>();
        await foreach (var table in c.Tables.QueryAsync(t => t.Name.CompareTo(c.Names.Prefix) >= 0))
        {
            tables.Add(table.Name);
        }
        Assert.Superset(c.Names.Tables.ToHashSet(), tables.ToHashSet());
        Assert.True((await c.Blobs.GetBlobContainerClient(c.Names.EvidenceContainer).ExistsAsync()).Value);
        Assert.True((await c.Queues.GetQueueClient(c.Names.SearchIndexUpdatesQueue).ExistsAsync()).Value);
        Assert.True((await c.Queues.GetQueueClient(StorageNames.PoisonQueueOf(c.Names.SearchIndexUpdatesQueue)).ExistsAsync()).Value);
        Assert.True(provisioner.Provisioned.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Provisioning_creates_what_is_missing_beside_what_already_exists()
    {
        var c = await ConnectAsync();
        await c.Tables.CreateTableIfNotExistsAsync(c.Names.OfferingsTable);
        await c.Blobs.GetBlobContainerClient(c.Names.EvidenceContainer).CreateIfNotExistsAsync();
        await c.Queues.GetQueueClient(c.Names.SearchIndexUpdatesQueue).CreateIfNotExistsAsync();

        await new StorageProvisioner(c.Tables, c.Blobs, c.Queues, c.Names, NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);

        var tables = new List<string>();
        await foreach (var table in c.Tables.QueryAsync(t => t.Name.CompareTo(c.Names.Prefix) >= 0))
        {
            tables.Add(table.Name);
        }
        Assert.Superset(c.Names.Tables.Append(c.Names.ProvisionedMarkerTable).ToHashSet(), tables.ToHashSet());
        foreach (var container in c.Names.Containers)
        {
            Assert.True((await c.Blobs.GetBlobContainerClient(container).ExistsAsync()).Value, container);
        }
        foreach (var queue in c.Names.Queues)
        {
            Assert.True((await c.Queues.GetQueueClient(queue).ExistsAsync()).Value, queue);
        }
    }

    [Fact]
    public async Task A_start_after_a_complete_provisioning_asks_for_the_table_listing_and_nothing_else()
    {
        var c = await ConnectAsync();
        await new StorageProvisioner(c.Tables, c.Blobs, c.Queues, c.Names, NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);
        var azurite = await Azurite.Shared;
        var requests = new CountingPolicy();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var restarted = new StorageProvisioner(new TableServiceClient(azurite.ConnectionString, tableOptions), new BlobServiceClient(azurite.ConnectionString, blobOptions),
            new QueueServiceClient(azurite.ConnectionString, queueOptions), c.Names, NullLogger<StorageProvisioner>.Instance);

        await restarted.EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal(1, requests.Count);
        Assert.True(restarted.Provisioned.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Without_this_versions_marker_a_start_checks_everything_again_and_recreates_what_is_gone()
    {
        var c = await ConnectAsync();
        var provisioner = new StorageProvisioner(c.Tables, c.Blobs, c.Queues, c.Names, NullLogger<StorageProvisioner>.Instance);
        await provisioner.EnsureCreatedAsync(CancellationToken.None);
        // As after an upgrade that added the queue: the marker the storage holds is another version's.
        await c.Queues.GetQueueClient(c.Names.AggregateUpdatesQueue).DeleteAsync();
        await c.Tables.DeleteTableAsync(c.Names.ProvisionedMarkerTable);

        await provisioner.EnsureCreatedAsync(CancellationToken.None);

        Assert.True((await c.Queues.GetQueueClient(c.Names.AggregateUpdatesQueue).ExistsAsync()).Value);
        var marker = new List<string>();
        await foreach (var table in c.Tables.QueryAsync(t => t.Name == c.Names.ProvisionedMarkerTable))
        {
            marker.Add(table.Name);
        }
        Assert.Single(marker);
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }

    [Fact]
    public async Task The_evidence_container_is_private()
    {
        var c = await ConnectAsync();
        await new StorageProvisioner(c.Tables, c.Blobs, c.Queues, c.Names, NullLogger<StorageProvisioner>.Instance).EnsureCreatedAsync(CancellationToken.None);

        var access = await c.Blobs.GetBlobContainerClient(c.Names.EvidenceContainer).GetAccessPolicyAsync();

        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, access.Value.BlobPublicAccess);
    }

    [Fact]
    public async Task A_membership_record_names_the_organisation_of_an_Entra_user()
    {
        var c = await ConnectAsync();
        await c.Tables.CreateTableIfNotExistsAsync(c.Names.MembershipsTable);
        await c.Tables.GetTableClient(c.Names.MembershipsTable).UpsertEntityAsync(new TableEntity("tenant-1", "user-1") { ["OrganisationId"] = "nhs-kent-icb" });
        var memberships = new TableOrganisationMemberships(c.Tables, c.Names);

        Assert.Equal("nhs-kent-icb", await memberships.FindOrganisationAsync("tenant-1", "user-1", CancellationToken.None));
        Assert.Null(await memberships.FindOrganisationAsync("tenant-1", "user-2", CancellationToken.None));
    }
}
