using Azure.Data.Tables;
using Marketplace.Core.Attestations;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Storage.Catalogue;

/// <summary>The catalogue's document tables, with the columns each is queried by.</summary>
public sealed class CatalogueTables(TableServiceClient service, StorageNames names)
{
    public DocumentTable<Organisation> Organisations { get; } = new(service.GetTableClient(names.OrganisationsTable), o => o.Id,
        o => new Dictionary<string, object?> { ["Kind"] = o.Kind });

    public DocumentTable<Standard> Standards { get; } = new(service.GetTableClient(names.StandardsTable), s => s.Code);

    public DocumentTable<Offering> Offerings { get; } = new(service.GetTableClient(names.OfferingsTable), o => o.Id,
        o => new Dictionary<string, object?> { ["SupplierId"] = o.SupplierId, ["Status"] = o.Status });

    public DocumentTable<Attestation> Attestations { get; } = new(service.GetTableClient(names.AttestationsTable), a => a.Id,
        a => new Dictionary<string, object?> { ["SupplierId"] = a.SupplierId, ["Status"] = a.Status, ["StandardCode"] = a.StandardCode, ["OfferingId"] = a.OfferingId });

    public DocumentTable<Framework> Frameworks { get; } = new(service.GetTableClient(names.FrameworksTable), f => f.Id);

    public DocumentTable<UserProfile> Users { get; } = new(service.GetTableClient(names.UsersTable), u => u.Id,
        u => new Dictionary<string, object?> { ["Role"] = u.Role, ["OrganisationId"] = u.OrganisationId });
}
