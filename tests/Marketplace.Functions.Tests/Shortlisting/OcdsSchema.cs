namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>
/// The vendored OCDS 1.1.5 release-package schema, with its one external reference (the release schema's URL)
/// resolved to the vendored release schema registered under that URL, its id, as vendor/schemas/SOURCE.md says: no network.
/// </summary>
internal sealed class OcdsSchema(VendorSchema schema)
{
    public static Task<OcdsSchema> LoadAsync() =>
        Task.FromResult(new OcdsSchema(VendorSchema.Load("ocds-1.1/release-package-schema.json", "ocds-1.1/release-schema.json")));

    /// <summary>Every error, as "instance location keyword: message".</summary>
    public IReadOnlyList<string> Validate(string json) => schema.Validate(json);
}
