using System.Text.Json;
using Json.Schema;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests;

/// <summary>
/// One of the vendored third-party schemas in vendor/schemas (draft-04 and draft-07, read as they are; see
/// vendor/schemas/SOURCE.md), applied with JsonSchema.Net, offline.
/// </summary>
internal sealed class VendorSchema(JsonSchema schema)
{
    private const string Draft04 = "http://json-schema.org/draft-04/schema#";

    // JsonSchema.Net knows draft-06 onwards, not draft-04, so the draft-04 files are read with draft-06 rules under the
    // draft-04 id: the same keywords, plus const, which function.json uses although it declares draft-04 (SOURCE.md).
    // Unknown keywords (OCDS's codelist, openCodelist, …, and its object-valued deprecated, not a draft-06 keyword)
    // stay annotations, and $ref ignores its siblings, as it does in draft-04.
    private static readonly Dialect Draft04AsDraft06 = Dialect.Draft06.With([], new Uri(Draft04), refIgnoresSiblingKeywords: true, allowUnknownKeywords: true);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>
    /// Loads <paramref name="files"/> (paths under vendor/schemas) into one offline registry and returns the first.
    /// Draft-04 names a schema by <c>id</c>, which draft-06 does not read, so each file is registered under its own
    /// <c>id</c> or <c>$id</c> explicitly: a reference from one file to another resolves without the network.
    /// </summary>
    public static VendorSchema Load(params string[] files)
    {
        var dialects = new DialectRegistry();
        dialects.Register(Draft04AsDraft06);
        // A keyword before $schema (OCDS puts id first) is read with the default dialect, so that is draft-04 too.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry { Fetch = (_, _) => null }, DialectRegistry = dialects, Dialect = Draft04AsDraft06 };
        var schemas = files.Select(file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "vendor", "schemas", file)));
            var root = document.RootElement.Clone();
            var id = root.TryGetProperty("$id", out var newer) ? newer : root.GetProperty("id");
            return JsonSchema.Build(root, options, new Uri(id.GetString()!));
        }).ToList();
        return new VendorSchema(schemas[0]);
    }

    /// <summary>Every failing assertion, as "instance location keyword: message".</summary>
    public IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, Options);
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Prepend(results).SelectMany(d => (d.Errors ?? []).Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))];
    }
}
