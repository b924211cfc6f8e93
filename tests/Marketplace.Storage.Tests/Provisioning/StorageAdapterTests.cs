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
        Assert.Subset(tables.ToHashSet(), c.Names.Tables.ToHashSet());
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
