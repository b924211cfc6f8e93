using Marketplace.Core.Catalogue;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Background;

/// <summary>Writes offering records straight into the offerings table, as the catalogue's write path stores them.</summary>
public static class OfferingRows
{
    public static Task WriteAsync(MarketplaceApp app, string id, string name, string status = OfferingStatus.Active) =>
        app.Services.GetRequiredService<CatalogueTables>().Offerings.WriteAsync(id, new Offering
        {
            Id = id,
            SupplierId = "pennine-careline",
            Kind = "product",
            Name = name,
            Summary = name + " for people at risk of falls",
            Category = "fall-detector",
            Regions = ["north-west"],
            Price = new OfferingPrice("per-unit", 89.5m),
            Status = status,
        }, CancellationToken.None);
}
