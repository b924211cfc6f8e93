using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Core.Shortlisting;
using Marketplace.Schemas;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>The templates in catalogue-seed/templates load into the Core records, are usable, and match schemas/template.schema.json.</summary>
public sealed class TemplateFileTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string Root = FindRoot();

    private static string TemplatesFolder => Path.Combine(Root, "catalogue-seed", "templates");

    private static string SchemaPath => Path.Combine(Root, "schemas", "template.schema.json");

    private static readonly Lazy<TemplateSchema> Schema = new(LoadSchema);

    public static TheoryData<string> TemplateFiles() =>
        [.. Directory.GetFiles(Path.Combine(FindRoot(), "catalogue-seed", "templates"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_framework_lot_has_a_template_and_receiving_centres_and_responders_have_one_each()
    {
        var templates = Directory.GetFiles(TemplatesFolder, "*.json").Select(Load).ToList();

        Assert.Equal([1, 2, 3, 4, 5, 6], templates.Select(t => t.Lot!.Value).Distinct().Order());
        // DOMAIN.md: receiving centres and responder services are different services, never ranked against each other.
        Assert.All(templates, t => Assert.False(
            t.Requirements.Select(r => r.Rule).OfType<CategoryRule>().Any(c => c.Categories.Contains("alarm-receiving-centre") && c.Categories.Contains("responder-service")),
            $"{t.Id} lets one specification rank receiving centres against responder services"));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_scores_declarations_not_free_text_compares_prices_like_for_like_and_weights_social_value(string file)
    {
        var template = Load(Path.Combine(TemplatesFolder, file));

        Assert.DoesNotContain(template.Requirements, r => r.Rule is FeaturePresentRule);
        var price = Assert.Single(template.Requirements, r => r.Rule is PriceRule);
        Assert.NotNull(((PriceRule)price.Rule).Models);
        Assert.NotNull(price.MaxSharePercent);
        Assert.InRange(price.MaxSharePercent!.Value, 1, 50);
        var total = template.Requirements.Sum(r => r.DefaultWeight ?? 0);
        var social = template.Requirements.Where(r => r.Rule is SocialValueRule).Sum(r => r.DefaultWeight ?? 0);
        Assert.True(social * 10 >= total, $"{template.Id}: social value defaults to {social} of {total}, under 10 %");
        Assert.InRange(100 * (price.DefaultWeight ?? 0) / total, price.MinSharePercent ?? 0, price.MaxSharePercent.Value);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_loads_is_named_after_its_file_and_has_unique_requirement_ids(string file)
    {
        var template = Load(Path.Combine(TemplatesFolder, file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), template.Id);
        var ids = template.Requirements.Select(r => r.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(template.Requirements, r => Assert.NotNull(r.Rule));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_passes_the_template_rules(string file)
    {
        var errors = TemplateRules.Validate(Load(Path.Combine(TemplatesFolder, file)));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public async Task Every_template_validates_against_the_template_schema(string file)
    {
        var schema = Schema.Value;

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(TemplatesFolder, file)));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_schemas_examples_validate_and_load()
    {
        var schema = Schema.Value;
        var examples = JsonNode.Parse(await File.ReadAllTextAsync(SchemaPath))!["examples"]!.AsArray();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            Assert.Empty(schema.Validate(example!.ToJsonString()));
            Assert.Empty(TemplateRules.Validate(example.Deserialize<KeyRequirementsTemplate>(Web)!));
        }
    }

    public static TheoryData<string, string> BrokenTemplates() => new()
    {
        // A gate with a weight, a price gate, a criterion without a weight, an unknown rule type, a bad slug, a stray property.
        { """{ "kind": "gate", "defaultWeight": 5 }""", "weight on a gate" },
        { """{ "kind": "gate", "defaultWeight": null, "rule": { "type": "price" } }""", "price gate" },
        { """{ "kind": "criterion", "defaultWeight": null }""", "criterion without weight" },
        { """{ "rule": { "type": "vibes" } }""", "unknown rule type" },
        { """{ "rule": { "type": "standard-held", "code": "ISO9001" } }""", "unknown standard" },
        { """{ "rule": { "type": "condition-covered", "conditions": ["gout"] } }""", "unknown condition" },
        { """{ "rule": { "type": "feature-present", "phrase": "x", "extra": 1 } }""", "extra rule property" },
        { """{ "colour": "red" }""", "extra requirement property" },
    };

    [Theory]
    [MemberData(nameof(BrokenTemplates))]
    public async Task The_schema_refuses_a_broken_requirement(string patch, string what)
    {
        var schema = Schema.Value;
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TemplatesFolder, "telecoaching.json")))!;
        var requirement = template["sections"]![1]!["requirements"]![0]!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            if (value is null)
            {
                requirement.Remove(name);
            }
            else
            {
                requirement[name] = value.DeepClone();
            }
        }

        Assert.True(schema.Validate(template.ToJsonString()).Count > 0, what);
    }

    [Fact]
    public void An_unknown_rule_type_does_not_load()
    {
        var json = """{ "id": "x", "text": "x", "kind": "criterion", "rule": { "type": "vibes" }, "defaultWeight": 1 }""";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Requirement>(json, Web));
    }

    [Fact]
    public void A_rule_round_trips_with_its_type_first()
    {
        var json = JsonSerializer.Serialize<RequirementRule>(new InteroperabilityRule(["bs8521-2", "scaip"]), Web);

        Assert.Equal("""{"type":"interoperability","interoperability":["bs8521-2","scaip"]}""", json);
        Assert.Equal(["bs8521-2", "scaip"], Assert.IsType<InteroperabilityRule>(JsonSerializer.Deserialize<RequirementRule>(json, Web)).Interoperability);
    }

    [Theory]
    [InlineData("category", nameof(Vocabulary.Categories))]
    [InlineData("condition", nameof(Vocabulary.Conditions))]
    [InlineData("region", nameof(Vocabulary.Regions))]
    [InlineData("interoperability", nameof(Vocabulary.Interoperability))]
    [InlineData("connectivity", nameof(Vocabulary.Connectivity))]
    [InlineData("standardCode", nameof(Vocabulary.StandardCodes))]
    [InlineData("capability", nameof(Vocabulary.Capabilities))]
    public void The_scorers_vocabulary_matches_the_schemas(string definition, string field)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "schemas", "vocabulary.schema.json")))!;
        var slugs = schema["$defs"]![definition]!["oneOf"]!.AsArray().Select(e => (string)e!["const"]!).Order(StringComparer.Ordinal);
        var mine = field switch
        {
            nameof(Vocabulary.Categories) => Vocabulary.Categories.Keys,
            nameof(Vocabulary.Conditions) => Vocabulary.Conditions.Keys,
            nameof(Vocabulary.Regions) => Vocabulary.Regions.Keys,
            nameof(Vocabulary.Interoperability) => Vocabulary.Interoperability.Keys,
            nameof(Vocabulary.Connectivity) => Vocabulary.Connectivity.Keys,
            nameof(Vocabulary.Capabilities) => Vocabulary.Capabilities.Keys,
            _ => (IEnumerable<string>)Vocabulary.StandardCodes,
        };

        Assert.Equal(slugs, mine.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_price_models_match_the_schemas()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "schemas", "vocabulary.schema.json")))!;

        Assert.Equal(schema["$defs"]!["priceModel"]!["oneOf"]!.AsArray().Select(e => (string)e!["const"]!), WholeLifeCost.Models);
        // Template rules check price bases against the words explanations use: the same five models.
        Assert.Equal(WholeLifeCost.Models.Order(StringComparer.Ordinal), Vocabulary.PriceModels.Keys.Order(StringComparer.Ordinal));
    }

    // The template schema refers into vocabulary.schema.json, so the whole folder is loaded.
    private static TemplateSchema LoadSchema() => new(DocumentSchemas.Load(Path.Combine(Root, "schemas")));

    private sealed class TemplateSchema(DocumentSchemas schemas)
    {
        public IReadOnlyList<SchemaError> Validate(string json) => schemas.Validate("template.schema.json", json);
    }

    private static KeyRequirementsTemplate Load(string path) =>
        JsonSerializer.Deserialize<KeyRequirementsTemplate>(File.ReadAllText(path), Web) ?? throw new InvalidDataException(path);

    internal static string FindRoot()
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
