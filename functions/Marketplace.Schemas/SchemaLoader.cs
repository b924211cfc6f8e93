using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.References;

namespace Marketplace.Schemas;

/// <summary>
/// Loads JSON Schemas for NJsonSchema, the validator available to us. NJsonSchema ignores <c>const</c> and
/// <c>if</c>/<c>then</c>/<c>else</c>; both are rewritten first into keywords it enforces, with the same meaning
/// (JSON Schema spec: <c>const: x</c> ≡ <c>enum: [x]</c>; if/then/else ≡ <c>anyOf</c> of <c>allOf</c> and <c>not</c>).
/// Relative file references are loaded (and rewritten) from disk; URL references only through <paramref name="knownUrls"/>.
/// </summary>
public static class SchemaLoader
{
    public static async Task<JsonSchema> LoadFileAsync(string path, IReadOnlyDictionary<string, string>? knownUrls = null, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var json = Rewrite(await File.ReadAllTextAsync(full, ct));
        return await JsonSchema.FromJsonAsync(json, full, schema => new LocalResolver(schema, knownUrls ?? new Dictionary<string, string>()), ct);
    }

    /// <summary>Rewrites <c>const</c> and <c>if</c>/<c>then</c>/<c>else</c> into draft-04 keywords, everywhere in the schema.</summary>
    public static string Rewrite(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson) ?? throw new JsonException("The schema is empty.");
        return Rewrite(root)!.ToJsonString();
    }

    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var rewritten = Rewrite(array[i]);
                    if (!ReferenceEquals(rewritten, array[i]))
                    {
                        array[i] = rewritten;
                    }
                }
                return array;
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    // Keyword positions only matter where a schema is; rewriting property names that happen to be
                    // "const" inside "properties" would be wrong, so skip the maps of subschemas' names.
                    var child = obj[key];
                    var rewritten = Rewrite(child);
                    if (!ReferenceEquals(rewritten, child))
                    {
                        obj[key] = rewritten;
                    }
                }
                if (obj.ContainsKey("const") && !IsPropertyMap(obj))
                {
                    var value = obj["const"]!.DeepClone();
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value);
                }
                if (obj["if"] is JsonNode condition && !IsPropertyMap(obj))
                {
                    var then = obj["then"]?.DeepClone() ?? new JsonObject();
                    var otherwise = obj["else"]?.DeepClone() ?? new JsonObject();
                    obj.Remove("if");
                    obj.Remove("then");
                    obj.Remove("else");
                    var branches = new JsonArray(
                        new JsonObject { ["allOf"] = new JsonArray(condition.DeepClone(), then) },
                        new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["not"] = condition.DeepClone() }, otherwise) });
                    var either = new JsonObject { ["anyOf"] = branches };
                    if (obj["allOf"] is JsonArray allOf)
                    {
                        allOf.Add(either);
                    }
                    else
                    {
                        obj["allOf"] = new JsonArray(either);
                    }
                }
                return obj;
            default:
                return node;
        }
    }

    // A "properties" (or "$defs"/"definitions"/"patternProperties") map whose member is literally named "const"/"if".
    private static bool IsPropertyMap(JsonObject obj) =>
        obj.Parent is JsonObject parent && parent.Any(p => ReferenceEquals(p.Value, obj) &&
            p.Key is "properties" or "patternProperties" or "definitions" or "$defs" or "dependencies");

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
