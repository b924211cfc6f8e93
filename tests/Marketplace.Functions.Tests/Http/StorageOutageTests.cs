using System.Net;
using System.Net.Http.Json;
using Marketplace.Core.Access;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Http;

/// <summary>While storage is out, reads and writes answer 503 with Retry-After, never a 500.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Writes_and_reads_answer_503_with_Retry_After_while_Azurite_is_down()
    {
        await using var azurite = await Azurite.StartAsync(allowExternal: false);
        await using var app = new MarketplaceApp(azurite);
        await app.ProvisionedAsync();
        using var supplier = await app.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        using var commissioner = await app.ClientForAsync(MarketplaceRole.Commissioner, "nhs-lancashire-icb");

        await azurite.StopAsync();
        var write = await supplier.PostAsJsonAsync("/api/offerings", new
        {
            kind = "product",
            name = "Outage fall detector",
            summary = "Wrist-worn fall detector with automatic alerting.",
            description = "Detects hard falls and raises a call to the monitoring centre.",
            category = "fall-detector",
            conditions = new[] { "falls-risk" },
            features = new[] { "automatic fall detection" },
            interoperability = new[] { "bs8521-2" },
            connectivity = "digital",
            regions = new[] { "north-west" },
            price = new { model = "per-unit", amountGbp = 96.00m },
            leadTimeDays = 10,
            lots = Array.Empty<string>(),
            outcomeEvidence = Array.Empty<object>(),
            accessibilityStatement = "Large tactile button.",
        });
        var read = await commissioner.GetAsync("/api/specifications/some-specification");

        foreach (var response in new[] { write, read })
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "dependency-unavailable");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{response.RequestMessage!.RequestUri} has no Retry-After");
        }
    }
}
