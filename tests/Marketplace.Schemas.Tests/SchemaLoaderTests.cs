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
