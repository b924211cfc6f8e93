using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Functions.Tests.Background;

/// <summary>Writes offering records straight into the offerings table, as the catalogue's write path stores them.</summary>
public static class OfferingRows
{
    public static Task PutAsync(TableClient offerings, string id, string name, string status = "active") =>
        offerings.UpsertEntityAsync(new TableEntity(id, TableOfferingSearchSource.CurrentRow)
        {
            ["Document"] = new JsonObject
            {
                ["id"] = id,
                ["supplierId"] = "pennine-careline",
                ["name"] = name,
                ["summary"] = name + " for people at risk of falls",
                ["category"] = "fall-detector",
                ["status"] = status,
                ["price"] = new JsonObject { ["model"] = "per-unit", ["amountGbp"] = 89.5 },
            }.ToJsonString(),
        });
}
