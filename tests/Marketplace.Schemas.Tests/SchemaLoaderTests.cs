namespace Marketplace.Schemas.Tests;

public sealed class SchemaLoaderTests
{
    [Fact]
    public async Task Const_is_enforced()
    {
        var schema = await LoadAsync("""{ "type": "object", "properties": { "kind": { "const": "supplier" } } }""");

        Assert.Empty(schema.Validate("""{ "kind": "supplier" }"""));
        Assert.NotEmpty(schema.Validate("""{ "kind": "commissioner" }"""));
    }

    [Fact]
    public async Task If_then_else_is_enforced_both_ways()
    {
        var schema = await LoadAsync("""
            {
              "type": "object",
              "if": { "properties": { "status": { "const": "rejected" } }, "required": ["status"] },
              "then": { "required": ["reason"] },
              "else": { "not": { "required": ["reason"] } }
            }
            """);

        Assert.Empty(schema.Validate("""{ "status": "rejected", "reason": "Certificate expired" }"""));
        Assert.NotEmpty(schema.Validate("""{ "status": "rejected" }"""));
        Assert.Empty(schema.Validate("""{ "status": "validated" }"""));
        Assert.NotEmpty(schema.Validate("""{ "status": "validated", "reason": "n/a" }"""));
    }

    [Fact]
    public void A_property_that_is_named_const_is_left_alone()
    {
        var rewritten = SchemaLoader.Rewrite("""{ "properties": { "const": { "type": "string" } } }""");

        Assert.Contains("\"const\":{\"type\":\"string\"}", rewritten);
    }

    [Fact]
    public async Task A_reference_to_another_file_is_loaded_from_beside_the_schema()
    {
        var folder = Directory.CreateTempSubdirectory("schemas-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "vocabulary.schema.json"), """{ "$defs": { "region": { "enum": ["london", "wales"] } } }""");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "offering.schema.json"), """{ "type": "object", "properties": { "region": { "$ref": "vocabulary.schema.json#/$defs/region" } } }""");

            var schema = await SchemaLoader.LoadFileAsync(Path.Combine(folder.FullName, "offering.schema.json"));

            Assert.Empty(schema.Validate("""{ "region": "wales" }"""));
            Assert.NotEmpty(schema.Validate("""{ "region": "atlantis" }"""));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_url_reference_without_a_local_copy_is_refused_rather_than_fetched()
    {
        var folder = Directory.CreateTempSubdirectory("schemas-");
        try
        {
            var path = Path.Combine(folder.FullName, "remote.schema.json");
            await File.WriteAllTextAsync(path, """{ "properties": { "a": { "$ref": "https://example.invalid/other.json" } } }""");

            await Assert.ThrowsAnyAsync<Exception>(() => SchemaLoader.LoadFileAsync(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("unevaluatedProperties", """{ "type": "object", "unevaluatedProperties": false }""")]
    [InlineData("dependentRequired", """{ "type": "object", "dependentRequired": { "amountGbp": ["model"] } }""")]
    [InlineData("dependentSchemas", """{ "type": "object", "dependentSchemas": { "amountGbp": { "required": ["model"] } } }""")]
    [InlineData("dependencies", """{ "type": "object", "dependencies": { "amountGbp": ["model"] } }""")]
    [InlineData("prefixItems", """{ "type": "array", "prefixItems": [{ "type": "string" }] }""")]
    [InlineData("contains", """{ "type": "array", "contains": { "const": "wales" } }""")]
    [InlineData("minContains", """{ "type": "array", "minContains": 2 }""")]
    [InlineData("propertyNames", """{ "type": "object", "propertyNames": { "pattern": "^[a-z]+$" } }""")]
    [InlineData("unevaluatedItems", """{ "type": "array", "unevaluatedItems": false }""")]
    [InlineData("$anchor", """{ "$anchor": "price" }""")]
    [InlineData("nullable", """{ "type": "string", "nullable": true }""")]
    [InlineData("x-nullable", """{ "type": "string", "x-nullable": true }""")]
    [InlineData("maxLenght", """{ "type": "string", "maxLenght": 3 }""")]
    [InlineData("'duration'", """{ "type": "string", "format": "duration" }""")]
    [InlineData("'then' without 'if'", """{ "then": { "required": ["model"] } }""")]
    [InlineData("'enum' may only hold", """{ "enum": [{ "kind": "a" }] }""")]
    public async Task A_rule_NJsonSchema_would_skip_is_refused_naming_the_keyword_and_where_it_is(string named, string price)
    {
        var json = $$"""{ "type": "object", "properties": { "price": { "type": "object", "properties": { "amountGbp": {{price}} } } } }""";

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => LoadAsync(json));

        Assert.Contains("#/properties/price/properties/amountGbp", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_NJsonSchema_would_skip_is_found_inside_every_kind_of_subschema()
    {
        foreach (var (json, at) in new[]
        {
            ("""{ "$defs": { "a": { "contains": {} } } }""", "#/$defs/a/contains"),
            ("""{ "items": { "contains": {} } }""", "#/items/contains"),
            ("""{ "anyOf": [{ "type": "string" }, { "contains": {} }] }""", "#/anyOf/1/contains"),
            ("""{ "not": { "contains": {} } }""", "#/not/contains"),
            ("""{ "if": { "contains": {} }, "then": {} }""", "#/if/contains"),
            ("""{ "additionalProperties": { "contains": {} } }""", "#/additionalProperties/contains"),
            ("""{ "patternProperties": { "^x-": { "contains": {} } } }""", "#/patternProperties/^x-/contains"),
        })
        {
            var error = Assert.Throws<NotSupportedException>(() => SchemaLoader.Rewrite(json, "s.json"));
            Assert.Contains("s.json" + at + ":", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_false_subschema_forbids_the_property_and_a_true_one_allows_it()
    {
        var schema = await LoadAsync("""{ "type": "object", "properties": { "reason": false, "note": true } }""");

        Assert.Empty(schema.Validate("""{ "note": 5 }"""));
        Assert.NotEmpty(schema.Validate("""{ "reason": "expired" }"""));
    }

    [Theory]
    [InlineData("true", "true", "false")]
    [InlineData("false", "false", "true")]
    [InlineData("null", "null", "\"null\"")]
    [InlineData("2", "2", "3")]
    public async Task Const_of_any_scalar_is_enforced(string constant, string same, string other)
    {
        var schema = await LoadAsync($$"""{ "type": "object", "properties": { "a": { "const": {{constant}} } } }""");

        Assert.Empty(schema.Validate($$"""{ "a": {{same}} }"""));
        Assert.NotEmpty(schema.Validate($$"""{ "a": {{other}} }"""));
    }

    [Fact]
    public async Task From_2019_09_on_the_siblings_of_a_reference_apply_too()
    {
        var schema = await LoadAsync("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": { "code": { "type": "string" } },
              "type": "object",
              "properties": { "a": { "$ref": "#/$defs/code", "minLength": 3, "description": "A code." } }
            }
            """);

        Assert.Empty(schema.Validate("""{ "a": "abc" }"""));
        Assert.NotEmpty(schema.Validate("""{ "a": "ab" }"""));
        Assert.NotEmpty(schema.Validate("""{ "a": 123 }"""));
    }

    [Fact]
    public async Task In_draft_07_the_siblings_of_a_reference_are_ignored_as_that_draft_says()
    {
        var schema = await LoadAsync("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "definitions": { "code": { "type": "string" } },
              "type": "object",
              "properties": { "a": { "$ref": "#/definitions/code", "minLength": 3 } }
            }
            """);

        Assert.Empty(schema.Validate("""{ "a": "ab" }"""));
        Assert.NotEmpty(schema.Validate("""{ "a": 123 }"""));
    }

    [Theory]
    [InlineData("allOf")]
    [InlineData("anyOf")]
    [InlineData("oneOf")]
    public async Task A_single_referenced_alternative_keeps_the_rules_beside_it(string keyword)
    {
        var schema = await LoadAsync($$"""
            {
              "$defs": { "priced": { "type": "object", "properties": { "amountGbp": { "type": "number" } }, "required": ["amountGbp"] } },
              "{{keyword}}": [{ "$ref": "#/$defs/priced" }],
              "required": ["model"]
            }
            """);

        Assert.Empty(schema.Validate("""{ "amountGbp": 1, "model": "per-unit" }"""));
        Assert.NotEmpty(schema.Validate("""{ "amountGbp": 1 }"""));
        Assert.NotEmpty(schema.Validate("""{ "model": "per-unit" }"""));
    }

    [Fact]
    public async Task References_inside_defs_are_resolved_within_and_across_files()
    {
        using var folder = SchemaFolder.With(
            ("vocabulary.schema.json", """{ "$defs": { "region": { "enum": ["london", "wales"] } } }"""),
            ("offering.schema.json", """
                {
                  "type": "object",
                  "properties": { "regions": { "$ref": "#/$defs/regions" } },
                  "$defs": { "regions": { "type": "array", "items": { "$ref": "vocabulary.schema.json#/$defs/region" } } }
                }
                """),
            ("listing.schema.json", """{ "type": "object", "properties": { "regions": { "$ref": "offering.schema.json#/$defs/regions" } } }"""));

        foreach (var file in new[] { "offering.schema.json", "listing.schema.json" })
        {
            var schema = await SchemaLoader.LoadFileAsync(folder.PathOf(file));

            Assert.Empty(schema.Validate("""{ "regions": ["wales"] }"""));
            Assert.NotEmpty(schema.Validate("""{ "regions": ["atlantis"] }"""));
        }
    }

    private static async Task<NJsonSchema.JsonSchema> LoadAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            return await SchemaLoader.LoadFileAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
