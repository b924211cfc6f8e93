using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Schemas;

namespace Marketplace.Seed.Tests;

public sealed class SchemaTests
{
    private const string IdBase = "https://telecare-marketplace.example/schemas/";
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] Files =
    [
        "vocabulary.schema.json", "organisation.schema.json", "standard.schema.json", "offering.schema.json",
        "framework.schema.json", "attestation.schema.json", "user.schema.json", "offering-listing.schema.json",
        "template.schema.json", "specification.schema.json", "call-off-outcome.schema.json",
        "buyer-assessment.schema.json", "buyer-assessment-request.schema.json",
        "award-checks.schema.json", "competition-start.schema.json", "competition-response.schema.json", "competition-scores.schema.json",
        "competition-contract.schema.json", "clarification.schema.json",
    ];

    private static readonly string[] ServerOwned = ["id", "supplierId", "status"];

    public static TheoryData<string> SchemaFiles() => [.. Files];

    [Fact]
    public void The_schemas_folder_holds_exactly_the_listed_schemas()
    {
        var files = Directory.GetFiles(Repository.Schemas, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Files.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_is_2020_12_with_its_id_title_description_and_a_closed_root(string file)
    {
        var schema = Repository.SchemaJson(file);

        Assert.Equal(Dialect, schema.GetProperty("$schema").GetString());
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
        Walk(Repository.SchemaJson(file), "#", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_example_validates_against_its_own_schema(string file)
    {
        var examples = Repository.SchemaJson(file).GetProperty("examples").EnumerateArray().ToList();

        Assert.NotEmpty(examples);
        for (var i = 0; i < examples.Count; i++)
        {
            var errors = Repository.DocumentSchemas.Validate(file, examples[i]);
            Assert.True(errors.Count == 0, $"{file} example {i}:\n{Repository.Report(errors)}");
        }
    }

    [Fact]
    public void An_offering_with_an_unknown_category_and_no_supplier_is_rejected_naming_both_paths()
    {
        var offering = Example("offering.schema.json");
        offering["category"] = "jetpack";
        offering.Remove("supplierId");

        var errors = Repository.DocumentSchemas.Validate("offering.schema.json", offering);

        Assert.Equal(
            [new SchemaError("$.category", "is not one of the allowed values"), new SchemaError("$.supplierId", "is required")],
            errors);
    }

    public static TheoryData<string, string, string, string> BrokenDocuments() => new()
    {
        { "offering.schema.json", """{"summary": "SUMMARY281"}""", "$.summary", "must be at most 280 characters long" },
        { "offering.schema.json", """{"price": {"model": "per-unit", "amountGbp": 12.345}}""", "$.price.amountGbp", "must have at most 2 decimal places" },
        { "offering.schema.json", """{"price": {"model": "per-unit", "amountGbp": 120.00, "outcomeRewardGbp": 50.00}}""", "$.price.model", "must be \"managed-service-monthly\"" },
        { "offering.schema.json", """{"regions": []}""", "$.regions", "must have at least one item" },
        { "offering.schema.json", """{"regions": ["wales", "atlantis"]}""", "$.regions[1]", "is not one of the allowed values" },
        { "offering.schema.json", """{"conditions": ["copd", "copd"]}""", "$.conditions", "must not list the same item twice" },
        { "offering.schema.json", """{"warranty": "2 years"}""", "$.warranty", "is not allowed here" },
        { "offering.schema.json", """{"connectivity": null}""", "$.connectivity", "is not one of the allowed values" },
        { "offering.schema.json", """{"leadTimeDays": 2.5}""", "$.leadTimeDays", "must be a whole number" },
        { "offering.schema.json", """{"outcomeEvidence": [{"summary": "Fewer falls", "source": "Pilot"}]}""", "$.outcomeEvidence[0].year", "is required" },
        { "attestation.schema.json", """{"status": "rejected", "decidedBy": "techuk", "decidedAt": "2026-05-01T10:00:00Z"}""", "$.reason", "is required" },
        { "attestation.schema.json", """{"status": "submitted"}""", "$.decidedBy", "is not allowed here" },
        { "attestation.schema.json", """{"issuedOn": "2026-02-30"}""", "$.issuedOn", "must be a date (YYYY-MM-DD)" },
        { "attestation.schema.json", """{"decidedAt": "yesterday"}""", "$.decidedAt", "must be a date and time (e.g. 2026-05-01T10:00:00Z)" },
        { "attestation.schema.json", """{"evidence": [{"fileName": "cert.pdf", "contentType": "application/pdf", "sizeBytes": 1000, "sha256": "ABC"}]}""", "$.evidence[0].sha256", "does not match the pattern ^[0-9a-f]{64}$" },
        { "attestation.schema.json", """{"evidence": [{"fileName": "cert.exe", "contentType": "application/x-msdownload", "sizeBytes": 1000, "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}]}""", "$.evidence[0].contentType", "is not one of the allowed values" },
        { "organisation.schema.json", """{"kind": "commissioner", "memberships": ["techuk"]}""", "$.memberships", "is not allowed here" },
        { "organisation.schema.json", """{"contactEmail": "not an address"}""", "$.contactEmail", "must be an email address" },
        { "organisation.schema.json", """{"id": "Pennine Careline"}""", "$.id", "does not match the pattern ^[a-z0-9][a-z0-9-]{1,63}$" },
        { "user.schema.json", """{"role": "Commissioner"}""", "$.organisationId", "is required" },
        { "standard.schema.json", """{"validityMonths": 1.5}""", "$.validityMonths", "must be a whole number or null" },
        { "standard.schema.json", """{"validityMonths": 240}""", "$.validityMonths", "must be at most 120" },
        { "framework.schema.json", """{"status": "awarded"}""", "$.status", "is not one of the allowed values" },
        { "vocabulary.schema.json", """{"standardCode": "Cyber Essentials Plus"}""", "$.standardCode", "is not one of the allowed values" },
        { "offering-listing.schema.json", """{"id": "Off 999"}""", "$.id", "does not match the pattern ^[a-z0-9][a-z0-9-]{1,63}$" },
        { "offering-listing.schema.json", """{"status": "withdrawn"}""", "$.status", "is not one of the allowed values" },
        { "offering-listing.schema.json", """{"supplierName": "Downs"}""", "$.supplierName", "is not allowed here" },
        { "offering-listing.schema.json", """{"price": {"model": "per-unit", "amountGbp": -1}}""", "$.price.amountGbp", "must be at least 0" },
        { "offering-listing.schema.json", """{"kind": "product", "connectivity": null}""", "$.connectivity", "is not one of the allowed values" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_document_fails_at_the_field_at_fault(string file, string patch, string path, string message)
    {
        var document = Example(file);
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            document[name] = value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == "SUMMARY281" ? new string('x', 281) : value?.DeepClone();
        }

        var errors = Repository.DocumentSchemas.Validate(file, document);

        Assert.True(
            errors.Contains(new SchemaError(path, message)),
            $"expected '{path}: {message}', got:\n{Repository.Report(errors)}");
    }

    [Fact]
    public void Every_seed_offering_without_its_server_owned_fields_is_a_valid_listing()
    {
        var failures = Repository.SeedFiles.Offerings
            .Select((offering, index) =>
            {
                var listing = offering!.DeepClone().AsObject();
                foreach (var field in ServerOwned)
                {
                    listing.Remove(field);
                }

                return (index, errors: Repository.DocumentSchemas.Validate("offering-listing.schema.json", listing));
            })
            .Where(r => r.errors.Count > 0)
            .Select(r => $"offerings.json[{r.index}]:\n{Repository.Report(r.errors)}")
            .ToList();

        Assert.NotEmpty(Repository.SeedFiles.Offerings);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    // The server-owned fields are optional listing properties so that a GET body can be sent back (the endpoint
    // compares them with what it holds); a listing never has to carry them.
    public void A_listing_has_the_offering_fields_and_required_list_less_the_server_owned_ones_which_are_optional()
    {
        var offering = Repository.SchemaJson("offering.schema.json");
        var listing = Repository.SchemaJson("offering-listing.schema.json");

        Assert.Equal(
            offering.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            listing.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.All(ServerOwned, field => Assert.Equal($"offering.schema.json#/properties/{field}",
            listing.GetProperty("properties").GetProperty(field).GetProperty("$ref").GetString()));
        Assert.Equal(
            offering.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Except(ServerOwned),
            listing.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(offering.GetProperty("allOf").GetRawText().Replace("#/$defs/", "offering.schema.json#/$defs/", StringComparison.Ordinal), listing.GetProperty("allOf").GetRawText());
    }

    [Fact]
    public void A_listing_without_connectivity_is_refused_for_a_product_and_accepted_for_a_service()
    {
        var product = Example("offering-listing.schema.json", 0);
        var service = Example("offering-listing.schema.json", 1);
        product.Remove("connectivity");
        service.Remove("connectivity");

        Assert.Equal([new SchemaError("$.connectivity", "is required")], Repository.DocumentSchemas.Validate("offering-listing.schema.json", product));
        Assert.Empty(Repository.DocumentSchemas.Validate("offering-listing.schema.json", service));
    }

    private static JsonObject Example(string file, int index = 0) =>
        JsonNode.Parse(Repository.SchemaJson(file).GetProperty("examples")[index].GetRawText())!.AsObject();

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
