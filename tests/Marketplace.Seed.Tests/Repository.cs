using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Schemas;

namespace Marketplace.Seed.Tests;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder holding Marketplace.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Seed => Path.Combine(Root, "catalogue-seed");

    private static readonly Lazy<DocumentSchemas> LoadedSchemas = new(() => DocumentSchemas.Load(Schemas));

    private static readonly Lazy<CatalogueFiles> LoadedSeed = new(() => CatalogueFiles.Load(Seed));

    /// <summary>All schemas, loaded once, with the validator the API uses; $ref to the vocabulary resolves offline.</summary>
    public static DocumentSchemas DocumentSchemas => LoadedSchemas.Value;

    /// <summary>A schema file as written, for checks on the schema text itself.</summary>
    public static JsonElement SchemaJson(string file) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Schemas, file))).RootElement;

    public static string Report(IEnumerable<SchemaError> errors) => string.Join("\n", errors.Select(e => "  " + e));

    public static CatalogueFiles SeedFiles => LoadedSeed.Value;

    /// <summary>Which schema each seed file is checked against.</summary>
    public static readonly IReadOnlyDictionary<string, string> SchemaOfFile = new Dictionary<string, string>
    {
        ["organisations.json"] = "organisation.schema.json",
        ["standards.json"] = "standard.schema.json",
        ["offerings.json"] = "offering.schema.json",
        ["frameworks.json"] = "framework.schema.json",
        ["attestations.json"] = "attestation.schema.json",
        ["users.json"] = "user.schema.json",
        ["assessments.json"] = "buyer-assessment.schema.json",
    };

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Marketplace.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Marketplace.sln");
    }
}

/// <summary>The seed documents of one catalogue folder, parsed independently of the generator's types.</summary>
internal sealed class CatalogueFiles
{
    public required string Folder { get; init; }
    public required JsonArray Organisations { get; init; }
    public required JsonArray Standards { get; init; }
    public required JsonArray Offerings { get; init; }
    public required JsonArray Frameworks { get; init; }
    public required JsonArray Attestations { get; init; }
    public required JsonArray Users { get; init; }
    public required JsonArray Assessments { get; init; }

    public static CatalogueFiles Load(string folder)
    {
        JsonArray Read(string name) => JsonNode.Parse(File.ReadAllBytes(Path.Combine(folder, name)))!.AsArray();
        return new CatalogueFiles
        {
            Folder = folder,
            Organisations = Read("organisations.json"),
            Standards = Read("standards.json"),
            Offerings = Read("offerings.json"),
            Frameworks = Read("frameworks.json"),
            Attestations = Read("attestations.json"),
            Users = Read("users.json"),
            Assessments = Read("assessments.json"),
        };
    }

    public IEnumerable<JsonObject> OrganisationsOfKind(string kind) => Organisations.Select(o => o!.AsObject()).Where(o => Str(o, "kind") == kind);

    public static string Str(JsonNode node, string property) => node[property]!.GetValue<string>();

    public static string? OptionalStr(JsonNode node, string property) => node[property]?.GetValue<string>();

    public static IReadOnlyList<string> Strs(JsonNode node, string property) =>
        node[property] is JsonArray array ? [.. array.Select(v => v!.GetValue<string>())] : [];

    public static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
