using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// Reads offerings from the offerings table as search documents. An offering lives in its own partition
/// (key = offering id); row <c>current</c> holds the live document as JSON, so history rows can sit beside it.
/// </summary>
public sealed class TableOfferingSearchSource(TableServiceClient service, StorageNames names) : IOfferingSearchSource
{
    public const string CurrentRow = "current";

    private TableClient Offerings => service.GetTableClient(names.OfferingsTable);

    public async Task<OfferingSearchDocument?> FindAsync(string offeringId, CancellationToken ct)
    {
        var row = await Offerings.GetEntityIfExistsAsync<TableEntity>(offeringId, CurrentRow, cancellationToken: ct);
        return row.HasValue ? ToSearchDocument(row.Value!) : null;
    }

    public async IAsyncEnumerable<OfferingSearchDocument> ListActiveAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Offerings.QueryAsync<TableEntity>(e => e.RowKey == CurrentRow, maxPerPage: 1000, cancellationToken: ct))
        {
            if (ToSearchDocument(row) is { } document)
            {
                yield return document;
            }
        }
    }

    private static OfferingSearchDocument? ToSearchDocument(TableEntity row)
    {
        if (row.GetString("Document") is not { } json || JsonNode.Parse(json) is not JsonObject offering)
        {
            return null;
        }
        if ((string?)offering["status"] == "retired")
        {
            return null;
        }
        return new OfferingSearchDocument
        {
            Id = (string?)offering["id"] ?? row.PartitionKey,
            Name = (string?)offering["name"] ?? "",
            Summary = (string?)offering["summary"] ?? "",
            Description = (string?)offering["description"] ?? "",
            SupplierId = (string?)offering["supplierId"] ?? "",
            Category = (string?)offering["category"] ?? "",
            Conditions = Strings(offering["conditions"]),
            Regions = Strings(offering["regions"]),
            Lots = Strings(offering["lots"]),
            Connectivity = (string?)offering["connectivity"] ?? "",
            Interoperability = Strings(offering["interoperability"]),
            Features = Strings(offering["features"]),
            PriceModel = (string?)offering["price"]?["model"] ?? "",
            PriceGbp = (decimal?)offering["price"]?["amountGbp"] ?? 0m,
            LeadTimeDays = (int?)offering["leadTimeDays"] ?? 0,
        };
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => (string?)item).OfType<string>()] : [];
}
