using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Schemas.Tests;

public sealed class DocumentSchemasTests : IDisposable
{
    private const string Offering = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://example.test/schemas/offering.schema.json",
          "type": "object",
          "properties": {
            "name": { "type": "string", "minLength": 1, "maxLength": 20 },
            "price": {
              "type": "object",
              "properties": { "model": { "enum": ["per-unit", "per-month"] }, "amountGbp": { "type": "number", "minimum": 0, "multipleOf": 0.01 } },
              "required": ["model", "amountGbp"],
              "additionalProperties": false
            },
            "regions": { "type": "array", "items": { "$ref": "vocabulary.schema.json#/$defs/region" }, "uniqueItems": true },
            "leadTimeDays": { "type": "integer", "maximum": 365 },
            "launchedOn": { "type": "string", "format": "date" },
            "contactEmail": { "type": "string", "format": "email" },
            "validityMonths": { "type": ["integer", "null"], "minimum": 1 },
            "contact": {
              "oneOf": [
                { "type": "object", "properties": { "email": { "type": "string", "format": "email" } }, "required": ["email"], "additionalProperties": false },
                { "type": "object", "properties": { "phone": { "type": "string", "pattern": "^[0-9 ]+$" } }, "required": ["phone"], "additionalProperties": false },
                { "type": "string", "minLength": 1 }
              ]
            },
            "code": { "anyOf": [{ "type": "string" }, { "type": "integer" }] },
            "odd name": { "type": "string" }
          },
          "required": ["name", "price"],
          "additionalProperties": false
        }
        """;

    private const string Vocabulary = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://example.test/schemas/vocabulary.schema.json",
          "$defs": { "region": { "oneOf": [{ "const": "london" }, { "const": "wales" }, { "const": "scotland" }] } }
        }
        """;

    // Refers to the offering by its $id, not its file name.
    private const string Listing = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://example.test/schemas/listing.schema.json",
          "type": "object",
          "properties": { "price": { "$ref": "https://example.test/schemas/offering.schema.json#/properties/price" } },
          "additionalProperties": false
        }
        """;

    private readonly SchemaFolder folder = SchemaFolder.With(("offering.schema.json", Offering), ("vocabulary.schema.json", Vocabulary), ("listing.schema.json", Listing));

    public void Dispose() => folder.Dispose();

    private DocumentSchemas Schemas => DocumentSchemas.Load(folder.Path);

    private IReadOnlyList<SchemaError> Check(string json) => Schemas.Validate("offering.schema.json", json);

    [Fact]
    public void A_valid_document_has_no_errors()
    {
        Assert.Empty(Check("""{ "name": "Hub", "price": { "model": "per-unit", "amountGbp": 12.34 }, "regions": ["wales"], "leadTimeDays": 5.0, "validityMonths": null }"""));
    }

    [Fact]
    public void Every_schema_is_loaded_under_its_file_name_and_its_id()
    {
        var schemas = Schemas;

        Assert.Equal(["listing.schema.json", "offering.schema.json", "vocabulary.schema.json"], schemas.Files);
        Assert.True(schemas.Contains("https://example.test/schemas/offering.schema.json"));
        Assert.Equal(
            schemas.Validate("offering.schema.json", """{ "name": "" }"""),
            schemas.Validate("https://example.test/schemas/offering.schema.json", """{ "name": "" }"""));
    }

    [Fact]
    public void Errors_name_the_json_path_of_the_field_at_fault()
    {
        var errors = Check("""{ "name": "Hub", "price": { "model": "per-unit", "amountGbp": 12.345 }, "regions": ["wales", "london", "atlantis"], "odd name": 5 }""");

        Assert.Equal(
            [
                new SchemaError("$.price.amountGbp", "must have at most 2 decimal places"),
                new SchemaError("$.regions[2]", "is not one of the allowed values"),
                new SchemaError("$['odd name']", "must be a string"),
            ],
            errors);
    }

    [Fact]
    public void A_missing_property_is_reported_at_its_own_path_and_an_unknown_one_is_not_allowed()
    {
        var errors = Check("""{ "price": { "model": "per-unit" }, "warranty": "2 years" }""");

        Assert.Equal(
            [
                new SchemaError("$.name", "is required"),
                new SchemaError("$.price.amountGbp", "is required"),
                new SchemaError("$.warranty", "is not allowed here"),
            ],
            errors);
    }

    [Fact]
    public void Errors_are_sorted_by_path_with_array_indexes_in_numeric_order()
    {
        var regions = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"\"atlantis-{i}\""));

        var errors = Check($$"""{ "price": { "model": "per-unit", "amountGbp": 1 }, "regions": [{{regions}}] }""");

        Assert.Equal(["$.name", .. Enumerable.Range(0, 12).Select(i => $"$.regions[{i}]")], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("""{ "leadTimeDays": 2.5 }""", "$.leadTimeDays", "must be a whole number")]
    [InlineData("""{ "leadTimeDays": 400 }""", "$.leadTimeDays", "must be at most 365")]
    [InlineData("""{ "price": { "model": "per-unit", "amountGbp": -1 } }""", "$.price.amountGbp", "must be at least 0")]
    [InlineData("""{ "price": { "model": "per-year", "amountGbp": 1 } }""", "$.price.model", "is not one of the allowed values")]
    [InlineData("""{ "price": "cheap" }""", "$.price", "must be an object")]
    [InlineData("""{ "name": "" }""", "$.name", "must not be empty")]
    [InlineData("""{ "name": "An offering name that is too long" }""", "$.name", "must be at most 20 characters long")]
    [InlineData("""{ "regions": ["wales", "wales"] }""", "$.regions", "must not list the same item twice")]
    [InlineData("""{ "launchedOn": "2026-02-30" }""", "$.launchedOn", "must be a date (YYYY-MM-DD)")]
    [InlineData("""{ "contactEmail": "not an address" }""", "$.contactEmail", "must be an email address")]
    [InlineData("""{ "validityMonths": "12" }""", "$.validityMonths", "must be a whole number or null")]
    [InlineData("""{ "validityMonths": 0 }""", "$.validityMonths", "must be at least 1")]
    [InlineData("""{ "contact": { "phone": "call me" } }""", "$.contact.phone", "does not match the pattern ^[0-9 ]+$")]
    [InlineData("""{ "contact": { "email": "nope" } }""", "$.contact.email", "must be an email address")]
    [InlineData("""{ "contact": 5 }""", "$.contact", "must be an object or a string")]
    [InlineData("""{ "code": true }""", "$.code", "must be a string or a whole number")]
    public void Each_broken_rule_is_reported_once_in_plain_english(string patch, string path, string message)
    {
        var document = JsonNode.Parse("""{ "name": "Hub", "price": { "model": "per-unit", "amountGbp": 1 } }""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            document[name] = value?.DeepClone();
        }

        Assert.Equal([new SchemaError(path, message)], Schemas.Validate("offering.schema.json", document));
    }

    [Theory]
    [InlineData("100000000000000000000000000000000")]
    [InlineData("1e400")]
    public void A_number_too_big_for_a_decimal_is_reported_not_thrown(string number)
    {
        var errors = Check($$"""{ "name": "Hub", "price": { "model": "per-unit", "amountGbp": 1 }, "leadTimeDays": {{number}} }""");

        Assert.Contains(new SchemaError("$.leadTimeDays", "must be at most 365"), errors);
        Assert.All(errors, e => Assert.Equal("$.leadTimeDays", e.Path));
    }

    [Theory]
    [InlineData("""{ "status": "rejected" }""", "$.reason", "is required")]
    [InlineData("""{ "status": "verified", "reason": "n/a" }""", "$.reason", "is not allowed here")]
    [InlineData("""{ "status": "verified", "reason": "n/a", "decidedBy": "x" }""", "$.reason", "is not allowed here")]
    public void A_broken_if_then_else_reports_the_rule_of_the_branch_that_applies(string json, string path, string message)
    {
        using var conditional = SchemaFolder.With(("attestation.schema.json", """
            {
              "type": "object",
              "properties": { "status": { "enum": ["verified", "rejected"] }, "reason": { "type": "string" }, "decidedBy": { "type": "string" } },
              "if": { "properties": { "status": { "const": "rejected" } }, "required": ["status"] },
              "then": { "required": ["reason"] },
              "else": { "properties": { "reason": false } }
            }
            """));

        Assert.Equal([new SchemaError(path, message)], DocumentSchemas.Load(conditional.Path).Validate("attestation.schema.json", json));
    }

    [Theory]
    [InlineData("""{ "model": "per-patient-per-month", "amountGbp": 500 }""", "$.price.amountGbp", "must be at most 100")]
    [InlineData("""{ "model": "per-unit", "amountGbp": 500, "cohort": 3 }""", "$.price.cohort", "is not allowed here")]
    [InlineData("""{ "model": "per-year", "amountGbp": 5 }""", "$.price.model", "is not one of the allowed values")]
    public void A_broken_one_of_reports_the_rule_of_the_branch_whose_discriminator_matches(string price, string path, string message)
    {
        using var priced = SchemaFolder.With(("priced.schema.json", """
            {
              "type": "object",
              "properties": {
                "price": {
                  "oneOf": [
                    { "type": "object", "properties": { "model": { "const": "per-unit" }, "amountGbp": { "type": "number" } }, "required": ["model"], "additionalProperties": false },
                    { "type": "object", "properties": { "model": { "const": "per-patient-per-month" }, "amountGbp": { "maximum": 100 }, "cohort": { "type": "integer" } }, "required": ["model"], "additionalProperties": false }
                  ]
                }
              }
            }
            """));

        var errors = DocumentSchemas.Load(priced.Path).Validate("priced.schema.json", $$"""{ "price": {{price}} }""");

        Assert.Equal([new SchemaError(path, message)], errors);
    }

    [Fact]
    public void A_value_matching_two_of_one_of_is_named()
    {
        using var two = SchemaFolder.With(("s.schema.json", """{ "oneOf": [{ "type": "string" }, { "minLength": 2 }] }"""));

        Assert.Equal([new SchemaError("$", "matches more than one of the allowed forms")], DocumentSchemas.Load(two.Path).Validate("s.schema.json", "\"ab\""));
    }

    [Fact]
    public void A_reference_by_id_resolves_without_the_network()
    {
        var errors = Schemas.Validate("listing.schema.json", """{ "price": { "model": "per-unit" } }""");

        Assert.Equal([new SchemaError("$.price.amountGbp", "is required")], errors);
    }

    [Fact]
    public void The_three_overloads_agree()
    {
        const string json = """{ "name": "", "price": { "model": "per-unit", "amountGbp": 0.001 } }""";
        var schemas = Schemas;

        var fromText = schemas.Validate("offering.schema.json", json);

        Assert.Equal(2, fromText.Count);
        Assert.Equal(fromText, schemas.Validate("offering.schema.json", JsonNode.Parse(json)));
        Assert.Equal(fromText, schemas.Validate("offering.schema.json", JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void A_repeated_property_is_refused_rather_than_guessed()
    {
        Assert.ThrowsAny<JsonException>(() => Check("""{ "name": "Hub", "name": "Other", "price": { "model": "per-unit", "amountGbp": 1 } }"""));
    }

    [Fact]
    public void An_unknown_schema_name_is_an_argument_error_listing_the_files()
    {
        var error = Assert.Throws<ArgumentException>(() => Schemas.Validate("offerings.schema.json", "{}"));

        Assert.Contains("offering.schema.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_schemas_fails_to_load()
    {
        using var empty = new SchemaFolder();

        Assert.Throws<FileNotFoundException>(() => DocumentSchemas.Load(empty.Path));
    }

    [Fact]
    public async Task One_instance_validates_from_many_threads_at_once()
    {
        var schemas = Schemas;
        const string bad = """{ "name": "", "price": { "model": "per-year", "amountGbp": 1.001 }, "regions": ["mars"] }""";
        var expected = schemas.Validate("offering.schema.json", bad);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            schemas.Validate("offering.schema.json", i % 2 == 0 ? bad : """{ "name": "Hub", "price": { "model": "per-unit", "amountGbp": 1 } }"""))));

        Assert.Equal(4, expected.Count);
        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(expected, r));
        Assert.All(results.Where((_, i) => i % 2 == 1), Assert.Empty);
    }

    [Fact]
    public async Task Schemas_first_used_from_many_threads_at_once_judge_as_one_thread_does()
    {
        const string bad = """{ "name": "", "price": { "model": "per-year", "amountGbp": 1.001 }, "regions": ["mars"] }""";
        const string badListing = """{ "price": { "model": "per-year", "amountGbp": -1 } }""";
        var expected = Schemas.Validate("offering.schema.json", bad);
        var expectedListing = Schemas.Validate("listing.schema.json", badListing);

        // A fresh instance: nothing is built until these tasks ask, and the two schemas share the price definition.
        var schemas = Schemas;
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => i % 2 == 0
            ? schemas.Validate("offering.schema.json", bad)
            : schemas.Validate("https://example.test/schemas/listing.schema.json", badListing))));

        Assert.Equal(4, expected.Count);
        Assert.Equal(2, expectedListing.Count);
        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(expected, r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal(expectedListing, r));
    }

    [Fact]
    public void A_reference_to_no_loaded_schema_still_fails_at_load()
    {
        using var broken = SchemaFolder.With(("listing.schema.json", Listing));

        var error = Assert.ThrowsAny<Exception>(() => DocumentSchemas.Load(broken.Path));

        Assert.Contains("offering.schema.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_schema_fails_when_first_used_and_leaves_the_others_working()
    {
        using var mixed = SchemaFolder.With(("vocabulary.schema.json", Vocabulary),
            ("broken.schema.json", """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "minLength": "long" }"""));

        var schemas = DocumentSchemas.Load(mixed.Path);

        var error = Assert.ThrowsAny<Exception>(() => schemas.Validate("broken.schema.json", "{}"));
        Assert.StartsWith("'minLength'", error.Message, StringComparison.Ordinal);
        Assert.Empty(schemas.Validate("https://example.test/schemas/vocabulary.schema.json", "{}"));
    }
}
