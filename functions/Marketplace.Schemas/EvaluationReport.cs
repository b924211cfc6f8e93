using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Marketplace.Schemas;

/// <summary>
/// Turns JsonSchema.Net's hierarchical results into a flat list of <see cref="SchemaError"/>s at the fields at fault,
/// in plain English, sorted by path. An <c>if</c> only chooses, so only the <c>then</c> or <c>else</c> that applied
/// is reported (the library evaluates no other). Where a value had to match one of several alternatives, the
/// alternative of the value's own type that it breaks least is reported, or one summary when none fits.
/// </summary>
internal static partial class EvaluationReport
{
    public const string Required = "is required";

    private enum Kind { Other, Type, Const, Enum, Required }

    private sealed record Finding(string Path, string Message, Kind Kind);

    public static IReadOnlyList<SchemaError> From(EvaluationResults results, JsonElement instance, SchemaSources.Location root) =>
    [
        .. Collect(results, root, instance)
            .Select(f => new SchemaError(f.Path, f.Message))
            .Distinct()
            .OrderBy(e => SortKey(e.Path), StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal),
    ];

    private static List<Finding> Collect(EvaluationResults node, SchemaSources.Location schema, JsonElement instance)
    {
        if (node.IsValid)
        {
            return [];
        }

        var (at, value) = Instance(instance, node.InstanceLocation.ToString());
        if (schema.Schema.ValueKind == JsonValueKind.False)
        {
            return [new Finding(at, "is not allowed here", Kind.Other)];
        }

        var findings = new List<Finding>();
        foreach (var keyword in node.Errors?.Keys ?? Enumerable.Empty<string>())
        {
            findings.AddRange(keyword switch
            {
                "required" => Missing(schema, value).Select(name => new Finding(at + Member(name), Required, Kind.Required)),
                "type" or "const" or "enum" or "pattern" or "format" or "minLength" or "maxLength" or "minimum" or "maximum"
                    or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" or "minItems" or "maxItems" or "uniqueItems"
                    or "minProperties" or "maxProperties" or "contains" => [Assertion(keyword, schema, at)],
                _ => [], // an applicator: its subschemas' results below say what failed
            });
        }

        var depth = Segments(node.EvaluationPath.ToString()).Length;
        var alternatives = new Dictionary<string, List<(EvaluationResults Node, SchemaSources.Location Schema)>>(StringComparer.Ordinal);
        foreach (var child in node.Details ?? [])
        {
            var relative = Segments(child.EvaluationPath.ToString())[depth..];
            var keyword = relative.FirstOrDefault();
            switch (keyword)
            {
                case "if" or "contains":
                    break; // the one only chooses between then and else; the other failed as a whole, above
                case "not" when child.IsValid:
                    findings.Add(new Finding(at, "matches a form that is not allowed here", Kind.Other));
                    break;
                case "not":
                    break;
                case "oneOf" or "anyOf":
                    (alternatives.TryGetValue(keyword, out var branches) ? branches : alternatives[keyword] = []).Add((child, schema.Follow(relative)));
                    break;
                default:
                    findings.AddRange(Collect(child, schema.Follow(relative), instance));
                    break;
            }
        }

        foreach (var (keyword, branches) in alternatives)
        {
            findings.AddRange(Alternatives(keyword, branches, at, instance));
        }

        return findings;
    }

    private static IEnumerable<Finding> Alternatives(string keyword, List<(EvaluationResults Node, SchemaSources.Location Schema)> branches, string at, JsonElement instance)
    {
        var passed = branches.Count(b => b.Node.IsValid);
        if (passed > 0)
        {
            return keyword == "oneOf" && passed > 1 ? [new Finding(at, "matches more than one of the allowed forms", Kind.Other)] : [];
        }

        var findings = branches.Select(b => Collect(b.Node, b.Schema, instance).Distinct().ToList()).ToList();
        var all = findings.SelectMany(f => f).ToList();
        if (all.Count > 0 && all.All(f => f.Path == at && f.Kind is Kind.Const or Kind.Enum))
        {
            return [new Finding(at, "is not one of the allowed values", Kind.Enum)];
        }

        // The branch that applies is one the value has the type of and whose constants (a discriminator such as
        // price.model) it matches; among those, the one it breaks least.
        var fitting = findings.Where(f => !f.Any(e => e.Path == at && e.Kind == Kind.Type)).ToList();
        if (fitting.Where(f => !f.Any(e => e.Kind == Kind.Const)).OrderBy(f => f.Count).FirstOrDefault() is { } applies)
        {
            return applies;
        }

        var types = all.Where(f => f.Path == at && f.Kind == Kind.Type).Select(f => f.Message["must be ".Length..]).Distinct().ToList();
        if (fitting.Count == 0 && types.Count > 0)
        {
            return [new Finding(at, Either(types), Kind.Type)];
        }

        // Every branch that fits the type names another constant: the value there matches none of them.
        var discriminators = fitting.Select(f => f.Where(e => e.Kind == Kind.Const).Select(e => e.Path).Distinct().ToList()).ToList();
        return discriminators.All(d => d.Count == 1) && discriminators.Select(d => d[0]).Distinct().Count() == 1
            ? [new Finding(discriminators[0][0], "is not one of the allowed values", Kind.Enum)]
            : [new Finding(at, "does not match any of the allowed forms", Kind.Other)];
    }

    private static IEnumerable<string> Missing(SchemaSources.Location schema, JsonElement? value) =>
        schema.Keyword("required") is { ValueKind: JsonValueKind.Array } required && value is { ValueKind: JsonValueKind.Object } o
            ? required.EnumerateArray().Select(r => r.GetString()!).Where(name => !o.TryGetProperty(name, out _))
            : [];

    private static Finding Assertion(string keyword, SchemaSources.Location schema, string at)
    {
        var value = schema.Keyword(keyword)!.Value;
        var number = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "";
        return keyword switch
        {
            "type" => new Finding(at, Either(value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(t => Describe(t.GetString())) : [Describe(value.GetString())]), Kind.Type),
            "const" => new Finding(at, $"must be {value.GetRawText()}", Kind.Const),
            "enum" when value.GetArrayLength() == 1 => new Finding(at, $"must be {value[0].GetRawText()}", Kind.Const),
            "enum" => new Finding(at, "is not one of the allowed values", Kind.Enum),
            _ => new Finding(at, keyword switch
            {
                "pattern" => $"does not match the pattern {value.GetString()}",
                "format" => Format(value.GetString()),
                "minLength" when number == "1" => "must not be empty",
                "minLength" => $"must be at least {number} characters long",
                "maxLength" => $"must be at most {number} characters long",
                "minimum" => $"must be at least {number}",
                "maximum" => $"must be at most {number}",
                "exclusiveMinimum" => $"must be greater than {number}",
                "exclusiveMaximum" => $"must be less than {number}",
                "multipleOf" => MultipleOf(value.GetDecimal()),
                "minItems" when number == "1" => "must have at least one item",
                "minItems" => $"must have at least {number} items",
                "maxItems" => $"must have at most {number} items",
                "uniqueItems" => "must not list the same item twice",
                "contains" => "has no item of the required form",
                "minProperties" => $"must have at least {number} properties",
                "maxProperties" => $"must have at most {number} properties",
                _ => "is not valid",
            }, Kind.Other),
        };
    }

    private static string Describe(string? type) => type switch
    {
        "string" => "a string",
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "true or false",
        "object" => "an object",
        "array" => "an array",
        _ => type ?? "?",
    };

    private static string Either(IEnumerable<string> types)
    {
        var list = types.ToList();
        return "must be " + (list.Count == 1 ? list[0] : $"{string.Join(", ", list[..^1])} or {list[^1]}");
    }

    private static string Format(string? format) => format switch
    {
        "date-time" => "must be a date and time (e.g. 2026-05-01T10:00:00Z)",
        "date" => "must be a date (YYYY-MM-DD)",
        "time" => "must be a time (hh:mm:ss)",
        "duration" => "must be a duration",
        "uri" => "must be an absolute URI",
        "email" => "must be an email address",
        "hostname" => "must be a host name",
        "ipv4" => "must be an IPv4 address",
        "ipv6" => "must be an IPv6 address",
        "uuid" => "must be a UUID",
        _ => $"must be in the format {format}",
    };

    private static string MultipleOf(decimal step)
    {
        // 0.01 reads better as "two decimal places" than as "a multiple of 0.01".
        var places = step.Scale;
        return places > 0 && step == 1m / (decimal)Math.Pow(10, places)
            ? $"must have at most {places} decimal place{(places == 1 ? "" : "s")}"
            : $"must be a multiple of {step.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The JSON path of an instance location, and the value there if there is one.</summary>
    private static (string Path, JsonElement? Value) Instance(JsonElement root, string pointer)
    {
        var path = "$";
        JsonElement? value = root;
        foreach (var segment in Segments(pointer))
        {
            if (value is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index))
            {
                path += $"[{index}]";
                value = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path += Member(segment);
                value = value is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(segment, out var member) ? member : null;
            }
        }

        return (path, value);
    }

    private static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary><c>.name</c>, or <c>['odd name']</c> for a name that is not a plain identifier.</summary>
    internal static string Member(string name) => PlainName().IsMatch(name)
        ? "." + name
        : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    // Sorts $.regions[10] after $.regions[9].
    private static string SortKey(string path) => Index().Replace(path, m => "[" + m.Groups[1].Value.PadLeft(10, '0') + "]");

    // RFC 9535 member-name-shorthand, ASCII only.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
