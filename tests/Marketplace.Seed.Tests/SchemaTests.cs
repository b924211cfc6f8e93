using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Seed.Tests.Schemas;

namespace Marketplace.Seed.Tests;

public sealed class SchemaTests
{
    private const string IdBase = "https://telecare-marketplace.example/schemas/";

    private static readonly string[] Files =
    [
        "vocabulary.schema.json", "organisation.schema.json", "standard.schema.json", "offering.schema.json",
        "framework.schema.json", "attestation.schema.json", "user.schema.json",
    ];

    public static TheoryData<string> SchemaFiles() => [.. Files];

    [Fact]
    public void The_schemas_folder_holds_exactly_the_seven_schemas()
    {
        var files = Directory.GetFiles(Repository.Schemas, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Files.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_is_2020_12_with_its_id_title_description_and_a_closed_root(string file)
    {
        var schema = Repository.SchemaSet[file];

        Assert.Equal(SchemaSet.Dialect, schema.GetProperty("$schema").GetString());
        Assert.Equal(IdBase + file, schema.GetProperty("$id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("description").GetString()));
        Assert.Equal(JsonValueKind.False, schema.GetProperty("additionalProperties").ValueKind);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_object_in_a_schema_is_closed_and_describes_its_properties(string file)
    {
        var problems = new List<string>();
        Walk(Repository.SchemaSet[file], "#", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_example_validates_against_its_own_schema(string file)
    {
        var examples = Repository.SchemaSet[file].GetProperty("examples").EnumerateArray().ToList();

        Assert.NotEmpty(examples);
        for (var i = 0; i < examples.Count; i++)
        {
            var errors = Repository.SchemaSet.Validate(file, examples[i]);
            Assert.True(errors.Count == 0, $"{file} example {i}:\n{SchemaSet.Report(errors)}");
        }
    }

    [Fact]
    public void An_offering_with_an_unknown_category_and_no_supplier_is_rejected_naming_both_paths()
    {
        var offering = Example("offering.schema.json");
        offering["category"] = "jetpack";
        offering.Remove("supplierId");

        var errors = Repository.SchemaSet.Validate("offering.schema.json", CatalogueFiles.Element(offering));

        Assert.Contains(errors, e => e.InstanceLocation == "/category" && e.Message.Contains("\"fall-detector\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.InstanceLocation == "" && e.Message.Contains("'supplierId'", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    public static TheoryData<string, string, string, string> BrokenDocuments() => new()
    {
        { "offering.schema.json", """{"summary": "SUMMARY281"}""", "/summary", "maxLength" },
        { "offering.schema.json", """{"price": {"model": "per-unit", "amountGbp": 12.345}}""", "/price/amountGbp", "multipleOf" },
        { "offering.schema.json", """{"price": {"model": "per-unit", "amountGbp": 120.00, "outcomeRewardGbp": 50.00}}""", "/price/model", "const" },
        { "offering.schema.json", """{"regions": []}""", "/regions", "minItems" },
        { "offering.schema.json", """{"conditions": ["copd", "copd"]}""", "/conditions", "uniqueItems" },
        { "offering.schema.json", """{"warranty": "2 years"}""", "", "additionalProperties" },
        { "offering.schema.json", """{"connectivity": null}""", "/connectivity", "oneOf" },
        { "attestation.schema.json", """{"status": "rejected", "decidedBy": "techuk", "decidedAt": "2026-05-01T10:00:00Z"}""", "", "required" },
        { "attestation.schema.json", """{"status": "submitted"}""", "/decidedBy", "decidedBy" },
        { "attestation.schema.json", """{"issuedOn": "2026-02-30"}""", "/issuedOn", "format" },
        { "attestation.schema.json", """{"evidence": [{"fileName": "cert.pdf", "contentType": "application/pdf", "sizeBytes": 1000, "sha256": "ABC"}]}""", "/evidence/0/sha256", "pattern" },
        { "attestation.schema.json", """{"evidence": [{"fileName": "cert.exe", "contentType": "application/x-msdownload", "sizeBytes": 1000, "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}]}""", "/evidence/0/contentType", "enum" },
        { "organisation.schema.json", """{"kind": "commissioner", "memberships": ["techuk"]}""", "/memberships", "memberships" },
        { "organisation.schema.json", """{"contactEmail": "not an address"}""", "/contactEmail", "format" },
        { "organisation.schema.json", """{"id": "Pennine Careline"}""", "/id", "pattern" },
        { "user.schema.json", """{"role": "Commissioner"}""", "", "required" },
        { "standard.schema.json", """{"validityMonths": 1.5}""", "/validityMonths", "type" },
        { "framework.schema.json", """{"status": "awarded"}""", "/status", "enum" },
        { "vocabulary.schema.json", """{"standardCode": "Cyber Essentials Plus"}""", "/standardCode", "oneOf" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_document_fails_at_the_field_at_fault(string file, string patch, string instanceLocation, string keyword)
    {
        var document = Example(file);
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            document[name] = value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == "SUMMARY281" ? new string('x', 281) : value?.DeepClone();
        }

        var errors = Repository.SchemaSet.Validate(file, CatalogueFiles.Element(document));

        Assert.True(
            errors.Any(e => e.InstanceLocation == instanceLocation && e.KeywordLocation.Contains(keyword, StringComparison.Ordinal)),
            $"expected an error at '{instanceLocation}' from '{keyword}', got:\n{SchemaSet.Report(errors)}");
    }

    [Theory]
    [InlineData("""{"type": "string", "contentEncoding": "base64"}""", "contentEncoding")]
    [InlineData("""{"type": "object", "patternProperties": {"^x-": true}}""", "patternProperties")]
    [InlineData("""{"type": "string", "format": "ipv4"}""", "ipv4")]
    public void The_validator_refuses_schemas_with_keywords_it_does_not_implement(string body, string keyword)
    {
        var schema = body.Insert(1, $"\"$schema\": \"{SchemaSet.Dialect}\", \"$id\": \"https://example.test/s.json\", ");

        var error = Assert.Throws<NotSupportedException>(() => new SchemaSet().Add(schema));

        Assert.Contains(keyword, error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Example(string file, int index = 0) =>
        JsonNode.Parse(Repository.SchemaSet[file].GetProperty("examples")[index].GetRawText())!.AsObject();

    /// <summary>Every object schema with properties says additionalProperties: false, and every property has a description.</summary>
    private static void Walk(JsonElement schema, string path, List<string> problems)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            var isConditional = path.EndsWith("/if", StringComparison.Ordinal) || path.EndsWith("/then", StringComparison.Ordinal) || path.EndsWith("/else", StringComparison.Ordinal);
            if (!closed && !isConditional)
            {
                problems.Add($"{path}: object schema without additionalProperties: false");
            }

            foreach (var property in properties.EnumerateObject().Where(p => !isConditional))
            {
                if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("description", out _))
                {
                    problems.Add($"{path}/properties/{property.Name}: no description");
                }
            }
        }

        foreach (var keyword in schema.EnumerateObject().Where(k => k.Name != "examples"))
        {
            switch (keyword.Value.ValueKind)
            {
                case JsonValueKind.Object when keyword.Name is "properties" or "$defs":
                    foreach (var sub in keyword.Value.EnumerateObject())
                    {
                        Walk(sub.Value, $"{path}/{keyword.Name}/{sub.Name}", problems);
                    }

                    break;
                case JsonValueKind.Object:
                    Walk(keyword.Value, $"{path}/{keyword.Name}", problems);
                    break;
                case JsonValueKind.Array when keyword.Name is "allOf" or "anyOf" or "oneOf":
                    var i = 0;
                    foreach (var sub in keyword.Value.EnumerateArray())
                    {
                        Walk(sub, $"{path}/{keyword.Name}/{i++}", problems);
                    }

                    break;
            }
        }
    }
}
