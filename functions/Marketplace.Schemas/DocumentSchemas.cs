using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Marketplace.Schemas;

/// <summary>
/// The repository's document schemas (<c>schemas/*.schema.json</c>), read at load and each built with JsonSchema.Net on
/// its first use (building all of them took about 160 ms of CPU before the app's first answer), then shared: evaluating
/// is read-only, so one instance serves every thread. A schema is named by its file name (<c>offering.schema.json</c>)
/// or its <c>$id</c>. Loading touches no JsonSchema.Net type, so JsonSchema.Net itself starts (its module initialiser
/// builds every meta-schema) at the first build too, not before the app's first answer (issue 15).
/// </summary>
public sealed class DocumentSchemas
{
    private readonly Dictionary<string, Slot> schemas;
    private readonly SchemaSources sources;

    private DocumentSchemas(Dictionary<string, Slot> schemas, SchemaSources sources, IReadOnlyList<string> files)
    {
        this.schemas = schemas;
        this.sources = sources;
        Files = files;
    }

    /// <summary>The file names loaded, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Loads every <c>*.schema.json</c> in <paramref name="folder"/>, each registered under its <c>$id</c> (or, without
    /// one, its file URI) so that references between them resolve offline. Each is built when first used.
    /// </summary>
    /// <exception cref="JsonSchemaException">A reference names no loaded schema (an invalid schema fails on first use).</exception>
    public static DocumentSchemas Load(string folder)
    {
        // Sorted in place: LINQ's ordering over strings is compiled at run time on the cold start (issue 15).
        var files = Directory.GetFiles(folder, "*.schema.json");
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No *.schema.json files are in {Path.GetFullPath(folder)}.");
        }

        var sources = new SchemaSources();
        var schemas = new Dictionary<string, Slot>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Read synchronously, as UTF-8 bytes parsed once into an element kept for the app's life: this runs while the
            // endpoints are built at start-up, where asynchronous reads only added pool-thread hand-offs, and reading text
            // then cloning the parsed document allocated the schemas three times over.
            var root = JsonElement.Parse(File.ReadAllBytes(file));
            var baseUri = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String
                ? new Uri(id.GetString()!)
                : new Uri(Path.GetFullPath(file));
            sources.Add(baseUri, root);
            var schema = new Slot(sources, baseUri);
            schemas[Path.GetFileName(file)] = schema;
            schemas[baseUri.OriginalString] = schema;
        }

        sources.CheckReferences();
        return new DocumentSchemas(schemas, sources, Array.ConvertAll(files, f => Path.GetFileName(f)));
    }

    /// <summary>
    /// Builds a schema together with every schema it refers to, directly or not, in a registry of its own: nothing is
    /// shared with another schema's build, so one being built never changes what another one's evaluation reads.
    /// </summary>
    private static JsonSchema Build(SchemaSources sources, Uri baseUri)
    {
        // Our own registry, so nothing leaks into the global one; schemas are never fetched over the network.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry { Fetch = (_, _) => null }, Dialect = Dialect.Draft202012 };
        foreach (var referenced in sources.ReferencedFrom(baseUri))
        {
            JsonSchema.Build(sources.Document(referenced), options, referenced);
        }

        return JsonSchema.Build(sources.Document(baseUri), options, baseUri);
    }

    /// <summary>Whether a schema of that file name or <c>$id</c> is loaded.</summary>
    public bool Contains(string schema) => schemas.ContainsKey(schema);

    /// <summary>Validates a JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON (or repeats a property name).</exception>
    public IReadOnlyList<SchemaError> Validate(string schema, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        return Validate(schema, document.RootElement);
    }

    public IReadOnlyList<SchemaError> Validate(string schema, JsonNode? json) => Validate(schema, JsonSerializer.SerializeToElement(json));

    public IReadOnlyList<SchemaError> Validate(string schema, JsonElement json) => Check(schema, json).Errors;

    /// <summary>
    /// Validates a document in which a <c>null</c> property counts as absent unless the schema requires that property
    /// (in the branch that applies); <c>Document</c> is the document with those nulls removed, for binding, or null when
    /// nothing was removed.
    /// </summary>
    public (IReadOnlyList<SchemaError> Errors, JsonNode? Document) Check(string schema, JsonElement json)
    {
        var slot = Get(schema);
        var (found, baseUri) = (slot.Schema, slot.BaseUri);
        var document = JsonNode.Parse(json.GetRawText());
        var removed = NullMembers.Remove(document);
        if (removed.Count == 0)
        {
            return (Evaluate(found, baseUri, json), null);
        }

        // Clients send null for "no value" (and System.Text.Json writes it for unset nullable properties), so an
        // optional property that is null is judged as if it were absent; a required one is judged as sent.
        while (true)
        {
            var element = JsonSerializer.SerializeToElement(document);
            var errors = Evaluate(found, baseUri, element);
            var needed = removed.Where(r => errors.Contains(new SchemaError(r.Path, EvaluationReport.Required))).ToList();
            if (needed.Count == 0)
            {
                return (errors, removed.Count > 0 ? document : null);
            }

            foreach (var member in needed)
            {
                member.Parent[member.Name] = null;
                removed.Remove(member);
            }
        }
    }

    private IReadOnlyList<SchemaError> Evaluate(JsonSchema schema, Uri baseUri, JsonElement json) =>
        EvaluationReport.From(schema.Evaluate(json, Slot.Options), json, sources.Root(baseUri));

    /// <summary>
    /// One schema, built on first use, once however many requests ask at the same moment. Its fields and constructor
    /// name no JsonSchema.Net type (the built schema is kept as an object), so creating it does not start JsonSchema.Net.
    /// </summary>
    private sealed class Slot(SchemaSources sources, Uri baseUri)
    {
        internal static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

        private readonly Lock gate = new();
        private object? built;

        public Uri BaseUri => baseUri;

        public JsonSchema Schema
        {
            get
            {
                if (Volatile.Read(ref built) is JsonSchema done)
                {
                    return done;
                }
                lock (gate)
                {
                    return (JsonSchema)(built ??= Build(sources, baseUri));
                }
            }
        }
    }

    private Slot Get(string schema) => schemas.TryGetValue(schema, out var found)
        ? found
        : throw new ArgumentException($"No schema named '{schema}' is loaded; the files are {string.Join(", ", Files)}.", nameof(schema));

    /// <summary>The null-valued object members of a document, at any depth, taken out of it.</summary>
    private static class NullMembers
    {
        public sealed record Member(JsonObject Parent, string Name, string Path);

        public static List<Member> Remove(JsonNode? document)
        {
            var removed = new List<Member>();
            Walk(document, "$", removed);
            foreach (var member in removed)
            {
                member.Parent.Remove(member.Name);
            }

            return removed;
        }

        private static void Walk(JsonNode? node, string path, List<Member> removed)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        var at = path + EvaluationReport.Member(name);
                        if (value is null)
                        {
                            removed.Add(new Member(o, name, at));
                        }
                        else
                        {
                            Walk(value, at, removed);
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i}]", removed);
                    }

                    break;
            }
        }
    }
}
