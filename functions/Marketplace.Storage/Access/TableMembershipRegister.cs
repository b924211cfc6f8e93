using Azure;
using Azure.Data.Tables;
using Marketplace.Core.Access;

namespace Marketplace.Storage.Access;

/// <summary>
/// The Admin's view of the memberships table (partition = Entra tenant id, row = user object id, columns
/// <c>OrganisationId</c> and <c>Role</c>), with ETags for optimistic concurrency.
/// </summary>
public sealed class TableMembershipRegister(TableServiceClient service, StorageNames names) : IMembershipRegister
{
    private TableClient Table => service.GetTableClient(names.MembershipsTable);

    public async Task<(Membership Membership, string ETag)?> FindAsync(string tenantId, string objectId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, objectId, cancellationToken: ct);
        return row.HasValue && row.Value!.GetString("OrganisationId") is { } organisationId
            ? (new Membership(tenantId, objectId, organisationId, row.Value.GetString("Role")), row.Value.ETag.ToString())
            : null;
    }

    public async Task<string?> AddAsync(Membership membership, CancellationToken ct)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(membership), ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<string?> ReplaceAsync(Membership membership, string ifMatch, CancellationToken ct)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(membership), new ETag(ifMatch), TableUpdateMode.Replace, ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, string objectId, string ifMatch, CancellationToken ct)
    {
        try
        {
            var response = await Table.DeleteEntityAsync(tenantId, objectId, new ETag(ifMatch), ct);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Membership membership) => new(membership.TenantId, membership.ObjectId)
    {
        ["OrganisationId"] = membership.OrganisationId,
        ["Role"] = membership.Role,
    };
}
