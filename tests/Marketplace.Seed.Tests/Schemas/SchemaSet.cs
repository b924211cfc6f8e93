using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Seed.Tests.Schemas;

/// <summary>One failed assertion, in the spirit of the JSON Schema "list" output format.</summary>
internal sealed record SchemaError(string InstanceLocation, string KeywordLocation, string Message)
{
    public override string ToString() => $"{(InstanceLocation.Length == 0 ? "(root)" : InstanceLocation)}: {Message} [at #{KeywordLocation}]";
}

/// <summary>
/// A registry of JSON Schema 2020-12 documents, resolved offline by <c>$id</c>, and a validator for the keywords our
/// schemas use. Why not JsonSchema.Net: its dependency JsonPointer.Net is not served by this project's NuGet source,
/// so it cannot be restored. Loading refuses any keyword or format this validator does not implement, so a schema
/// can never pass by being silently ignored.
/// </summary>
internal sealed class SchemaSet
{
    private static readonly HashSet<string> Annotations =
        ["$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly"];

    private static readonly HashSet<string> Assertions =
    [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
        "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    ];

    private static readonly HashSet<string> Formats = ["date", "date-time", "email", "uri"];

    private readonly Dictionary<Uri, JsonElement> documents = [];
    private readonly Dictionary<string, Regex> patterns = new(StringComparer.Ordinal);

    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    public IReadOnlyDictionary<Uri, JsonElement> Documents => documents;

    public static SchemaSet Load(string folder)
    {
        var set = new SchemaSet();
        foreach (var file in Directory.GetFiles(folder, "*.schema.json").Order(StringComparer.Ordinal))
        {
            set.Add(File.ReadAllText(file));
        }

        return set;
    }

    public JsonElement Add(string schemaText)
    {
        var root = JsonDocument.Parse(schemaText).RootElement;
        if (!root.TryGetProperty("$id", out var id) || !Uri.TryCreate(id.GetString(), UriKind.Absolute, out var uri))
        {
            throw new NotSupportedException("every schema needs an absolute $id");
        }

        if (!root.TryGetProperty("$schema", out var dialect) || dialect.GetString() != Dialect)
        {
            throw new NotSupportedException($"{uri}: only {Dialect} is supported");
        }

        CheckKeywords(root, "");
        documents[uri] = root;
        return root;
    }

    public JsonElement this[string fileName] => documents.Single(d => d.Key.AbsolutePath.EndsWith("/" + fileName, StringComparison.Ordinal)).Value;

    public IReadOnlyList<SchemaError> Validate(string fileName, JsonElement instance)
    {
        var schema = this[fileName];
        var errors = new List<SchemaError>();
        Evaluate(schema, BaseOf(schema), instance, "", "", errors);
        return errors;
    }

    private static Uri BaseOf(JsonElement schema) => new(schema.GetProperty("$id").GetString()!);

    private static void CheckKeywords(JsonElement schema, string path)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException($"#{path}: a schema must be an object or a boolean");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var at = $"{path}/{keyword.Name}";
            if (!Annotations.Contains(keyword.Name) && !Assertions.Contains(keyword.Name))
            {
                throw new NotSupportedException($"#{at}: keyword '{keyword.Name}' is not implemented by this validator");
            }

            switch (keyword.Name)
            {
                case "$defs" or "properties":
                    foreach (var sub in keyword.Value.EnumerateObject())
                    {
                        CheckKeywords(sub.Value, $"{at}/{sub.Name}");
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var i = 0;
                    foreach (var sub in keyword.Value.EnumerateArray())
                    {
                        CheckKeywords(sub, $"{at}/{i++}");
                    }

                    break;
                case "items" or "additionalProperties" or "not" or "if" or "then" or "else":
                    CheckKeywords(keyword.Value, at);
                    break;
                case "format" when !Formats.Contains(keyword.Value.GetString()!):
                    throw new NotSupportedException($"#{at}: format '{keyword.Value.GetString()}' is not implemented by this validator");
            }
        }
    }

    private bool Evaluate(JsonElement schema, Uri baseUri, JsonElement instance, string instancePath, string keywordPath, List<SchemaError> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new SchemaError(instancePath, keywordPath, "no value is allowed here"));
            return false;
        }

        var before = errors.Count;
        void Fail(string keyword, string message) => errors.Add(new SchemaError(instancePath, $"{keywordPath}/{keyword}", message));

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var at = $"{keywordPath}/{keyword.Name}";
            switch (keyword.Name)
            {
                case "$ref":
                    var (target, targetBase) = Resolve(baseUri, value.GetString()!);
                    Evaluate(target, targetBase, instance, instancePath, at, errors);
                    break;
                case "type":
                    var types = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(t => t.GetString()!).ToArray() : [value.GetString()!];
                    if (!types.Any(t => HasType(instance, t)))
                    {
                        Fail("type", $"expected {string.Join(" or ", types)} but found {Describe(instance)}");
                    }

                    break;
                case "enum":
                    if (!value.EnumerateArray().Any(v => JsonEquals(v, instance)))
                    {
                        Fail("enum", $"{Describe(instance)} is not one of {string.Join(", ", value.EnumerateArray().Select(v => v.GetRawText()))}");
                    }

                    break;
                case "const":
                    if (!JsonEquals(value, instance))
                    {
                        Fail("const", $"{Describe(instance)} is not {value.GetRawText()}");
                    }

                    break;
                case "properties" when instance.ValueKind == JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        if (instance.TryGetProperty(property.Name, out var child))
                        {
                            Evaluate(property.Value, baseUri, child, $"{instancePath}/{Escape(property.Name)}", $"{at}/{Escape(property.Name)}", errors);
                        }
                    }

                    break;
                case "required" when instance.ValueKind == JsonValueKind.Object:
                    foreach (var name in value.EnumerateArray().Select(n => n.GetString()!).Where(n => !instance.TryGetProperty(n, out _)))
                    {
                        Fail("required", $"required property '{name}' is missing");
                    }

                    break;
                case "additionalProperties" when instance.ValueKind == JsonValueKind.Object:
                    var declared = schema.TryGetProperty("properties", out var properties)
                        ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                        : [];
                    foreach (var property in instance.EnumerateObject().Where(p => !declared.Contains(p.Name)))
                    {
                        var extra = new List<SchemaError>();
                        if (!Evaluate(value, baseUri, property.Value, $"{instancePath}/{Escape(property.Name)}", at, extra))
                        {
                            Fail("additionalProperties", $"property '{property.Name}' is not allowed");
                        }
                    }

                    break;
                case "items" when instance.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in instance.EnumerateArray())
                    {
                        Evaluate(value, baseUri, item, $"{instancePath}/{index++}", at, errors);
                    }

                    break;
                case "minItems" when instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() < value.GetInt32():
                    Fail("minItems", $"expected at least {value.GetInt32()} items but found {instance.GetArrayLength()}");
                    break;
                case "maxItems" when instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() > value.GetInt32():
                    Fail("maxItems", $"expected at most {value.GetInt32()} items but found {instance.GetArrayLength()}");
                    break;
                case "uniqueItems" when value.GetBoolean() && instance.ValueKind == JsonValueKind.Array:
                    var items = instance.EnumerateArray().ToList();
                    for (var i = 0; i < items.Count; i++)
                    {
                        for (var j = i + 1; j < items.Count; j++)
                        {
                            if (JsonEquals(items[i], items[j]))
                            {
                                Fail("uniqueItems", $"items {i} and {j} are equal ({items[i].GetRawText()})");
                            }
                        }
                    }

                    break;
                case "minLength" when instance.ValueKind == JsonValueKind.String && Length(instance) < value.GetInt32():
                    Fail("minLength", $"expected at least {value.GetInt32()} characters but found {Length(instance)}");
                    break;
                case "maxLength" when instance.ValueKind == JsonValueKind.String && Length(instance) > value.GetInt32():
                    Fail("maxLength", $"expected at most {value.GetInt32()} characters but found {Length(instance)}");
                    break;
                case "pattern" when instance.ValueKind == JsonValueKind.String && !Pattern(value.GetString()!).IsMatch(instance.GetString()!):
                    Fail("pattern", $"{Describe(instance)} does not match {value.GetString()}");
                    break;
                case "format" when instance.ValueKind == JsonValueKind.String && !HasFormat(instance.GetString()!, value.GetString()!):
                    Fail("format", $"{Describe(instance)} is not a valid {value.GetString()}");
                    break;
                case "minimum" when instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() < value.GetDecimal():
                    Fail("minimum", $"{instance.GetRawText()} is less than {value.GetRawText()}");
                    break;
                case "maximum" when instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() > value.GetDecimal():
                    Fail("maximum", $"{instance.GetRawText()} is greater than {value.GetRawText()}");
                    break;
                case "exclusiveMinimum" when instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() <= value.GetDecimal():
                    Fail("exclusiveMinimum", $"{instance.GetRawText()} is not greater than {value.GetRawText()}");
                    break;
                case "exclusiveMaximum" when instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() >= value.GetDecimal():
                    Fail("exclusiveMaximum", $"{instance.GetRawText()} is not less than {value.GetRawText()}");
                    break;
                case "multipleOf" when instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() % value.GetDecimal() != 0m:
                    Fail("multipleOf", $"{instance.GetRawText()} is not a multiple of {value.GetRawText()}");
                    break;
                case "allOf":
                    var branch = 0;
                    foreach (var sub in value.EnumerateArray())
                    {
                        Evaluate(sub, baseUri, instance, instancePath, $"{at}/{branch++}", errors);
                    }

                    break;
                case "anyOf" or "oneOf":
                    var alternatives = value.EnumerateArray().ToList();
                    var branchErrors = new List<SchemaError>();
                    var passed = alternatives.Count(sub => Evaluate(sub, baseUri, instance, instancePath, at, branchErrors));
                    if (passed == 0)
                    {
                        var consts = alternatives.All(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("const", out _))
                            ? $": expected one of {string.Join(", ", alternatives.Select(a => a.GetProperty("const").GetRawText()))}"
                            : $" ({string.Join("; ", branchErrors.Select(e => e.ToString()))})";
                        Fail(keyword.Name, $"{Describe(instance)} matches none of the {alternatives.Count} alternatives{consts}");
                    }
                    else if (keyword.Name == "oneOf" && passed > 1)
                    {
                        Fail("oneOf", $"{Describe(instance)} matches {passed} alternatives; exactly one is allowed");
                    }

                    break;
                case "not":
                    if (Evaluate(value, baseUri, instance, instancePath, at, []))
                    {
                        Fail("not", $"{Describe(instance)} must not match the schema at #{at}");
                    }

                    break;
                case "if":
                    var then = Evaluate(value, baseUri, instance, instancePath, at, []) ? "then" : "else";
                    if (schema.TryGetProperty(then, out var consequence))
                    {
                        Evaluate(consequence, baseUri, instance, instancePath, $"{keywordPath}/{then}", errors);
                    }

                    break;
            }
        }

        return errors.Count == before;
    }

    private (JsonElement Schema, Uri Base) Resolve(Uri baseUri, string reference)
    {
        var uri = new Uri(baseUri, reference);
        var documentUri = new Uri(uri.GetLeftPart(UriPartial.Query));
        if (!documents.TryGetValue(documentUri, out var target))
        {
            throw new InvalidOperationException($"$ref '{reference}' from {baseUri} resolves to {documentUri}, which is not registered");
        }

        var fragment = Uri.UnescapeDataString(uri.Fragment.TrimStart('#'));
        foreach (var token in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            target = target.ValueKind == JsonValueKind.Array ? target[int.Parse(name, CultureInfo.InvariantCulture)] : target.GetProperty(name);
        }

        return (target, documentUri);
    }

    private Regex Pattern(string pattern)
    {
        if (!patterns.TryGetValue(pattern, out var regex))
        {
            patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return regex;
    }

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && (instance.TryGetDecimal(out var d) ? decimal.Truncate(d) == d : Math.Floor(instance.GetDouble()) == instance.GetDouble()),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"unknown type '{type}'"),
    };

    private static readonly Regex DatePattern = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);
    private static readonly Regex DateTimePattern = new(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);
    private static readonly Regex EmailPattern = new(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant);

    private static bool HasFormat(string value, string format) => format switch
    {
        "date" => DatePattern.IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimePattern.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" => EmailPattern.IsMatch(value),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.Length > 0,
        _ => throw new NotSupportedException($"format '{format}'"),
    };

    private static int Length(JsonElement s) => s.GetString()!.EnumerateRunes().Count();

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Describe(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => instance.GetRawText().Length > 60 ? instance.GetRawText()[..57] + "...\"" : instance.GetRawText(),
        _ => instance.GetRawText(),
    };

    /// <summary>JSON equality: numbers by value, objects regardless of member order.</summary>
    public static bool JsonEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        return a.ValueKind switch
        {
            JsonValueKind.Number => a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetDouble().Equals(b.GetDouble()),
            JsonValueKind.String => a.GetString() == b.GetString(),
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => JsonEquals(p.First, p.Second)),
            JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
                && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out var other) && JsonEquals(p.Value, other)),
            _ => true,
        };
    }

    public static string Report(IEnumerable<SchemaError> errors) =>
        new StringBuilder().AppendJoin("\n", errors.Select(e => "  " + e)).ToString();
}
