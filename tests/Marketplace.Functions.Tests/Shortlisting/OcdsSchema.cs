using Marketplace.Schemas;
using Marketplace.Testing;
using NJsonSchema;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>
/// The vendored OCDS 1.1.5 release-package schema, with its one external reference (the release schema's URL) mapped
/// to the vendored release schema, as vendor/schemas/SOURCE.md says: no network.
/// </summary>
internal sealed class OcdsSchema(JsonSchema schema)
{
    public const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    public static async Task<OcdsSchema> LoadAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "vendor", "schemas", "ocds-1.1");
        var knownUrls = new Dictionary<string, string> { [ReleaseSchemaUrl] = Path.Combine(folder, "release-schema.json") };
        return new OcdsSchema(await SchemaLoader.LoadFileAsync(Path.Combine(folder, "release-package-schema.json"), knownUrls));
    }

    /// <summary>Every error, nested ones included, as "Kind: path".</summary>
    public IReadOnlyList<string> Validate(string json) => [.. Flatten(schema.Validate(json))];

    private static IEnumerable<string> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) => errors.SelectMany(e =>
        e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? [e.ToString(), .. child.Errors.Values.SelectMany(Flatten)]
            : new[] { e.ToString() });
}
