using Azure.Data.Tables;
using Marketplace.Core.Access;

namespace Marketplace.Storage.Access;

/// <summary>Membership records: partition = Entra tenant id, row = user object id, <c>OrganisationId</c> and <c>Role</c> columns.</summary>
public sealed class TableOrganisationMemberships(TableServiceClient service, StorageNames names) : IOrganisationMemberships
{
    public async Task<string?> FindOrganisationAsync(string tenantId, string objectId, CancellationToken ct) =>
        (await FindMembershipAsync(tenantId, objectId, ct))?.OrganisationId;

    public async Task<Membership?> FindMembershipAsync(string tenantId, string objectId, CancellationToken ct)
    {
        var row = await service.GetTableClient(names.MembershipsTable)
            .GetEntityIfExistsAsync<TableEntity>(tenantId, objectId, ["OrganisationId", "Role"], ct);
        return row.HasValue && row.Value!.GetString("OrganisationId") is { } organisationId
            ? new Membership(tenantId, objectId, organisationId, row.Value.GetString("Role"))
            : null;
    }
}
