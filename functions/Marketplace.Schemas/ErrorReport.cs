using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Marketplace.Schemas;

/// <summary>
/// Turns NJsonSchema's tree of errors into a flat list of <see cref="SchemaError"/>s at the fields at fault, sorted
/// by path. Where a value had to match one of several alternatives, it reports the alternative the value came
/// closest to, or one summary when every alternative failed at the value itself (a list of constants, a choice of types).
/// </summary>
internal static partial class ErrorReport
{
    private sealed record Finding(string Path, string Message, ValidationErrorKind Kind);

    public static IReadOnlyList<SchemaError> From(IEnumerable<ValidationError> errors) =>
    [
        .. errors.SelectMany(Flatten)
            .Select(f => new SchemaError(f.Path, f.Message))
            .Distinct()
            .OrderBy(e => SortKey(e.Path), StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal),
    ];

    private static IEnumerable<Finding> Flatten(ValidationError error) => error switch
    {
        ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf } alternatives => Alternatives(alternatives),
        ChildSchemaValidationError nested => nested.Errors.Values.SelectMany(e => e).SelectMany(Flatten),
        MultiTypeValidationError types => Types(types),
        // "required" only constrains objects; NJsonSchema also reports it for other values, which a type error covers.
        { Kind: ValidationErrorKind.PropertyRequired, Token: not JObject } => [],
        { Kind: ValidationErrorKind.PropertyRequired } => [new Finding(PathOf(error.Token) + Member(error.Property ?? ""), "is required", error.Kind)],
        _ => [new Finding(PathOf(error.Token), Message(error), error.Kind)],
    };

    private static IEnumerable<Finding> Alternatives(ChildSchemaValidationError error)
    {
        var at = PathOf(error.Token);
        var branches = error.Errors.ToList();
        if (branches.Any(b => b.Value.Count == 0))
        {
            return [new Finding(at, "matches more than one of the allowed forms", error.Kind)];
        }

        if (error.Schema.ExtensionData?.TryGetValue(SchemaLoader.RewrittenFrom, out var from) == true && from?.ToString() == "if")
        {
            return Condition(branches);
        }

        var findings = branches.Select(b => b.Value.SelectMany(Flatten).Distinct().ToList()).ToList();
        var all = findings.SelectMany(f => f).ToList();
        if (all.Count > 0 && all.All(f => f.Path == at && f.Kind == ValidationErrorKind.NotInEnumeration))
        {
            return [new Finding(at, "is not one of the allowed values", ValidationErrorKind.NotInEnumeration)];
        }

        // The closest alternative is one of the value's own type; among those, the one it breaks least.
        var closest = findings
            .Where(f => f.Count > 0 && !f.Any(e => e.Path == at && IsTypeKind(e.Kind)))
            .OrderBy(f => f.Count)
            .FirstOrDefault();
        return closest ?? [Summary(at, all, error.Kind)];
    }

    // An if/then/else the loader rewrote into anyOf [allOf [if, then], allOf [not if, else]]: exactly one guard
    // holds, and the errors worth reporting are those of the consequence it leads to.
    private static IEnumerable<Finding> Condition(List<KeyValuePair<JsonSchema, ICollection<ValidationError>>> branches)
    {
        foreach (var (branch, errors) in branches)
        {
            var guard = branch.AllOf.First();
            var parts = errors.OfType<ChildSchemaValidationError>().Single(e => e.Kind == ValidationErrorKind.NotAllOf).Errors;
            if (parts.TryGetValue(guard, out var guardErrors) && guardErrors.Count > 0)
            {
                continue;
            }

            return parts.Where(p => p.Key != guard).SelectMany(p => p.Value).SelectMany(Flatten);
        }

        throw new InvalidOperationException("Neither the condition nor its negation held.");
    }

    private static Finding Summary(string at, List<Finding> findings, ValidationErrorKind kind)
    {
        var messages = findings.Select(f => f.Message).Distinct().ToList();
        return messages.Count > 0 && findings.All(f => f.Path == at && IsTypeKind(f.Kind))
            ? new Finding(at, Either(messages.Select(m => m["must be ".Length..])), ValidationErrorKind.NoTypeValidates)
            : new Finding(at, "does not match any of the allowed forms", kind);
    }

    private static IEnumerable<Finding> Types(MultiTypeValidationError error)
    {
        // A value of one of the types that breaks that type's other rules: report those rules.
        var matching = error.Errors.Values.FirstOrDefault(errors => errors.Count > 0 && !errors.Any(e => IsTypeKind(e.Kind)));
        return matching is not null
            ? matching.SelectMany(Flatten)
            : [new Finding(PathOf(error.Token), Either(error.Errors.Keys.Select(Describe)), error.Kind)];
    }

    private static string Either(IEnumerable<string> types)
    {
        var list = types.ToList();
        return "must be " + (list.Count == 1 ? list[0] : $"{string.Join(", ", list[..^1])} or {list[^1]}");
    }

    private static bool IsTypeKind(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected
        or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected
        or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates;

    private static string Describe(JsonObjectType type) => type switch
    {
        JsonObjectType.String => "a string",
        JsonObjectType.Number => "a number",
        JsonObjectType.Integer => "a whole number",
        JsonObjectType.Boolean => "true or false",
        JsonObjectType.Object => "an object",
        JsonObjectType.Array => "an array",
        JsonObjectType.Null => "null",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Message(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.StringExpected => "must be a string",
            ValidationErrorKind.NumberExpected => "must be a number",
            ValidationErrorKind.IntegerExpected => "must be a whole number",
            ValidationErrorKind.BooleanExpected => "must be true or false",
            ValidationErrorKind.ObjectExpected => "must be an object",
            ValidationErrorKind.ArrayExpected => "must be an array",
            ValidationErrorKind.NullExpected => "must be null",
            ValidationErrorKind.NotInEnumeration when schema.Enumeration.Count == 1 => $"must be {Json(schema.Enumeration.Single())}",
            ValidationErrorKind.NotInEnumeration => "is not one of the allowed values",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not allowed here",
            ValidationErrorKind.ExcludedSchemaValidates when IsRewrittenFalse(schema) => "is not allowed here",
            ValidationErrorKind.ExcludedSchemaValidates => "matches a form that is not allowed here",
            ValidationErrorKind.PatternMismatch => $"does not match the pattern {schema.Pattern}",
            ValidationErrorKind.StringTooShort when schema.MinLength == 1 => "must not be empty",
            ValidationErrorKind.StringTooShort => $"must be at least {schema.MinLength} characters long",
            ValidationErrorKind.StringTooLong => $"must be at most {schema.MaxLength} characters long",
            ValidationErrorKind.NumberTooSmall when schema.ExclusiveMinimum is { } bound => $"must be greater than {Number(bound)}",
            ValidationErrorKind.NumberTooSmall when schema.IsExclusiveMinimum => $"must be greater than {Number(schema.Minimum)}",
            ValidationErrorKind.NumberTooSmall => $"must be at least {Number(schema.Minimum)}",
            ValidationErrorKind.NumberTooBig when schema.ExclusiveMaximum is { } bound => $"must be less than {Number(bound)}",
            ValidationErrorKind.NumberTooBig when schema.IsExclusiveMaximum => $"must be less than {Number(schema.Maximum)}",
            ValidationErrorKind.NumberTooBig => $"must be at most {Number(schema.Maximum)}",
            ValidationErrorKind.IntegerTooBig => "is too large",
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => MultipleOf(schema.MultipleOf),
            ValidationErrorKind.TooFewItems when schema.MinItems == 1 => "must have at least one item",
            ValidationErrorKind.TooFewItems => $"must have at least {schema.MinItems} items",
            ValidationErrorKind.TooManyItems => $"must have at most {schema.MaxItems} items",
            ValidationErrorKind.ItemsNotUnique => "must not list the same item twice",
            ValidationErrorKind.TooManyItemsInTuple => "has more items than are allowed",
            ValidationErrorKind.TooFewProperties => $"must have at least {schema.MinProperties} properties",
            ValidationErrorKind.TooManyProperties => $"must have at most {schema.MaxProperties} properties",
            ValidationErrorKind.DateTimeExpected => "must be a date and time (e.g. 2026-05-01T10:00:00Z)",
            ValidationErrorKind.DateExpected => "must be a date (YYYY-MM-DD)",
            ValidationErrorKind.TimeExpected => "must be a time (hh:mm:ss)",
            ValidationErrorKind.TimeSpanExpected => "must be a duration",
            ValidationErrorKind.UriExpected => "must be an absolute URI",
            ValidationErrorKind.EmailExpected => "must be an email address",
            ValidationErrorKind.HostnameExpected => "must be a host name",
            ValidationErrorKind.IpV4Expected => "must be an IPv4 address",
            ValidationErrorKind.IpV6Expected => "must be an IPv6 address",
            ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => "must be a UUID",
            ValidationErrorKind.Base64Expected => "must be Base64-encoded",
            _ => "is not valid",
        };
    }

    private static bool IsRewrittenFalse(JsonSchema schema) =>
        schema.ExtensionData?.TryGetValue(SchemaLoader.RewrittenFrom, out var from) == true && from?.ToString() == "false";

    private static string MultipleOf(decimal? step)
    {
        // 0.01 reads better as "two decimal places" than as "a multiple of 0.01".
        var places = 0;
        for (var power = step; power is < 1m and > 0m; power *= 10m)
        {
            places++;
        }

        return step is { } s && s == DecimalPower(places) && places > 0
            ? $"must have at most {places} decimal place{(places == 1 ? "" : "s")}"
            : $"must be a multiple of {Number(step)}";
    }

    private static decimal DecimalPower(int places)
    {
        var value = 1m;
        for (var i = 0; i < places; i++)
        {
            value /= 10m;
        }

        return value;
    }

    private static string Number(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture) ?? "?";

    private static string Json(object? value) => value switch
    {
        null => "null",
        string s => JToken.FromObject(s).ToString(Newtonsoft.Json.Formatting.None),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    /// <summary>The JSON path of a value: <c>$</c>, then <c>.name</c> or <c>['odd name']</c> per member and <c>[i]</c> per item.</summary>
    internal static string PathOf(JToken? token) => token switch
    {
        null => "$",
        JProperty property => PathOf(property.Parent) + Member(property.Name),
        { Parent: JProperty property } => PathOf(property),
        { Parent: JArray array } => PathOf(array) + $"[{array.IndexOf(token)}]",
        _ => "$",
    };

    private static string Member(string name) => PlainName().IsMatch(name)
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
