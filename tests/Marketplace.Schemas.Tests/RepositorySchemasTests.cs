using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Schemas.Tests;

/// <summary>The repository's own schemas (schemas/*.schema.json) as the API applies them to a listing.</summary>
public sealed class RepositorySchemasTests
{
    private static readonly Lazy<DocumentSchemas> Schemas = new(() => DocumentSchemas.Load(Path.Combine(Root(), "schemas")));

    private static JsonObject Listing(int example) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "schemas", "offering-listing.schema.json")))!["examples"]![example]!.DeepClone().AsObject();

    private static IReadOnlyList<SchemaError> Check(JsonObject listing) => Schemas.Value.Validate("offering-listing.schema.json", listing);

    [Theory]
    [InlineData("per-patient-per-month", "amountGbp", "12.345", "$.price.amountGbp", "must have at most 2 decimal places")]
    [InlineData("per-unit", "amountGbp", "-1", "$.price.amountGbp", "must be at least 0")]
    [InlineData("managed-service-monthly", "outcomeRewardGbp", "\"lots\"", "$.price.outcomeRewardGbp", "must be a number")]
    public void A_valid_price_model_with_a_wrong_other_field_names_that_field_not_another_models_rule(string model, string field, string value, string path, string message)
    {
        var listing = Listing(1);
        listing["price"]!["model"] = model;
        listing["price"]![field] = JsonNode.Parse(value);
        if (model != "managed-service-monthly")
        {
            listing["price"]!.AsObject().Remove("outcomeRewardGbp");
        }

        var errors = Check(listing);

        Assert.Equal([new SchemaError(path, message)], errors);
        Assert.DoesNotContain(errors, e => e.Message.Contains("managed-service-monthly", StringComparison.Ordinal));
    }

    [Fact]
    public void A_null_optional_field_is_judged_as_absent_and_dropped_for_binding()
    {
        var listing = Listing(1);
        listing["price"]!["outcomeRewardGbp"] = null;
        listing["connectivity"] = null;

        var (errors, document) = Schemas.Value.Check("offering-listing.schema.json", JsonSerializer.SerializeToElement(listing));

        Assert.Empty(errors);
        Assert.NotNull(document);
        Assert.False(document["price"]!.AsObject().ContainsKey("outcomeRewardGbp"));
        Assert.False(document.AsObject().ContainsKey("connectivity"));
    }

    [Fact]
    public void A_null_for_a_field_the_branch_that_applies_requires_is_judged_as_sent()
    {
        var product = Listing(0);
        product["connectivity"] = null;

        Assert.Equal([new SchemaError("$.connectivity", "is not one of the allowed values")], Check(product));
    }

    [Fact]
    public void A_null_for_a_required_field_is_judged_as_sent()
    {
        var listing = Listing(0);
        listing["name"] = null;

        Assert.Equal([new SchemaError("$.name", "must be a string")], Check(listing));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Marketplace.sln above " + AppContext.BaseDirectory);
    }
}
