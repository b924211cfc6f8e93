using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.References;

namespace Marketplace.Schemas;

/// <summary>
/// Loads JSON Schemas for NJsonSchema, the validator available to us, so that every rule in them is enforced.
/// <para>
/// NJsonSchema implements draft-04 and skips, without a word, what it does not know. So a schema is first checked
/// keyword by keyword, and anything NJsonSchema would ignore (<c>unevaluatedProperties</c>, <c>prefixItems</c>,
/// <c>dependentRequired</c>, an unknown <c>format</c>, …) is refused with a <see cref="NotSupportedException"/>
/// naming the keyword and where it is. What it can express another way is rewritten, with the same meaning:
/// </para>
/// <list type="bullet">
/// <item><c>const: x</c> ≡ <c>enum: [x]</c>;</item>
/// <item><c>if</c>/<c>then</c>/<c>else</c> ≡ <c>anyOf</c> of <c>allOf: [if, then]</c> and <c>allOf: [not if, else]</c>;</item>
/// <item>boolean subschemas: <c>true</c> ≡ <c>{}</c>, <c>false</c> ≡ <c>not: {}</c>;</item>
/// <item>from 2019-09 on, <c>$ref</c> applies beside its sibling keywords, but NJsonSchema follows the reference and
/// drops the siblings, so the reference moves into <c>allOf</c>;</item>
/// <item><c>$defs</c> becomes <c>definitions</c> (and so do references into it): NJsonSchema keeps <c>$defs</c> as
/// unknown data and never resolves the references inside it;</item>
/// <item>NJsonSchema also treats a one-element <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> holding a reference as that
/// reference and drops the siblings, so such a list is given a second, empty schema.</item>
/// </list>
/// Relative file references are loaded (and checked and rewritten) from disk; URL references only through
/// <c>knownUrls</c>: schemas are never fetched over the network.
/// </summary>
public static class SchemaLoader
{
    /// <summary>
    /// Extension keyword the rewrite leaves on a schema it made, so that error reports can explain the original:
    /// <c>"if"</c> on the <c>anyOf</c> an if/then/else became, <c>"false"</c> on the <c>not: {}</c> a false schema became.
    /// </summary>
    public const string RewrittenFrom = "x-rewritten-from";

    private static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "id", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        // The Open Contracting Data Standard's own annotations (codelists, merge rules): they describe, never constrain.
        "codelist", "openCodelist", "mergeStrategy", "wholeListMerge", "omitWhenMerged", "deprecatedVersion", "versionId",
    ];

    // Every keyword here is enforced by NJsonSchema's validator, or rewritten below into ones that are.
    private static readonly HashSet<string> Assertions =
    [
        "$ref", "type", "enum", "const", "format", "pattern", "minLength", "maxLength",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "items", "additionalItems", "minItems", "maxItems", "uniqueItems",
        "properties", "patternProperties", "additionalProperties", "required", "minProperties", "maxProperties",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$defs", "definitions",
    ];

    // The formats NJsonSchema's default validator settings check; any other format would pass anything.
    private static readonly HashSet<string> Formats =
        ["date-time", "date", "time", "time-span", "email", "hostname", "ipv4", "ipv6", "guid", "uuid", "uri", "byte", "base64"];

    private static readonly string[] Types = ["string", "number", "integer", "boolean", "object", "array", "null"];

    public static async Task<JsonSchema> LoadFileAsync(string path, IReadOnlyDictionary<string, string>? knownUrls = null, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var json = Rewrite(await File.ReadAllTextAsync(full, ct), Path.GetFileName(full));
        return await JsonSchema.FromJsonAsync(json, full, schema => new LocalResolver(schema, knownUrls ?? new Dictionary<string, string>()), ct);
    }

    /// <summary>
    /// Checks every keyword of a schema and rewrites the ones NJsonSchema would misread (see the class summary).
    /// </summary>
    /// <param name="schemaJson">The schema document.</param>
    /// <param name="name">Names the document in error messages, e.g. its file name.</param>
    /// <exception cref="NotSupportedException">A keyword or format that NJsonSchema would not enforce.</exception>
    public static string Rewrite(string schemaJson, string name = "schema")
    {
        var root = JsonNode.Parse(schemaJson) ?? throw new JsonException($"{name} is empty.");
        var dialect = root is JsonObject o && o["$schema"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        // Without $schema, the current dialect is assumed: siblings of $ref apply.
        var context = new Context(name, dialect.Length == 0 || dialect.Contains("2019-09", StringComparison.Ordinal) || dialect.Contains("2020-12", StringComparison.Ordinal));
        return Schema(root, "", context).ToJsonString();
    }

    private sealed record Context(string Name, bool RefAppliesBesideSiblings);

    private static JsonNode Schema(JsonNode? node, string at, Context context)
    {
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.True:
                return new JsonObject();
            case JsonValue value when value.GetValueKind() == JsonValueKind.False:
                return new JsonObject { ["not"] = new JsonObject(), [RewrittenFrom] = "false" };
            case JsonObject:
                break;
            default:
                throw Refuse(context, at, "a schema must be an object or a boolean");
        }

        var schema = (JsonObject)node;
        foreach (var (keyword, value) in schema.ToList())
        {
            var here = $"{at}/{Escape(keyword)}";
            if (!Annotations.Contains(keyword) && !Assertions.Contains(keyword))
            {
                throw Refuse(context, here, $"keyword '{keyword}' is not enforced by NJsonSchema, so the rule would be silently skipped");
            }

            switch (keyword)
            {
                case "then" or "else" when !schema.ContainsKey("if"):
                    throw Refuse(context, here, $"'{keyword}' without 'if' has no effect");
                case "properties" or "patternProperties" or "$defs" or "definitions":
                    var map = value as JsonObject ?? throw Refuse(context, here, $"'{keyword}' must be an object of schemas");
                    foreach (var (name, subschema) in map.ToList())
                    {
                        Put(map, name, Schema(subschema, $"{here}/{Escape(name)}", context));
                    }

                    break;
                case "additionalProperties" or "additionalItems" when value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    break; // NJsonSchema reads these two as booleans itself
                case "additionalProperties" or "additionalItems" or "not" or "if" or "then" or "else":
                    Put(schema, keyword, Schema(value, here, context));
                    break;
                case "items" when value is JsonArray tuple:
                    for (var i = 0; i < tuple.Count; i++)
                    {
                        Put(tuple, i, Schema(tuple[i], $"{here}/{i}", context));
                    }

                    break;
                case "items":
                    Put(schema, keyword, Schema(value, here, context));
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var list = value as JsonArray is { Count: > 0 } a ? a : throw Refuse(context, here, $"'{keyword}' must be a non-empty array of schemas");
                    for (var i = 0; i < list.Count; i++)
                    {
                        Put(list, i, Schema(list[i], $"{here}/{i}", context));
                    }

                    break;
                case "format" when value is not JsonValue || !value.AsValue().TryGetValue<string>(out var format) || !Formats.Contains(format):
                    throw Refuse(context, here, $"format '{value?.ToString()}' is not checked by NJsonSchema (it checks {string.Join(", ", Formats)})");
                case "type" when !(value is JsonArray types ? types.All(IsType) : IsType(value)):
                    throw Refuse(context, here, $"type {value?.ToJsonString()} is not one of {string.Join(", ", Types)}");
                case "enum" when value is not JsonArray { Count: > 0 } values || !values.All(IsComparable):
                case "const" when !IsComparable(value):
                    // NJsonSchema compares enum values by their text, which for objects and arrays depends on member order.
                    throw Refuse(context, here, $"'{keyword}' may only hold strings, numbers, booleans and null here");
            }
        }

        RenameDefinitions(schema, at, context);
        RewriteConst(schema);
        RewriteCondition(schema);
        if (context.RefAppliesBesideSiblings)
        {
            MoveReferenceBesideSiblings(schema);
        }

        PadSingleAlternatives(schema);
        return schema;
    }

    // A node that is already in place cannot be assigned again.
    private static void Put(JsonObject parent, string key, JsonNode value)
    {
        if (!ReferenceEquals(parent[key], value))
        {
            parent[key] = value;
        }
    }

    private static void Put(JsonArray parent, int index, JsonNode value)
    {
        if (!ReferenceEquals(parent[index], value))
        {
            parent[index] = value;
        }
    }

    private static bool IsType(JsonNode? type) => type is JsonValue v && v.TryGetValue<string>(out var name) && Types.Contains(name);

    private static bool IsComparable(JsonNode? value) => value is null || value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;

    private static void RenameDefinitions(JsonObject schema, string at, Context context)
    {
        if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && target.Contains("/$defs/", StringComparison.Ordinal))
        {
            schema["$ref"] = target.Replace("/$defs/", "/definitions/", StringComparison.Ordinal);
        }

        if (schema["$defs"] is not JsonObject defs)
        {
            return;
        }

        schema.Remove("$defs");
        var definitions = schema["definitions"] as JsonObject ?? [];
        foreach (var (name, definition) in defs.ToList())
        {
            if (definitions.ContainsKey(name))
            {
                throw Refuse(context, at, $"'{name}' is both in $defs and in definitions");
            }

            defs.Remove(name);
            definitions[name] = definition;
        }

        Put(schema, "definitions", definitions);
    }

    private static void RewriteConst(JsonObject schema)
    {
        if (schema.TryGetPropertyValue("const", out var value))
        {
            schema.Remove("const");
            schema["enum"] = new JsonArray(value?.DeepClone());
        }
    }

    private static void RewriteCondition(JsonObject schema)
    {
        if (schema["if"] is not { } condition)
        {
            return;
        }

        var then = schema["then"]?.DeepClone() ?? new JsonObject();
        var otherwise = schema["else"]?.DeepClone() ?? new JsonObject();
        schema.Remove("if");
        schema.Remove("then");
        schema.Remove("else");
        AddToAllOf(schema, new JsonObject
        {
            [RewrittenFrom] = "if",
            ["anyOf"] = new JsonArray(
                new JsonObject { ["allOf"] = new JsonArray(condition.DeepClone(), then) },
                new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["not"] = condition.DeepClone() }, otherwise) }),
        });
    }

    private static void MoveReferenceBesideSiblings(JsonObject schema)
    {
        if (schema["$ref"] is { } reference && schema.Any(p => p.Key != "$ref" && !Annotations.Contains(p.Key) && p.Key != RewrittenFrom))
        {
            schema.Remove("$ref");
            AddToAllOf(schema, new JsonObject { ["$ref"] = reference.DeepClone() });
        }
    }

    private static void PadSingleAlternatives(JsonObject schema)
    {
        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            // Any or one of a single schema is that schema.
            if (schema[keyword] is JsonArray { Count: 1 } single)
            {
                schema.Remove(keyword);
                AddToAllOf(schema, single[0]!.DeepClone());
            }
        }

        if (schema["allOf"] is JsonArray { Count: 1 } allOf)
        {
            allOf.Add(new JsonObject());
        }
    }

    private static void AddToAllOf(JsonObject schema, JsonNode subschema)
    {
        if (schema["allOf"] is JsonArray allOf)
        {
            allOf.Add(subschema);
        }
        else
        {
            schema["allOf"] = new JsonArray(subschema);
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static NotSupportedException Refuse(Context context, string at, string reason) => new($"{context.Name}#{at}: {reason}.");

    private sealed class LocalResolver(JsonSchema root, IReadOnlyDictionary<string, string> knownUrls)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            await LoadFileAsync(filePath, knownUrls, cancellationToken);

        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            knownUrls.TryGetValue(url.Split('#')[0], out var path)
                ? await LoadFileAsync(path, knownUrls, cancellationToken)
                : throw new InvalidOperationException($"No local copy is registered for {url}; schemas are never fetched over the network.");
    }
}
