using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Marketplace.Schemas;

/// <summary>
/// The repository's document schemas (<c>schemas/*.schema.json</c>), loaded once through <see cref="SchemaLoader"/> and
/// then shared: validating is read-only, so one instance serves every thread. A schema is named by its file name
/// (<c>offering.schema.json</c>) or its <c>$id</c>.
/// </summary>
public sealed partial class DocumentSchemas
{
    private readonly Dictionary<string, JsonSchema> schemas;
    // The parameterless constructor takes an empty list of format validators and so checks no format at all.
    private readonly JsonSchemaValidator validator = new(new JsonSchemaValidatorSettings());

    private DocumentSchemas(Dictionary<string, JsonSchema> schemas, IReadOnlyList<string> files)
    {
        this.schemas = schemas;
        Files = files;
    }

    /// <summary>The file names loaded, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Loads every <c>*.schema.json</c> in <paramref name="folder"/>; references between them resolve offline.</summary>
    /// <exception cref="NotSupportedException">A schema uses a keyword or format NJsonSchema would not enforce.</exception>
    public static async Task<DocumentSchemas> LoadAsync(string folder, CancellationToken ct = default)
    {
        var files = Directory.GetFiles(folder, "*.schema.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No *.schema.json files are in {Path.GetFullPath(folder)}.");
        }

        // A reference by $id resolves to the file that declares it.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (IdOf(await File.ReadAllTextAsync(file, ct)) is { } id)
            {
                ids[id] = file;
            }
        }

        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var schema = await SchemaLoader.LoadFileAsync(file, ids, ct);
            schemas[Path.GetFileName(file)] = schema;
        }

        foreach (var (id, file) in ids)
        {
            schemas[id] = schemas[Path.GetFileName(file)];
        }

        return new DocumentSchemas(schemas, [.. files.Select(f => Path.GetFileName(f))]);
    }

    /// <summary>Loads synchronously, for a service factory run once at start-up.</summary>
    public static DocumentSchemas Load(string folder) => LoadAsync(folder).GetAwaiter().GetResult();

    /// <summary>Whether a schema of that file name or <c>$id</c> is loaded.</summary>
    public bool Contains(string schema) => schemas.ContainsKey(schema);

    /// <summary>Validates a JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON (or repeats a property name).</exception>
    public IReadOnlyList<SchemaError> Validate(string schema, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        return Validate(schema, document.RootElement);
    }

    public IReadOnlyList<SchemaError> Validate(string schema, JsonNode? json) =>
        Validate(schema, json is null ? JValue.CreateNull() : ToToken(JsonSerializer.SerializeToElement(json)));

    public IReadOnlyList<SchemaError> Validate(string schema, JsonElement json) => Validate(schema, ToToken(json));

    private IReadOnlyList<SchemaError> Validate(string schema, JToken token) =>
        ErrorReport.From(validator.Validate(token, Get(schema)));

    private JsonSchema Get(string schema) => schemas.TryGetValue(schema, out var found)
        ? found
        : throw new ArgumentException($"No schema named '{schema}' is loaded; the files are {string.Join(", ", Files)}.", nameof(schema));

    private static string? IdOf(string schemaJson) =>
        JsonNode.Parse(schemaJson) is JsonObject root && root["$id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null;

    // NJsonSchema validates Newtonsoft tokens. Numbers are converted exactly (decimal where it can hold them, so that
    // multipleOf 0.01 sees 12.34 and not a binary fraction), and a number written with a zero fraction (5.0) is an
    // integer, as JSON Schema defines it.
    private static JToken ToToken(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => new JArray(element.EnumerateArray().Select(ToToken)),
        JsonValueKind.String => new JValue(element.GetString()),
        JsonValueKind.Number => Number(element.GetRawText()),
        JsonValueKind.True => new JValue(true),
        JsonValueKind.False => new JValue(false),
        _ => JValue.CreateNull(),
    };

    private static JObject Object(JsonElement element)
    {
        var result = new JObject();
        foreach (var property in element.EnumerateObject())
        {
            if (result.ContainsKey(property.Name))
            {
                // Which of the two would the reader of the document use? Refuse rather than guess.
                throw new JsonException($"The property '{property.Name}' appears twice in one object.");
            }

            result.Add(property.Name, ToToken(property.Value));
        }

        return result;
    }

    private static JValue Number(string text)
    {
        // NJsonSchema reads every number as a decimal (or a double when that overflows) and cannot read a BigInteger at
        // all, so an integer beyond 64 bits goes as a decimal or double: it then fails "type": "integer", as it would
        // fail any range we set.
        if (WholeNumber().Match(text) is { Success: true } whole && long.TryParse(whole.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? new JValue(exact)
            : new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(-?\d+)(?:\.0+)?$")]
    private static partial Regex WholeNumber();
}
